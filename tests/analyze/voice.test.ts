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

describe('what X calls a <term>', () => {
  it('a naming verb opened by what / ما hands the term to someone else: distanced', () => {
    // The outlet's own words, distancing the name: `calls` and `called` alike report nothing here.
    expect(hits('Westland launched what Zorin calls a special military operation.')).toEqual(['smo:authorial:dist']);
    expect(hits('Westland launched what Zorin called a special military operation.')).toEqual(['smo:authorial:dist']);
    expect(hits('Westland launched what the Nordland president terms a special military operation.')).toEqual(['smo:authorial:dist']);
    // Describing reports a judgement; it keeps no name at arm's length.
    expect(hits('Westland launched what the Nordland president describes as a special military operation.')).toEqual(['smo:authorial']);
    // `which`, with the speaker between opener and verb.
    expect(hits('The war, which Westland calls a special military operation, began in 2022.')).toEqual(['smo:authorial:dist']);
    expect(hits('The resolution, which calls the invasion illegal, passed.')).toEqual(['invasion:authorial']);
    expect(hits('وشنت ويستلاند ما تسميه عملية عسكرية خاصة.', 'ar')).toEqual(['smo:authorial:dist']);
    expect(hits('وشنت ويستلاند ما يطلق عليه زورين اسم عملية عسكرية خاصة.', 'ar')).toEqual(['smo:authorial:dist']);
  });

  it('not without the opener, not across punctuation, not with other words before the term', () => {
    // Reported naming, not held at arm's length: attributed, not distanced.
    expect(hits('Westland calls the war a special military operation.')).toEqual(['smo:attributed']);
    expect(hits('What Zorin calls for, a special military operation, never came.')).toEqual(['smo:authorial']);
    expect(hits('What Zorin calls for is an end to the invasion.')).toEqual(['invasion:authorial']);
    expect(hits('وشنت ويستلاند ما تسميه، عملية عسكرية خاصة.', 'ar')).toEqual(['smo:authorial']);
  });
});

describe('<term>, as X calls it', () => {
  it('after the term, `as`, a speaker, a naming verb and `it` hand the term to someone else: distanced', () => {
    expect(hits('The special military operation, as Moscow calls it, began in February.')).toEqual(['smo:authorial:dist']);
    expect(hits('The special military operation (as the Westland government terms it) began.')).toEqual(['smo:authorial:dist']);
    expect(hits('Westland began the special military operation as Zorin calls it.')).toEqual(['smo:authorial:dist']);
    // Arabic puts it in fixed phrases after the term (distancers_after), the object in either gender.
    expect(hits('وتواصل القوات عملية عسكرية خاصة كما تسميها موسكو.', 'ar')).toEqual(['smo:authorial:dist']);
    expect(hits('وتواصل القوات العملية العسكرية الخاصة، كما يسميها الكرملين.', 'ar')).toEqual(['smo:authorial:dist']);
  });

  it('not without the naming object, not apart from the term, not across punctuation', () => {
    expect(hits('The invasion, as Westland calls for sanctions, went on.')).toEqual(['invasion:authorial', 'sanctions:attributed']);
    expect(hits('The invasion went on as Westland called them to talks.')).toEqual(['invasion:authorial']);
    expect(hits('The special military operation, as expected, began.')).toEqual(['smo:authorial']);
    expect(hits('The invasion as such, Zorin calls it a disaster.')).toEqual(['invasion:authorial']);
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
