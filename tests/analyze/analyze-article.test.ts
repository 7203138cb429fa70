import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeArticle, cutSentence } from '../../src/analyze/index.js';
import { compileLexicons, loadLexiconBundle, parseLexiconFiles } from '../../src/lexicon/index.js';
import { bundledLexiconDir } from '../../src/paths.js';
import type { LexiconBundle } from '../../src/types.js';

const GOOD = fileURLToPath(new URL('../fixtures/lexicon/good/', import.meta.url));
const bundle = loadLexiconBundle(GOOD);
const lexicon = compileLexicons(bundle);

function run(body: string, lang = 'en', headlineEnd = 0) {
  return analyzeArticle({ id: 't', body, lang, headlineEnd }, lexicon);
}
const hits = (body: string, lang = 'en', headlineEnd = 0) =>
  run(body, lang, headlineEnd).matches.map((m) => `${m.concept}:${m.matched}:${m.voice}${m.negated ? ':neg' : ''}${m.distanced ? ':dist' : ''}`);

describe('matching', () => {
  it('longest match wins and a span counts once; contrasts count inside it', () => {
    const a = run('Kiev regime forces left Kiev for Kyiv.');
    expect(a.matches.map((m) => m.concept)).toEqual(['kiev_regime', 'kiev', 'kyiv']);
    expect(a.contrastHits.map((h) => `${h.contrast}:${h.label}`)).toEqual(['kiev_kyiv:kiev', 'kiev_kyiv:kiev', 'kiev_kyiv:kyiv']);
  });

  it('never runs a term or a contrast label on across a sentence end: the shorter term there wins', () => {
    const a = run('Officials left Kiev. Regime forces stayed. The Kiev regime answered.');
    expect(a.matches.map((m) => `${m.concept}:${m.matched}`)).toEqual(['kiev:Kiev', 'kiev_regime:Kiev regime']);
    expect(a.contrastHits.map((h) => h.label)).toEqual(['kiev', 'kiev']);
    expect(hits('Crowds in Kiev\nregime forces left.')).toEqual(['kiev:Kiev:authorial']);
    // An abbreviation's period is no sentence end (src/text/sentences.ts): `u.s. forces` holds.
    const b = parseLexiconFiles([{ path: 'x/a.yaml', text: 'lexicon: a\nconcepts:\n  - id: c\n    label: c\n    frame: f\n    terms: { en: [u.s. forces] }\n' }], 'x');
    const us = analyzeArticle({ id: 'i', body: 'The U.S. forces left. Then the U.S. Forces returned.', lang: 'en', headlineEnd: 0 }, compileLexicons(b));
    expect(us.matches.map((m) => m.matched)).toEqual(['U.S. forces', 'U.S. Forces']);
  });

  it('never runs an entity name on across a sentence end', () => {
    const names = parseLexiconFiles([{ path: 'x/entities.yaml', text: 'entities:\n  - id: white_house\n    label: White House\n    terms: { en: [white house] }\n' }], 'x');
    const entities = (body: string) => analyzeArticle({ id: 'i', body, lang: 'en', headlineEnd: 0 }, compileLexicons(names)).entities;
    expect(entities('The car was white. House prices rose.')).toEqual([]);
    expect(entities('The car was white\nHouse prices rose.')).toEqual([]);
    expect(entities('The White House said so. So did the white house.')).toEqual(['white_house', 'white_house']);
  });

  it('is case-insensitive and tolerates English inflection', () => {
    expect(hits('The KIEV REGIMES fell; the Kiev regime’s army; Ukrainian nationalists.')).toEqual([
      'kiev_regime:KIEV REGIMES:authorial',
      'kiev_regime:Kiev regime’s:authorial',
      'nationalists:Ukrainian nationalists:authorial',
    ]);
    expect(hits('They shelled civilians and kept shelling civilians.').length).toBe(2);
  });

  it('matches prefix globs at a word end only', () => {
    expect(hits('Russophobia and russophobic views, not antirussophobia.')).toEqual(['russophobia:Russophobia:authorial', 'russophobia:russophobic:authorial']);
  });

  it('honours exclude phrases but still counts a shorter concept inside', () => {
    expect(run('They want Kiev regime change now.').matches.map((m) => m.concept)).toEqual(['kiev']);
  });

  it('matches Arabic with proclitics on the first word', () => {
    for (const text of ['قال إن نظام كييف يرفض', 'ونظام كييف يرفض', 'مع لنظام كييف', 'فنظامُ كييفَ']) {
      const a = run(text, 'ar');
      expect(a.matches.map((m) => m.concept), text).toEqual(['kiev_regime']);
      for (const m of a.matches) expect(text.slice(m.start, m.end)).toBe(m.matched);
    }
    expect(run('وكييف', 'ar').matches.map((m) => m.concept)).toEqual(['kiev']);
  });

  it('finds entities with repeats', () => {
    expect(run('Sergey Lavrov met Konashenkov; Lavrov left. لافروف').entities).toEqual(['lavrov', 'konashenkov', 'lavrov', 'lavrov']);
  });

  it('does not depend on the order of lexicon entries or files', () => {
    const shuffled: LexiconBundle = { ...bundle, concepts: [...bundle.concepts].reverse(), contrasts: [...bundle.contrasts].reverse() };
    const text = 'The Kiev regime in Kyiv; Ukrainian nationalist battalion; russophobes. ونظام كييف';
    expect(analyzeArticle({ id: 't', body: text, lang: 'en', headlineEnd: 0 }, compileLexicons(shuffled))).toEqual(run(text));
  });

  it('property: every hit is its exact slice of the body', () => {
    const words = fc.constantFrom('Kiev', 'regime', 'kiev', 'Kyiv', 'regimes', '“', '”', '"', ',', '.', 'said', 'not', 'so-called', 'نظام', 'كييف', 'ونظام', '\n\n', 'وقال', 'Russophobia', '’s');
    fc.assert(
      fc.property(fc.array(words, { maxLength: 40 }), fc.constantFrom(' ', '', '  '), (list, sep) => {
        const body = list.join(sep);
        const a = run(body, 'en', Math.min(body.length, 10));
        for (const m of a.matches) {
          expect(body.slice(m.start, m.end)).toBe(m.matched);
          expect(m.sentence.length).toBeLessThanOrEqual(300);
        }
        for (const h of a.contrastHits) expect(h.end).toBeGreaterThan(h.start);
      }),
      { numRuns: 300 },
    );
  });
});

describe('voice and flags', () => {
  it('tells quoted, attributed, headline and authorial apart', () => {
    const body = 'Kiev regime on the run\n\n“The Kiev regime lies,” he said. Lavrov said the Kiev regime lies. The Kiev regime fell.';
    expect(hits(body, 'en', 22)).toEqual([
      'kiev_regime:Kiev regime:headline',
      'kiev_regime:Kiev regime:quoted',
      'kiev_regime:Kiev regime:attributed',
      'kiev_regime:Kiev regime:authorial',
    ]);
  });

  it('reads a `Speaker: claim` headline as attributed', () => {
    expect(hits('Lavrov: Kiev regime wants war\n\nText.', 'en', 29)).toEqual(['kiev_regime:Kiev regime:attributed']);
  });

  it('does not take apostrophes for quotes', () => {
    expect(hits('Kirby’s aides don’t call it a Kiev regime.')).toEqual(['kiev_regime:Kiev regime:attributed:neg']);
  });

  it('marks negation in the same clause only', () => {
    expect(hits('There is no Kiev regime.')).toEqual(['kiev_regime:Kiev regime:authorial:neg']);
    expect(hits('There is no doubt, the Kiev regime fell.')).toEqual(['kiev_regime:Kiev regime:authorial']);
    expect(hits('هذا ليس نظام كييف', 'ar')).toEqual(['kiev_regime:نظام كييف:authorial:neg']);
    // "is no longer standing": the negation governs the predicate, the term is still used.
    expect(hits('لم يعد نظام كييف قائما', 'ar')).toEqual(['kiev_regime:نظام كييف:authorial']);
  });

  it('marks distancing markers and scare quotes', () => {
    expect(hits('The so-called Kiev regime fell.')).toEqual(['kiev_regime:Kiev regime:authorial:dist']);
    expect(hits('The “Kiev regime” fell.')).toEqual(['kiev_regime:Kiev regime:quoted:dist']);
    expect(hits('ما يسمى نظام كييف سقط', 'ar')).toEqual(['kiev_regime:نظام كييف:authorial:dist']);
    expect(hits('سقط نظام كييف المزعوم', 'ar')).toEqual(['kiev_regime:نظام كييف:authorial:dist']);
    // A long quote is speech, not a scare quote; an attributed short quote is a quoted fragment.
    expect(hits('“We will never talk to the Kiev regime again, ever,” he said.')).toEqual(['kiev_regime:Kiev regime:quoted']);
    expect(hits('Lavrov called it a “Kiev regime”.')).toEqual(['kiev_regime:Kiev regime:quoted']);
  });

  it('reads Arabic reporting verbs with clitics', () => {
    expect(hits('وأضاف لافروف أن نظام كييف يرفض.', 'ar')).toEqual(['kiev_regime:نظام كييف:attributed']);
    expect(hits('بحسب الوزير، نظام كييف يرفض.', 'ar')).toEqual(['kiev_regime:نظام كييف:attributed']);
    expect(hits('نظام كييف يرفض.', 'ar')).toEqual(['kiev_regime:نظام كييف:authorial']);
  });
});

describe('cutSentence', () => {
  it('cuts a long sentence to 300 characters around the hit', () => {
    const body = `${'a'.repeat(400)} Kiev regime ${'b'.repeat(400)}`;
    const cut = cutSentence(body, { start: 0, end: body.length }, 401, 412);
    expect(cut.length).toBe(300);
    expect(cut).toContain('Kiev regime');
  });
});

describe('lexicons without cues', () => {
  it('still matches (everything outside quotes and headline is authorial)', () => {
    const b = parseLexiconFiles([{ path: 'x/a.yaml', text: 'lexicon: a\nconcepts:\n  - id: c\n    label: c\n    frame: f\n    terms: { en: [kiev] }\n' }], 'x');
    const a = analyzeArticle({ id: 'i', body: 'Kiev, he said.', lang: 'en', headlineEnd: 0 }, compileLexicons(b));
    expect(a.matches.map((m) => m.voice)).toEqual(['authorial']);
  });
});

describe('Arabic accusative tanween', () => {
  it('matches غزو in غزوًا (indefinite accusative, tanween written)', () => {
    const bundled = compileLexicons(loadLexiconBundle(bundledLexiconDir()));
    const body = 'وصفت الحكومة العملية بأنها غزوًا للأراضي الأوكرانية';
    const hits = analyzeArticle({ id: 'a', body, lang: 'ar', headlineEnd: 0 }, bundled).matches;
    const hit = hits.find((m) => m.matched === 'غزوًا');
    expect(hit?.concept).toBeDefined();
    expect(body.slice(hit!.start, hit!.end)).toBe('غزوًا');
  });
});
