/** Voice and flags end to end (src/analyze/voice.ts), CONTRACT.md "Voice and flags". */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/analyze/index.js';
import { hits, lexicon } from './voice-lexicon.js';

describe('scare quotes', () => {
  it('a short quote in the outlet’s voice distances; inside reported content it is a quoted fragment', () => {
    expect(hits('The “Kiev regime” fell.')).toEqual(['kiev_regime:quoted:dist']);
    expect(hits('Zorin called it a “Kiev regime”.')).toEqual(['kiev_regime:quoted']);
    // The speaker phrase is the outlet's own: a scare quote there still distances.
    expect(hits('The “Kiev regime” envoy said the invasion stalled.')).toEqual(['kiev_regime:quoted:dist', 'invasion:attributed']);
  });
});

describe('property: any word salad', () => {
  it('never throws; attributed only with a reporting cue in the sentence; offsets exact', () => {
    const words = fc.constantFrom(
      'Kiev', 'regime', 'invasion', 'said', 'told', 'he', 'the', 'ministry', 'Zorin', 'according', 'to', 'not', 'only', 'a', 'so-called',
      'claimed', 'as', 'adding', 'that', ',', '.', ':', '“', '”', 'وقال', 'إن', 'نظام', 'كييف', 'بحسب', 'الوزير', '،', 'لم', 'تكن', 'وأضاف', '\n\n',
    );
    fc.assert(
      fc.property(fc.array(words, { maxLength: 40 }), (list) => {
        const body = list.join(' ');
        for (const lang of ['en', 'ar']) {
          const a = analyzeArticle({ id: 'p', body, lang, headlineEnd: 0 }, lexicon);
          for (const m of a.matches) {
            expect(body.slice(m.start, m.end)).toBe(m.matched);
            if (m.voice === 'attributed') expect(m.sentence).toMatch(/said|told|claimed|according|قال|أضاف|بحسب/);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
