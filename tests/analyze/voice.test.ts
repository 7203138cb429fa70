/**
 * Voice and flags on fictional sentences, one pattern per case (CONTRACT.md "Voice and flags").
 * The lexicon is a small test one; the cue lists are the bundled ones (lexicons/cues/).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/analyze/index.js';
import { compileLexicons, parseLexiconFiles } from '../../src/lexicon/index.js';

const CUES = fileURLToPath(new URL('../../lexicons/cues/', import.meta.url));
const LEXICON = `lexicon: voice_test
label: Voice test
version: 0.0.1
concepts:
  - { id: kiev_regime, label: Kiev regime, frame: f, terms: { en: [kiev regime], ar: [نظام كييف] } }
  - { id: self_proclaimed, label: self-proclaimed, frame: f, terms: { en: [self-proclaimed republic] } }
  - { id: smo, label: special military operation, frame: f, terms: { en: [special military operation], ar: [عملية عسكرية خاصة] } }
  - { id: invasion, label: invasion, frame: f, terms: { en: [invasion], ar: [غزو] } }
  - { id: referendum, label: referendum, frame: f, terms: { en: [referendum] } }
  - { id: sanctions, label: sanctions, frame: f, terms: { en: [sanctions] } }
  - { id: provocations, label: provocations, frame: f, terms: { en: [provocations], ar: [استفزازات] } }
  - { id: occupied, label: occupied, frame: f, terms: { ar: [الأراضي المحتلة] } }
`;
const ENTITIES = `entities:
  - { id: lavrov, label: Lavrov, terms: { en: [lavrov], ar: [لافروف] } }
  - { id: zorin, label: Zorin, terms: { en: [zorin], ar: [زورين] } }
`;
const lexicon = compileLexicons(
  parseLexiconFiles(
    [
      { path: 't/war.yaml', text: LEXICON },
      { path: 't/entities.yaml', text: ENTITIES },
      { path: 't/cues/en.yaml', text: readFileSync(`${CUES}en.yaml`, 'utf8') },
      { path: 't/cues/ar.yaml', text: readFileSync(`${CUES}ar.yaml`, 'utf8') },
    ],
    't',
  ),
);

/** `concept:voice[:neg][:dist]` per hit. */
function hits(body: string, lang = 'en', headlineEnd = 0): string[] {
  return analyzeArticle({ id: 't', body, lang, headlineEnd }, lexicon).matches.map(
    (m) => `${m.concept}:${m.voice}${m.negated ? ':neg' : ''}${m.distanced ? ':dist' : ''}`,
  );
}

describe('the speaker phrase is the outlet’s voice', () => {
  it('Speaker VERB (that) content: only the content is attributed', () => {
    expect(hits('On Monday, the self-proclaimed republic of Westland announced that the Kiev regime had fallen.')).toEqual([
      'self_proclaimed:authorial',
      'kiev_regime:attributed',
    ]);
    expect(hits('The Kiev regime envoy Zorin said the talks were over.')).toEqual(['kiev_regime:authorial']);
    expect(hits('Zorin, an adviser to the Kiev regime mission in Vienna, claimed the invasion had stalled.')).toEqual([
      'kiev_regime:authorial',
      'invasion:attributed',
    ]);
  });

  it('content, Speaker VERB: the words before the comma are the content', () => {
    expect(hits('The Kiev regime planned the invasion, he said.')).toEqual(['kiev_regime:attributed', 'invasion:attributed']);
    expect(hits('The invasion stalled in March, the Kiev regime spokesman Ivan Zorin said on Tuesday.')).toEqual([
      'invasion:attributed',
      'kiev_regime:authorial',
    ]);
    // `…, Zorin said, adding that …`: the speaker goes on after the verb.
    expect(hits('The referendum was rigged, Zorin said, adding that the invasion went on.')).toEqual(['referendum:attributed', 'invasion:attributed']);
    // Inverted: `…, said Zorin.`
    expect(hits('The invasion must stop, said Zorin.')).toEqual(['invasion:attributed']);
  });

  it('according to X, content / content, according to X', () => {
    expect(hits('According to the Kiev regime envoy, the invasion stalled.')).toEqual(['kiev_regime:authorial', 'invasion:attributed']);
    expect(hits('The invasion stalled, according to the Kiev regime envoy.')).toEqual(['invasion:attributed', 'kiev_regime:authorial']);
  });

  it('Arabic: قال X إن content — the words before إن are the outlet’s', () => {
    expect(hits('وقال المتحدث باسم نظام كييف إن الغزو توقف.', 'ar')).toEqual(['kiev_regime:authorial', 'invasion:attributed']);
    expect(hits('وفي مقابلة مع صحيفة نظام كييف، قال لافروف إن الغزو توقف.', 'ar')).toEqual(['kiev_regime:authorial', 'invasion:attributed']);
    // Post-posed: `content، قال X.`
    expect(hits('الغزو توقف في الشمال، قال زورين.', 'ar')).toEqual(['invasion:attributed']);
    // بحسب X، content / content، بحسب X
    expect(hits('بحسب مصادر نظام كييف، الغزو توقف.', 'ar')).toEqual(['kiev_regime:authorial', 'invasion:attributed']);
    expect(hits('الغزو توقف، بحسب مصادر نظام كييف.', 'ar')).toEqual(['invasion:attributed', 'kiev_regime:authorial']);
  });
});

describe('a speaker is required for attributed', () => {
  it('passive and hearsay forms have no speaker', () => {
    expect(hits('Sanctions said to be imminent')).toEqual(['sanctions:authorial']);
    expect(hits('New sanctions are said to hit the Kiev regime.')).toEqual(['sanctions:authorial', 'kiev_regime:authorial']);
    expect(hits('The so-called referendum, claimed as a victory, changed nothing.')).toEqual(['referendum:authorial:dist']);
  });

  it('pronouns, speaker nouns and names count', () => {
    expect(hits('She said the invasion had stalled.')).toEqual(['invasion:attributed']);
    expect(hits('The ministry said the invasion had stalled.')).toEqual(['invasion:attributed']);
    expect(hits('Officials from Westland warned that sanctions would follow.')).toEqual(['sanctions:attributed']);
  });

  it('a capitalised reporting word inside a name is no verb', () => {
    expect(hits('The United States imposed sanctions on the Kiev regime.')).toEqual(['sanctions:authorial', 'kiev_regime:authorial']);
  });

  it('a headline `Speaker: claim` stays attributed, other headline text is headline', () => {
    const body = 'Zorin: invasion stalled\n\nSanctions said to be imminent, sources claimed nothing.';
    expect(hits(body, 'en', 23)[0]).toBe('invasion:attributed');
    expect(hits('Invasion stalled\n\nThe Kiev regime fell.', 'en', 16)).toEqual(['invasion:headline', 'kiev_regime:authorial']);
  });
});

describe('reported speech that continues (Arabic openers)', () => {
  const openers = ['وأضاف', 'وتابع', 'وأوضح', 'وأكد', 'وأشار', 'ولفت', 'وشدد', 'واعتبر', 'وزعم', 'وادعى'];
  for (const opener of openers) {
    it(`${opener} at the start of a sentence makes it attributed`, () => {
      expect(hits(`قال زورين إن الوضع صعب. ${opener} أن نظام كييف يرفض الحوار.`, 'ar')).toEqual(['kiev_regime:attributed']);
      // Without the complementizer too: the verb carries its subject.
      expect(hits(`${opener} الوزير على أهمية مواجهة نظام كييف.`, 'ar')).toEqual(['kiev_regime:attributed']);
    });
  }
  it('a sentence with no reporting verb stays authorial', () => {
    expect(hits('نظام كييف يرفض الحوار.', 'ar')).toEqual(['kiev_regime:authorial']);
  });
});

describe('negation scope', () => {
  it('a negator before the term must govern it', () => {
    expect(hits('It was not a special military operation.')).toEqual(['smo:authorial:neg']);
    expect(hits('Moscow did not call it an invasion.')).toEqual(['invasion:authorial:neg']);
    expect(hits('There is no Kiev regime.')).toEqual(['kiev_regime:authorial:neg']);
    expect(hits('لم تكن عملية عسكرية خاصة.', 'ar')).toEqual(['smo:authorial:neg']);
    expect(hits('هذه ليست عملية عسكرية خاصة.', 'ar')).toEqual(['smo:authorial:neg']);
  });

  it('a negator after the term, or governing another word, does not negate it', () => {
    expect(hits('The Kiev regime is not independent.')).toEqual(['kiev_regime:authorial']);
    expect(hits('Units stand not only in the Kiev regime capital, but also elsewhere.')).toEqual(['kiev_regime:authorial']);
    expect(hits('Not just the invasion but the sanctions hurt.')).toEqual(['invasion:authorial', 'sanctions:authorial']);
    expect(hits('We will never talk to the Kiev regime.')).toEqual(['kiev_regime:authorial']);
    expect(hits('لا يزال نظام كييف يرفض.', 'ar')).toEqual(['kiev_regime:authorial']);
  });

  it('"no longer" is a negation when it governs the term', () => {
    expect(hits('There is no longer a Kiev regime.')).toEqual(['kiev_regime:authorial:neg']);
    expect(hits('The invasion is no longer news.')).toEqual(['invasion:authorial']);
  });

  it('a negator does not cross a clause boundary', () => {
    expect(hits('This is not peace, but an invasion.')).toEqual(['invasion:authorial']);
    expect(hits('It is not over while the invasion goes on.')).toEqual(['invasion:authorial']);
    expect(hits('هذا ليس سلاما، بل غزو.', 'ar')).toEqual(['invasion:authorial']);
    expect(hits('لم يتوقف القتال لكن الغزو تعثر.', 'ar')).toEqual(['invasion:authorial']);
  });

  it('negators match exactly: `noted` is not `not` + -ed', () => {
    expect(hits('The president noted that the provocations of the army were the reason.')).toEqual(['provocations:attributed']);
    expect(hits('The president noted provocations.')).toEqual(['provocations:attributed']);
    expect(hits('ولم تكن عملية عسكرية خاصة.', 'ar')).toEqual(['smo:authorial:neg']);
  });
});
