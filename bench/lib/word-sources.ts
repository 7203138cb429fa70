/**
 * The real words the benchmark corpus is built from: the demo corpus, the lexicon terms and the
 * built-in lists. Read once (I/O at the edge); everything after is a pure function of them and
 * the seed. Their hash goes into the corpus manifest, so a cached corpus is rebuilt when they change.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { BUILT_IN_FRAMING } from './framing-terms.js';
import type { FramingConcept } from './framing-terms.js';
import { COMMON_AR } from './words-ar.js';
import { COMMON_EN } from './words-en.js';

export interface WordSources {
  /** English words by rank (most frequent first), lower case, distinct. */
  en: string[];
  /** Arabic words by rank, distinct. */
  ar: string[];
  framing: FramingConcept[];
  /** sha256 over everything above, hex: the corpus depends on it. */
  sha256: string;
}

const WORD = /[\p{L}\p{N}]+/gu;
const ARABIC = /[\u0600-\u06FF]/u;
const READABLE = /\.(txt|jsonl|ndjson|csv|html?)$/i;

/** Read the demo corpus and lexicon folder under `root` (either may be missing or thin). */
export function readWordSources(root: string): WordSources {
  const demo = countDemoWords(join(root, 'corpora', 'demo'));
  const framing = mergeFraming(BUILT_IN_FRAMING, readLexiconConcepts(join(root, 'lexicons')));
  const lexiconWords = framing.flatMap((concept) => [...concept.en, ...concept.ar]).flatMap((term) => term.toLowerCase().match(WORD) ?? []);
  const en = distinct([...COMMON_EN, ...rankByCount(demo, false), ...lexiconWords.filter((w) => !ARABIC.test(w))]);
  const ar = distinct([...COMMON_AR, ...rankByCount(demo, true), ...lexiconWords.filter((w) => ARABIC.test(w))]);
  const sha256 = createHash('sha256').update(JSON.stringify({ en, ar, framing })).digest('hex');
  return { en, ar, framing, sha256 };
}

function countDemoWords(dir: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const file of listFiles(dir)) {
    if (!READABLE.test(file)) continue;
    const text = readFileSync(file, 'utf8').replace(/<[^>]*>/g, ' ').replace(/\\[nrt]/g, ' ');
    for (const word of text.toLowerCase().match(WORD) ?? []) {
      if (/^\d+$/.test(word) || word.length < 2) continue;
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return counts;
}

/** Files below `dir`, sorted by code units so every machine reads them in one order. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(path));
    else out.push(path);
  }
  return out;
}

function rankByCount(counts: Map<string, number>, arabic: boolean): string[] {
  return [...counts.entries()]
    .filter(([word]) => ARABIC.test(word) === arabic)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([word]) => word);
}

function distinct(words: readonly string[]): string[] {
  return [...new Set(words.map((word) => word.toLowerCase()))];
}

/**
 * Concepts of every `*.yaml` lexicon file with `concepts:`. A file that does not parse is left
 * out here: validating lexicons is `framescope lexicon check`'s job, not the benchmark's.
 */
function readLexiconConcepts(dir: string): FramingConcept[] {
  if (!existsSync(dir)) return [];
  const concepts: FramingConcept[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!/\.ya?ml$/.test(name)) continue;
    let data: unknown;
    try {
      data = parseYaml(readFileSync(join(dir, name), 'utf8'));
    } catch {
      continue;
    }
    const list = (data as { concepts?: unknown } | null)?.concepts;
    if (!Array.isArray(list)) continue;
    for (const entry of list as Record<string, unknown>[]) {
      const concept = toFraming(entry);
      if (concept) concepts.push(concept);
    }
  }
  return concepts;
}

function toFraming(entry: Record<string, unknown>): FramingConcept | undefined {
  if (typeof entry['id'] !== 'string') return undefined;
  const axis = Object.values((entry['axis'] ?? {}) as Record<string, unknown>).find((v) => typeof v === 'number');
  const terms = (entry['terms'] ?? {}) as Record<string, unknown>;
  const en = termList(terms['en']);
  const ar = termList(terms['ar']);
  if (en.length === 0 && ar.length === 0) return undefined;
  return { id: entry['id'], axis: typeof axis === 'number' ? Math.sign(axis) : 0, en, ar };
}

/** Terms as written; a `*` glob keeps its stem, which the glob matches. */
function termList(value: unknown): string[] {
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/\*/g, '').trim()).filter((t) => t !== '');
}

/** Lexicon concepts win over built-in ones with the same id. */
function mergeFraming(base: readonly FramingConcept[], extra: readonly FramingConcept[]): FramingConcept[] {
  const ids = new Set(extra.map((concept) => concept.id));
  return [...base.filter((concept) => !ids.has(concept.id)), ...extra];
}
