/**
 * A small test lexicon with the bundled cue lists (lexicons/cues/), for voice, attribution and
 * negation tests on fictional sentences.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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
export const lexicon = compileLexicons(
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
export function hits(body: string, lang = 'en', headlineEnd = 0): string[] {
  return analyzeArticle({ id: 't', body, lang, headlineEnd }, lexicon).matches.map(
    (m) => `${m.concept}:${m.voice}${m.negated ? ':neg' : ''}${m.distanced ? ':dist' : ''}`,
  );
}

