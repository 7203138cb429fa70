/**
 * What an article's analysis depends on in a lexicon bundle, cut by a term's words, so that a
 * re-run after a lexicon edit analyses again only the articles the edit can touch
 * (src/cache/analysis-cache.ts).
 *
 * Why a term's words are enough: matching walks a token trie (src/lexicon/matcher.ts), and an
 * entry — a term with its concept, lexicon, frame and language; an exclude phrase; a contrast
 * label; an entity name — is found only where a run of tokens carries its words in order. The
 * entries of one word sequence sit on one trie node, in order (the order decides a tie). If no
 * node whose words all occur in an article changed, every walk in that article finds what it found
 * before, so its matches, exclusions, contrast hits and entities are the same: an added or removed
 * node elsewhere only changes trie edges that no run of its tokens can follow to a value. (A word
 * that only a changed node has can make a token a walk start — Vocabulary.known — but a walk from
 * it reaches no value.) Everything else the analysis reads (cue lists, voice cues) is `global`:
 * when it changes, every article is analysed again.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadVoiceCues } from '../analyze/voice-cues.js';
import { bundledLexiconDir } from '../paths.js';
import type { LexiconBundle } from '../types.js';
import { parseTerm } from './terms.js';

export interface LexiconSignature {
  /** Hash of everything not cut by term (cue lists, voice cues). */
  global: string;
  /**
   * Per word sequence (a trie node: normalised words joined by a space, `*` ending a glob
   * prefix): a hash of every entry with those words, in order.
   */
  byTerm: Record<string, string>;
}

/** A word of a changed term: its normalised text, and whether it is a glob prefix. */
export interface ChangedWord {
  text: string;
  glob: boolean;
}

/** What changed between two signatures. */
export interface LexiconChange {
  /** Cues changed: every article must be analysed again. */
  global: boolean;
  /** The word sequences whose entries changed (added, removed or edited), each as its words. */
  terms: ChangedWord[][];
}

export function lexiconSignature(bundle: LexiconBundle): LexiconSignature {
  const entries = new Map<string, string[]>();
  const add = (term: string, lang: string, what: string): void => {
    const parsed = parseTerm(term, lang);
    if ('error' in parsed || parsed.words.length === 0) return;
    const key = parsed.words.map((word) => (word.glob ? `${word.text}*` : word.text)).join(' ');
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
  const byTerm: Record<string, string> = {};
  for (const key of [...entries.keys()].sort()) byTerm[key] = sha256(entries.get(key)!.join('\u0000'));
  const voiceDir = join(bundle.dir, 'cues', 'voice');
  const voice = loadVoiceCues(existsSync(voiceDir) ? voiceDir : join(bundledLexiconDir(), 'cues', 'voice'));
  return { global: sha256(JSON.stringify([bundle.cues, voice])), byTerm };
}

export function compareSignatures(before: LexiconSignature, after: LexiconSignature): LexiconChange {
  const terms: ChangedWord[][] = [];
  const keys = [...new Set([...Object.keys(before.byTerm), ...Object.keys(after.byTerm)])].sort();
  for (const key of keys) {
    if (before.byTerm[key] === after.byTerm[key]) continue;
    // Normalised words hold no space, and `*` only at a glob's end (parseTerm).
    terms.push(key.split(' ').map((word) => (word.endsWith('*') ? { text: word.slice(0, -1), glob: true } : { text: word, glob: false })));
  }
  return { global: before.global !== after.global, terms };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
