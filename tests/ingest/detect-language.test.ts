import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectLanguage, STOP_WORDS } from '../../src/text/detect-language.js';

describe('detectLanguage', () => {
  it.each([
    ['en', 'The minister said on Monday that the talks with the delegation were not over and would resume in the spring.'],
    // "a" is English too: without it, a sentence heavy in "a" (Portuguese's "a") was und (ECB+ has such a brief).
    ['en', 'A neighbour has paid tribute to a local teacher missing after a fall from a cliff in Wales.'],
    // The "o" of O'Brien is no Portuguese article.
    ['en', "Boston Celtics sacked Sean O'Brien, coach. Named Mike O’Neill coach in his place."],
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

/**
 * The plain definition the fast scanner must reproduce: letters counted per code point by
 * script (first seen wins ties), Latin decided by stop-word shares over `\p{L}+` runs.
 */
function referenceDetect(text: string): { lang: string; confidence: number } {
  // The stop-word data is the detector's own: this oracle checks the algorithm, not a copy of the lists.
  const stop = STOP_WORDS;
  const round = (x: number): number => Math.round(x * 1000) / 1000;
  const scriptOf = (ch: string): string | undefined => {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 'latin' : undefined;
    if ((c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0xfb50 && c <= 0xfeff)) return /\p{L}/u.test(ch) ? 'arabic' : undefined;
    if (!/\p{L}/u.test(ch)) return undefined;
    if (c <= 0x024f || (c >= 0x1e00 && c <= 0x1eff)) return 'latin';
    if (c >= 0x0400 && c <= 0x052f) return 'cyrillic';
    if (c >= 0x0370 && c <= 0x03ff) return 'greek';
    if (c >= 0x0590 && c <= 0x05ff) return 'hebrew';
    if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(ch)) return 'kana';
    if (/\p{Script=Han}/u.test(ch)) return 'han';
    if (/\p{Script=Hangul}/u.test(ch)) return 'hangul';
    if (/\p{Script=Arabic}/u.test(ch)) return 'arabic';
    return 'other';
  };
  const by: Record<string, number> = {};
  let total = 0;
  let persian = 0;
  let ukrainian = 0;
  for (const ch of text) {
    const s = scriptOf(ch);
    if (!s) continue;
    total++;
    by[s] = (by[s] ?? 0) + 1;
    if ('پچژگک'.includes(ch)) persian++;
    if ('іїєґІЇЄҐ'.includes(ch)) ukrainian++;
  }
  if (total === 0) return { lang: 'und', confidence: 0 };
  const [script, n] = Object.entries(by).sort((a, b) => b[1] - a[1])[0]!;
  const share = n / total;
  const byScript: Record<string, string> = { greek: 'el', hebrew: 'he', kana: 'ja', hangul: 'ko' };
  if (script === 'arabic') return { lang: persian > n * 0.02 ? 'fa' : 'ar', confidence: round(share) };
  if (script === 'cyrillic') return { lang: ukrainian > n * 0.01 ? 'uk' : 'ru', confidence: round(share) };
  if (script === 'han') return { lang: by['kana'] ? 'ja' : 'zh', confidence: round(share) };
  if (byScript[script] !== undefined) return { lang: byScript[script]!, confidence: round(share) };
  if (script !== 'latin') return { lang: 'und', confidence: 0 };
  const lower = text.toLowerCase();
  const runs = [...lower.matchAll(/\p{L}+/gu)];
  const words = runs.map((m) => m[0]);
  if (words.length < 3) return { lang: 'und', confidence: 0 };
  // A lone letter elided onto the next word (O'Brien, d'un) is no stop word.
  const elided = (m: RegExpMatchArray): boolean => m[0].length === 1 && /^['’]\p{L}/u.test(lower.slice(m.index! + 1));
  const counted = runs.filter((m) => !elided(m)).map((m) => m[0]);
  const scores = Object.entries(stop).map(([l, list]) => [l, counted.filter((w) => list.includes(w)).length / words.length] as [string, number]);
  scores.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const [best, second] = scores;
  if (!best || best[1] === 0) return { lang: 'und', confidence: 0 };
  const ratio = second && second[1] > 0 ? best[1] / second[1] : Infinity;
  if (ratio < 1.3) return { lang: 'und', confidence: 0 };
  const clarity = ratio === Infinity ? 1 : Math.min(1, (ratio - 1) / 2);
  return { lang: best[0], confidence: round(Math.max(0.01, clarity * share)) };
}

describe('detectLanguage fast scanner', () => {
  it('equals the plain per-code-point definition on mixed-script text', () => {
    const piece = fc.constantFrom("O'", 'd’', "a'", "'", 'the ', 'and ', 'of ', 'le ', 'la ', 'der ', 'die ', 'el ', 'que ', 'è ', 'não ', 'también ', 'werden ', 'Minister ', 'talks ', ' ', '.', '12 ',
      'روسيا ', 'گفت ', 'پ', 'Київ ', 'ї', 'Москва ', 'Ελλάδα ', 'שלום ', '日本語', 'カナ', '中文', '한국어', 'ภาษา', '𝐀𝐁 ', '😀', 'İstanbul ', 'ΣΑΣ ', 'é', '\uD800');
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }).map((p) => p.join('')), (t) => {
      expect(detectLanguage(t)).toEqual(referenceDetect(t));
    }), { numRuns: 3000 });
  });
});
