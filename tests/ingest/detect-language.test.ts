import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/text/detect-language.js';

describe('detectLanguage', () => {
  it.each([
    ['en', 'The minister said on Monday that the talks with the delegation were not over and would resume in the spring.'],
    ['fr', 'Le ministre a déclaré lundi que les discussions avec la délégation ne sont pas terminées et reprendront au printemps.'],
    ['es', 'El ministro dijo el lunes que las conversaciones con la delegación no han terminado y que se reanudarán en la primavera.'],
    ['de', 'Der Minister sagte am Montag, dass die Gespräche mit der Delegation nicht beendet sind und im Frühjahr weitergehen werden.'],
    ['it', 'Il ministro ha detto lunedì che i colloqui con la delegazione non sono finiti e che riprenderanno in primavera.'],
    ['pt', 'O ministro disse na segunda-feira que as conversas com a delegação não terminaram e que serão retomadas na primavera.'],
    ['ru', 'Министр заявил в понедельник, что переговоры с делегацией не закончены и возобновятся весной.'],
    ['ar', 'قال الوزير يوم الاثنين إن المحادثات مع الوفد لم تنته وستستأنف في الربيع.'],
  ])('%s', (lang, text) => {
    const r = detectLanguage(text);
    expect(r.lang).toBe(lang);
    expect(r.confidence).toBeGreaterThan(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
  });

  it('Arabic wins by script share even with Latin names inside', () => {
    expect(detectLanguage('وأضاف الوزير في مقابلة مع صحيفة Hürriyet التركية أن السلام بعيد').lang).toBe('ar');
  });

  it('is und with confidence 0 when unsure: empty, digits, too few words', () => {
    for (const t of ['', '12 34 56 — !!', 'Kyiv Moscow']) expect(detectLanguage(t)).toEqual({ lang: 'und', confidence: 0 });
  });
});
