/**
 * The second half of the incremental cache: every article's analysis (`analysis-<key>.v8`), their
 * term counts (`terms-<key>.v8`, read only when a re-run clusters again or stores its analyses
 * anew) and the run's clusters (`clusters-<key>.v8`), kept beside the parse+clean entry of the
 * same corpus (same key), with the signature of the lexicon they were made with
 * (src/lexicon/signature.ts). The
 * clusters have a file of their own because they are made after the analyses are stored (the
 * analyses' norm hashes and match sentences are let go before clustering, to keep the run's peak
 * memory down); a stamp pairs the clusters with the analyses they were made from. A re-run after
 * a lexicon edit analyses again only the articles holding a token the edit can touch, and
 * clusters again only when an entity of an article changed (or the clusters entry is missing:
 * then they are stored again under the same stamp); the outputs are those of a cold run (tested
 * in tests/cli/cache.test.ts).
 *
 * What is lexicon-independent is taken from the cache as is: term counts (content words and
 * bigrams, with the cached vocabulary) and token counts.
 */
import { randomBytes } from 'node:crypto';
import { compareSignatures, type ChangedWord, type LexiconSignature } from '../lexicon/signature.js';
import { laterWordForms, matchForms } from '../text/tokenize.js';
import { hashNorm, TermVocabulary } from '../text/terms.js';
import type { OutletKeyRows } from '../report/outlet-keyness.js';
import type { ArticleAnalysis, EventCluster, TermCounts } from '../types.js';
import { shareLabels } from '../analyze/share-labels.js';
import { readChunkedFile, type ChunkCodec } from './chunked-file.js';
import { flattenTermCounts, unflattenTermCounts } from '../text/term-count-arena.js';
import { entryPath, storeEntry, touch } from './read-cache.js';

/** Bump when the cached shape or the meaning of a cached field changes. */
export const ANALYSIS_FORMAT = 9;

interface AnalysisHeader {
  format: number;
  /** Random; the clusters entry made from these analyses carries the same stamp. */
  stamp: string;
  signature: LexiconSignature;
  /** The vocabulary the cached term counts index, in id order. */
  words: string[];
  /** Every distinct token norm of the corpus. */
  norms: string[];
}

/** A run's analyses, in the article order of the cached parse+clean result. */
export interface CachedAnalyses extends Omit<AnalysisHeader, 'format'> {
  /**
   * Key terms per outlet: they depend on the articles' term counts only, never on a lexicon. An
   * entry of their own under the analyses' stamp, so that the run can store the analyses while a
   * worker thread ranks them (src/workers/keyness-thread.ts).
   */
  keyness: OutletKeyRows[];
  /** As loaded, without their term counts (`lacksTermCounts`) until `loadCachedTermCounts`. */
  analyses: ArticleAnalysis[];
  /** The clusters made from these analyses, when their entry was written too. */
  clusters?: EventCluster[];
}

/** Header of the clusters and term-count entries: the stamp of the analyses they go with. */
interface StampHeader {
  format: number;
  stamp: string;
}

/**
 * An analysis as stored: without its term counts (an entry of their own) and, where the article's
 * body holds them, with its hits' sentences as `[start, end)` offsets into the body instead of text
 * (`sentenceBounds`, two numbers per hit, the `sentence` fields empty). Loaded, a sentence is then a
 * slice of the body, sharing its memory, where the text would be a copy: ~26 M characters for the
 * 254k hits of the 50k benchmark corpus, held through a re-run's report.
 */
type StoredAnalysis = Omit<ArticleAnalysis, 'termCounts'> & { termCounts?: TermCounts; sentenceBounds?: Int32Array };

/**
 * The cached analyses of the corpus `key`, or undefined (none, another format, damaged). `bodyOf`
 * gives the body of an article by id (the corpus's, from the parse+clean entry of the same key):
 * sentences stored as offsets are cut from it; an analysis whose article or offsets do not fit
 * makes the entry unusable.
 */
export function loadCachedAnalyses(dir: string, key: string, bodyOf: (id: string) => string | undefined = () => undefined): CachedAnalyses | undefined {
  const path = entryPath(dir, key, 'analysis');
  try {
    const { header, items } = readChunkedFile<AnalysisHeader, StoredAnalysis>(path, STORED_ANALYSES_CODEC);
    if (header.format !== ANALYSIS_FORMAT || !wellFormed(header)) return undefined;
    touch(path);
    const labels = new Map<string, string>();
    for (const analysis of items) {
      if (!restoreSentences(analysis, bodyOf)) return undefined;
      analysis.termCounts = TERM_COUNTS_NOT_LOADED;
      shareLabels(analysis as ArticleAnalysis, labels);
    }
    const keyness = loadCachedKeyness(dir, key, header.stamp);
    if (keyness === undefined) return undefined;
    const { format: _format, ...rest } = header;
    const clusters = loadCachedClusters(dir, key, header.stamp);
    return { ...rest, keyness, analyses: items as ArticleAnalysis[], ...(clusters ? { clusters } : {}) };
  } catch {
    return undefined;
  }
}

/** Put back the sentences of `analysis` stored as offsets (in place); false when they do not fit its article's body. */
function restoreSentences(analysis: StoredAnalysis, bodyOf: (id: string) => string | undefined): boolean {
  const bounds = analysis.sentenceBounds;
  if (bounds === undefined) return true;
  delete analysis.sentenceBounds;
  const body = bodyOf(analysis.id);
  if (body === undefined || !(bounds instanceof Int32Array) || bounds.length !== 2 * analysis.matches.length) return false;
  for (const [m, match] of analysis.matches.entries()) {
    const start = bounds[2 * m]!;
    const end = bounds[2 * m + 1]!;
    if (start < 0) continue; // stored as text
    if (!(start <= end && end <= body.length)) return false;
    match.sentence = body.slice(start, end);
  }
  return true;
}

/**
 * `analysis` as stored: without term counts, and each hit's sentence as offsets into `body` when
 * the body holds it (`[-1, -1]` and the text kept otherwise, which a sentence cut from the body
 * never needs).
 */
function toStored(analysis: ArticleAnalysis, body: string | undefined): StoredAnalysis {
  const { termCounts: _termCounts, ...stored } = analysis;
  if (body === undefined || analysis.matches.length === 0) return stored;
  const bounds = new Int32Array(2 * analysis.matches.length);
  const matches = analysis.matches.map((match, m) => {
    const { sentence } = match;
    // The sentence contains the hit, so it starts at or after `end − length`: the first copy of it
    // from there is this one (or one with the same text, which slices to the same string).
    const start = sentence === '' ? -1 : body.indexOf(sentence, Math.max(0, match.end - sentence.length));
    if (start < 0) {
      bounds.set([-1, -1], 2 * m);
      return match;
    }
    bounds.set([start, start + sentence.length], 2 * m);
    return { ...match, sentence: '' };
  });
  return { ...stored, matches, sentenceBounds: bounds };
}

/**
 * A chunk of stored analyses with their typed arrays (`normHashes`, `sentenceBounds`) pulled out
 * into two flat arrays with a length each (-1: none). Why: `node:v8` writes and reads each typed
 * array through JavaScript (its host-object hooks), ~90k of them at 50k articles; a chunk of a
 * thousand analyses now has four.
 */
interface StoredChunk {
  items: StoredAnalysis[];
  hashLengths: Int32Array;
  hashes: Uint32Array;
  boundLengths: Int32Array;
  bounds: Int32Array;
}

const STORED_ANALYSES_CODEC: ChunkCodec<StoredAnalysis> = {
  encode: (chunk) => {
    const hashLengths = Int32Array.from(chunk, (item) => item.normHashes?.length ?? -1);
    const boundLengths = Int32Array.from(chunk, (item) => item.sentenceBounds?.length ?? -1);
    const hashes = new Uint32Array(hashLengths.reduce((n, length) => n + Math.max(0, length), 0));
    const bounds = new Int32Array(boundLengths.reduce((n, length) => n + Math.max(0, length), 0));
    let h = 0;
    let b = 0;
    const items = chunk.map(({ normHashes, sentenceBounds, ...rest }) => {
      if (normHashes !== undefined) {
        hashes.set(normHashes, h);
        h += normHashes.length;
      }
      if (sentenceBounds !== undefined) {
        bounds.set(sentenceBounds, b);
        b += sentenceBounds.length;
      }
      return rest;
    });
    return { items, hashLengths, hashes, boundLengths, bounds } satisfies StoredChunk;
  },
  decode: (stored) => {
    const chunk = stored as Partial<StoredChunk> | null;
    if (
      typeof chunk !== 'object' ||
      chunk === null ||
      !Array.isArray(chunk.items) ||
      !(chunk.hashLengths instanceof Int32Array && chunk.hashes instanceof Uint32Array && chunk.boundLengths instanceof Int32Array && chunk.bounds instanceof Int32Array) ||
      chunk.hashLengths.length !== chunk.items.length ||
      chunk.boundLengths.length !== chunk.items.length
    ) {
      return undefined;
    }
    const { items, hashLengths, hashes, boundLengths, bounds } = chunk as StoredChunk;
    let h = 0;
    let b = 0;
    for (const [i, item] of items.entries()) {
      const hashLength = hashLengths[i]!;
      const boundLength = boundLengths[i]!;
      if (h + Math.max(0, hashLength) > hashes.length || b + Math.max(0, boundLength) > bounds.length) return undefined;
      if (hashLength >= 0) item.normHashes = hashes.subarray(h, (h += hashLength));
      if (boundLength >= 0) item.sentenceBounds = bounds.subarray(b, (b += boundLength));
    }
    return items;
  },
};

/** The header fields a re-run reads have their shape (a damaged file that still deserialises must not crash the run). */
function wellFormed(header: AnalysisHeader): boolean {
  const signature = header.signature as Partial<LexiconSignature> | undefined;
  return (
    typeof signature === 'object' &&
    signature !== null &&
    typeof signature.global === 'string' &&
    typeof signature.byTerm === 'object' &&
    signature.byTerm !== null &&
    Array.isArray(header.words) &&
    Array.isArray(header.norms) &&
    typeof header.stamp === 'string'
  );
}

/** The key terms stamped `stamp`, or undefined (none, another run's, damaged). */
function loadCachedKeyness(dir: string, key: string, stamp: string): OutletKeyRows[] | undefined {
  const path = entryPath(dir, key, 'keyness');
  try {
    const { header, items } = readChunkedFile<StampHeader, OutletKeyRows>(path);
    if (header.format !== ANALYSIS_FORMAT || header.stamp !== stamp || !items.every((item) => typeof item?.outlet === 'string' && Array.isArray(item.rows))) return undefined;
    touch(path);
    return items;
  } catch {
    return undefined;
  }
}

/** The clusters entry stamped `stamp`, or undefined (none, another run's, damaged). */
function loadCachedClusters(dir: string, key: string, stamp: string): EventCluster[] | undefined {
  const path = entryPath(dir, key, 'clusters');
  try {
    const { header, items } = readChunkedFile<StampHeader, EventCluster>(path);
    if (header.format !== ANALYSIS_FORMAT || header.stamp !== stamp) return undefined;
    touch(path);
    return items;
  } catch {
    return undefined;
  }
}

/**
 * Store a run's analyses (each with its `normHashes`, without clusters); failures are not fatal.
 * `bodyOf` gives an article's body by id, for sentences to be stored as offsets into it.
 * Returns the stamp to store the key terms and the clusters made from them with (`storeCachedKeyness`,
 * `storeCachedClusters`): the entry is used once its key terms are stored.
 * The term counts go to an entry of their own under the same stamp: they are ~40% of the bytes,
 * and a re-run that reuses the clusters and the key terms never reads them (`loadCachedTermCounts`).
 */
export function storeCachedAnalyses(
  dir: string,
  key: string,
  cached: Omit<CachedAnalyses, 'clusters' | 'stamp' | 'keyness'>,
  bodyOf: (id: string) => string | undefined = () => undefined,
): string {
  const { analyses, ...rest } = cached;
  if (analyses.some((analysis) => analysis.termCounts === TERM_COUNTS_NOT_LOADED)) {
    throw new Error('internal: analyses stored without their term counts');
  }
  const stamp = randomBytes(8).toString('hex');
  const header: AnalysisHeader = { format: ANALYSIS_FORMAT, stamp, ...rest };
  // Term counts may be views into large shared chunks (src/text/term-count-arena.ts): they are
  // written as flat copies, or every chunk of items would carry the whole chunks.
  const termCounts = analyses.map((analysis) => analysis.termCounts);
  storeEntry(dir, entryPath(dir, key, 'terms'), { format: ANALYSIS_FORMAT, stamp } satisfies StampHeader, termCounts, TERM_COUNTS_CODEC);
  const codec: ChunkCodec<ArticleAnalysis> = {
    encode: (chunk) => STORED_ANALYSES_CODEC.encode(chunk.map((analysis) => toStored(analysis, bodyOf(analysis.id)))),
    decode: () => undefined,
  };
  storeEntry(dir, entryPath(dir, key, 'analysis'), header, analyses, codec);
  return stamp;
}

/**
 * Fill in the term counts of analyses loaded by `loadCachedAnalyses` (in place), from the entry
 * stored with them. False when that entry is missing, damaged or of other analyses: the caller
 * then cannot use the cached analyses where term counts are needed.
 */
export function loadCachedTermCounts(dir: string, key: string, cached: CachedAnalyses): boolean {
  const path = entryPath(dir, key, 'terms');
  try {
    const { header, items } = readChunkedFile<StampHeader, TermCounts>(path, TERM_COUNTS_CODEC);
    if (header.format !== ANALYSIS_FORMAT || header.stamp !== cached.stamp || items.length !== cached.analyses.length) return false;
    touch(path);
    cached.analyses.forEach((analysis, k) => (analysis.termCounts = items[k]!));
    return true;
  } catch {
    return false;
  }
}

/** Term counts are kept flat, a chunk of articles in three arrays (`flattenTermCounts`). */
const TERM_COUNTS_CODEC: ChunkCodec<TermCounts> = { encode: flattenTermCounts, decode: unflattenTermCounts };

/** Whether `analysis` still waits for its term counts (loaded without them, `loadCachedTermCounts` not called). */
export function lacksTermCounts(analysis: ArticleAnalysis): boolean {
  return analysis.termCounts === TERM_COUNTS_NOT_LOADED;
}

/** Stands for term counts not loaded (compared by identity; never stored). */
const TERM_COUNTS_NOT_LOADED: TermCounts = { keys: new Float64Array(0), counts: new Uint32Array(0) };

/**
 * Store the key terms ranked from the analyses stored with `stamp`; failures are not fatal. Until
 * they are stored, the analyses entry is not used (`loadCachedAnalyses`).
 */
export function storeCachedKeyness(dir: string, key: string, stamp: string, keyness: readonly OutletKeyRows[]): void {
  storeEntry(dir, entryPath(dir, key, 'keyness'), { format: ANALYSIS_FORMAT, stamp } satisfies StampHeader, keyness);
}

/** Store the clusters made from the analyses stored with `stamp`; failures are not fatal. */
export function storeCachedClusters(dir: string, key: string, stamp: string, clusters: readonly EventCluster[]): void {
  storeEntry(dir, entryPath(dir, key, 'clusters'), { format: ANALYSIS_FORMAT, stamp } satisfies StampHeader, clusters);
}

/**
 * Indices (into `cached.analyses`) of the articles a lexicon with `signature` may analyse
 * differently, or `all` when the cues changed. An article is touched when, for some changed term
 * (src/lexicon/signature.ts), each of its words is a match form of one of the article's token
 * norms (the norm itself, `matchForms`, `laterWordForms`; a glob word: a form starting with
 * its prefix). That is necessary for the term to occur, so an article that fails it for every
 * changed term analyses as before: a new phrase such as `kiev puppets` sends back to matching the
 * articles holding both words, not every article holding `kiev` (the 10k benchmark re-run: 592).
 */
export function articlesToReanalyse(cached: CachedAnalyses, signature: LexiconSignature): { all: boolean; indices: number[] } {
  const change = compareSignatures(cached.signature, signature);
  if (change.global) return { all: true, indices: [] };
  if (change.terms.length === 0) return { all: false, indices: [] };
  // Per distinct changed word: the hashes of the corpus's token norms that can stand for it.
  const wordIndex = new Map<string, number>();
  const words: ChangedWord[] = [];
  const indexOf = (word: ChangedWord): number => {
    const key = `${word.glob ? '*' : ''}${word.text}`;
    let index = wordIndex.get(key);
    if (index === undefined) {
      index = words.length;
      words.push(word);
      wordIndex.set(key, index);
    }
    return index;
  };
  const terms = change.terms.map((term) => term.map(indexOf));
  const exact = new Map<string, number[]>();
  words.forEach((word, index) => {
    if (!word.glob) exact.set(word.text, [...(exact.get(word.text) ?? []), index]);
  });
  const globs = words.flatMap((word, index) => (word.glob ? [{ prefix: word.text, index }] : []));
  const normsOf: Set<number>[] = words.map(() => new Set<number>());
  for (const norm of cached.norms) {
    const forms = new Set([norm, ...matchForms(norm), ...laterWordForms(norm)]);
    let hash: number | undefined;
    for (const form of forms) {
      for (const index of exact.get(form) ?? []) normsOf[index]!.add((hash ??= hashNorm(norm)));
      for (const glob of globs) if (form.startsWith(glob.prefix)) normsOf[glob.index]!.add((hash ??= hashNorm(norm)));
    }
  }
  // An article's first check is cheap (a changed term's first word among its norms); the few that
  // pass it are checked for every word.
  const firstWords = new Set(terms.flatMap((term) => [...normsOf[term[0]!]!]));
  const indices: number[] = [];
  cached.analyses.forEach((analysis, index) => {
    const hashes = analysis.normHashes;
    // Without hashes (not expected) an article cannot be cleared: analyse it again.
    if (hashes === undefined) {
      indices.push(index);
      return;
    }
    if (!hashes.some((hash) => firstWords.has(hash))) return;
    const present = new Set(hashes);
    const holds = (word: number): boolean => {
      for (const hash of normsOf[word]!) if (present.has(hash)) return true;
      return false;
    };
    if (terms.some((term) => term.every(holds))) indices.push(index);
  });
  return { all: false, indices };
}

/** The vocabulary the cached term counts index. */
export function cachedVocabulary(cached: CachedAnalyses): TermVocabulary {
  const vocabulary = new TermVocabulary();
  for (const word of cached.words) vocabulary.intern(word);
  return vocabulary;
}

/**
 * A fresh analysis of a touched article merged into its cached one: hits, contrast hits and
 * entities from the fresh one; term counts (lexicon-independent, cached vocabulary ids) and norm
 * hashes from the cache.
 */
export function mergeAnalysis(cachedAnalysis: ArticleAnalysis, fresh: ArticleAnalysis): ArticleAnalysis {
  return { ...fresh, termCounts: cachedAnalysis.termCounts, ...(cachedAnalysis.normHashes ? { normHashes: cachedAnalysis.normHashes } : {}) };
}

/**
 * Whether a run that analysed `analysed` of `articles` articles afresh keeps the cached entry it
 * was given instead of storing its analyses anew: when at most a tenth were analysed again.
 * Re-runs keep comparing against the entry made with the earlier lexicon (the result is the same,
 * only the share analysed afresh grows with the edits), and a small edit does not pay for writing
 * the whole entry again.
 */
export function keepsCachedEntry(analysed: number, articles: number): boolean {
  return analysed * 10 <= articles;
}

/** Whether two entity lists are the same (clusters depend on entities, not on other hits). */
export function sameEntities(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((entity, k) => entity === b[k]);
}
