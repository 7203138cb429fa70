/**
 * What an article's analysis depends on in a lexicon bundle, cut by a term's first word, so that a
 * re-run after a lexicon edit analyses again only the articles the edit can touch
 * (src/cache/analysis-cache.ts).
 *
 * Why the first word is enough: matching walks a token trie from every token whose forms are a
 * first word of some term (src/lexicon/matcher.ts). If no entry starting with any word an article
 * can start with changed — terms with their concept, lexicon, frame and language; exclude phrases;
 * contrast labels; entities — every walk in that article finds what it found before, so its
 * matches, exclusions, contrast hits and entities are the same (an added word elsewhere only adds
 * trie edges under other first words). Everything else the analysis reads (cue lists, voice cues)
 * is `global`: when it changes, every article is analysed again.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadVoiceCues } from '../analyze/voice-cues.js';
import { bundledLexiconDir } from '../paths.js';
import type { LexiconBundle } from '../types.js';
import { parseTerm } from './terms.js';

export interface LexiconSignature {
  /** Hash of everything not cut by first word (cue lists, voice cues). */
  global: string;
  /** Per first word (`*` ends a glob prefix): a hash of every entry starting with it, in order. */
  byFirstWord: Record<string, string>;
}

/** What changed between two signatures. */
export interface LexiconChange {
  /** Cues changed: every article must be analysed again. */
  global: boolean;
  /** First words whose entries changed (added, removed or edited). */
  words: Set<string>;
  /** Glob prefixes whose entries changed. */
  globs: string[];
}

export function lexiconSignature(bundle: LexiconBundle): LexiconSignature {
  const entries = new Map<string, string[]>();
  const add = (term: string, lang: string, what: string): void => {
    const parsed = parseTerm(term, lang);
    if ('error' in parsed) return;
    const first = parsed.words[0];
    if (first === undefined) return;
    const key = first.glob ? `${first.text}*` : first.text;
    const list = entries.get(key) ?? [];
    list.push(`${what}\u0001${lang}\u0001${term}`);
    entries.set(key, list);
  };
  // The same order as compileLexicons (concepts, contrasts and entities by id), so an entry that
  // only moved between files changes nothing, and one whose order decides a tie changes its word.
  const byId = <T extends { id: string }>(list: readonly T[]): T[] => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const concepts = byId(bundle.concepts);
  const conceptById = new Map(concepts.map((concept) => [concept.id, concept]));
  for (const concept of concepts) {
    const owner = `${concept.id}\u0001${concept.lexicon}\u0001${concept.frame}`;
    for (const [lang, list] of Object.entries(concept.terms)) for (const term of list) add(term, lang, `term\u0001${owner}`);
    for (const [lang, list] of Object.entries(concept.exclude)) for (const term of list) add(term, lang, `exclude\u0001${concept.id}`);
  }
  for (const contrast of byId(bundle.contrasts)) {
    for (const label of contrast.labels) {
      const concept = conceptById.get(label);
      if (concept === undefined) continue;
      for (const [lang, list] of Object.entries(concept.terms)) for (const term of list) add(term, lang, `label\u0001${contrast.id}\u0001${label}`);
    }
  }
  for (const entity of byId(bundle.entities)) {
    for (const [lang, list] of Object.entries(entity.terms)) for (const term of list) add(term, lang, `entity\u0001${entity.id}`);
  }
  const byFirstWord: Record<string, string> = {};
  for (const key of [...entries.keys()].sort()) byFirstWord[key] = sha256(entries.get(key)!.join('\u0000'));
  const voiceDir = join(bundle.dir, 'cues', 'voice');
  const voice = loadVoiceCues(existsSync(voiceDir) ? voiceDir : join(bundledLexiconDir(), 'cues', 'voice'));
  return { global: sha256(JSON.stringify([bundle.cues, voice])), byFirstWord };
}

export function compareSignatures(before: LexiconSignature, after: LexiconSignature): LexiconChange {
  const words = new Set<string>();
  const globs: string[] = [];
  const keys = new Set([...Object.keys(before.byFirstWord), ...Object.keys(after.byFirstWord)]);
  for (const key of keys) {
    if (before.byFirstWord[key] === after.byFirstWord[key]) continue;
    if (key.endsWith('*')) globs.push(key.slice(0, -1));
    else words.add(key);
  }
  return { global: before.global !== after.global, words, globs };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
