/**
 * Event clustering: articles about the same event, across outlets and across English and Arabic.
 *
 * Pipeline (each step a pure function): content terms → sparse TF-IDF (`vectorize.ts`) → top-k
 * cosine neighbours through an inverted index with a document-frequency cap and a date window
 * (`neighbours.ts`), joined in a corpus of several languages by neighbours of other languages
 * through `ent:<id>` entity ids (`cross-language.ts`) → average linkage over that sparse graph
 * (`linkage.ts`) → clusters with stable ids, member similarities and top terms (`describe.ts`).
 * No step builds a dense document × term or document × document matrix.
 */
import { BIGRAM_BASE, termOrder, type TermVocabulary } from '../text/terms.js';
import type { EventCluster, TermCounts } from '../types.js';
import { withCrossLanguageLinks, type EntityVectors } from './cross-language.js';
import { describeClusters } from './describe.js';
import { averageLinkage, edgesThatCanMerge } from './linkage.js';
import { findNeighbourGraph } from './neighbours.js';
import { findNeighbourGraphInThreads } from './parallel-neighbours.js';
import { buildTfIdf, compareStrings, type SparseMatrix } from './vectorize.js';

export interface ClusterInput {
  id: string;
  /** `YYYY-MM-DD`, or `''` when unknown. */
  date: string;
  lang: string;
  /** From `contentTerms(tokens, lang, vocabulary)` in `src/text/terms.ts`. */
  termCounts: TermCounts;
  /** Cross-language entity ids (with repeats) from the lexicon engine. */
  entities: string[];
}

export interface ClusterOptions {
  /** Average-linkage cosine at or above which two clusters merge. */
  threshold?: number;
  /** Articles whose known dates lie further apart than this are never compared. */
  dateWindowDays?: number;
  /** Neighbours kept per article in the similarity graph. */
  topK?: number;
  /** Terms with more postings than this inside an article's date window propose no candidates for it. */
  maxDf?: number;
  /**
   * Threads for the neighbour search (this one included), used from `MIN_ROWS_FOR_THREADS`
   * articles on; the clusters are the same for any number.
   */
  threads?: number;
}

/**
 * Defaults, chosen once on the ECB+ development split (`npm run eval:clusters`) and fixed for all
 * data:
 * - `threshold` 0.15 — B-cubed F1 0.925 on ECB+ dev (P 0.920, R 0.931); the plateau is broad
 *   (F1 ≥ 0.90 from 0.10 to 0.175), so the value is not a knife-edge fit. Two halves of the split
 *   (topics 1–21 / 23–45) peak within 0.0125 of it.
 * - `dateWindowDays` 7 — news about one event clusters within days; a week keeps follow-ups and
 *   weekly outlets while keeping the yearly anniversary story of a look-alike event apart. Pairs
 *   with an unknown date on either side are always compared.
 * - `topK` 20 — about the size of the largest ECB+ events (5–22 articles). Keeping only each
 *   article's 20 nearest neighbours also sparsifies the graph in a useful way: on ECB+ dev, F1 is
 *   0.916 with 30 and 0.925 with 20 (0.887 with 10). Caveat: an event covered by many more than
 *   `topK` articles inside one window can split, because average linkage counts a missing edge as
 *   0; raise `topK` for corpora with very large events.
 * - `maxDf` 30 — a term with more than 30 postings inside an article's date window proposes no
 *   candidates for it (it still counts in the exact cosine), which bounds the candidate work per
 *   article as corpora grow. ECB+ dev F1 is the same for 30, 50, 100 and 500.
 */
export const DEFAULT_CLUSTER_OPTIONS: Required<ClusterOptions> = {
  threshold: 0.15,
  dateWindowDays: 7,
  topK: 20,
  maxDf: 30,
  threads: 1,
};

/** Below this many articles the neighbour search takes well under a second: no threads. */
const MIN_ROWS_FOR_THREADS = 5000;

/** A term seen in one article cannot link two articles; leaving it out also keeps vectors small. */
const MIN_DF = 2;
/** Terms in more than this share of articles are stop words of the corpus (scikit-learn `max_df`). */
const MAX_DF_SHARE = 0.5;
/**
 * Each side of a cosine weighs a term by idf² rather than idf, so the pair's dot product carries
 * idf² per side as in Lucene's classic TF-IDF similarity. Rare names, places and numbers then
 * outweigh the shared topic words that look-alike events have in common (two earthquakes, two
 * rehab stays). Measured on the ECB+ dev split (topK 30): best B-cubed F1 0.901 with idf, 0.916
 * with idf²; idf^1.75 gives 0.910, idf^2.5 0.915 on a narrower plateau.
 */
const IDF_EXPONENT = 2;
const ENTITY_PREFIX = 'ent:';
/**
 * Weight of entity ids between articles of different languages: such a pair's similarity is its
 * word cosine plus ENTITY_SHARE × the cosine of their entity profiles (src/cluster/cross-language.ts),
 * so an English–Arabic pair about one event — sharing almost no words — scores about 0.4 × its
 * entity cosine, above the threshold when they name the same actors and places. Pairs of one
 * language are compared by their wording alone. Set on the bilingual fixture; ECB+ is English, so
 * its dev score does not depend on it.
 */
const ENTITY_SHARE = 0.4;
/**
 * Entity ids are read only when a second language holds at least this share of the articles: a
 * few articles misdetected as another language (ECB+ dev: 2 of 496) do not make a corpus
 * bilingual, and skipping the entity search saves its time.
 */
const MIN_SECOND_LANGUAGE_SHARE = 0.02;
const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Group articles about the same event. Every article lands in exactly one cluster (singletons
 * allowed). Output is independent of input order: articles are processed sorted by id.
 *
 * Cluster ids are `e0001`, `e0002`, … (zero-padded to at least 4 digits) in order of the cluster's
 * earliest known date, then its smallest member id; clusters with no dated member come last.
 *
 * `vocabulary` is the one the term counts were made with (it spells the terms out).
 *
 * @throws Error on a duplicate id or a date that is neither `''` nor a valid `YYYY-MM-DD`.
 */
export function clusterArticles(docs: ClusterInput[], vocabulary: TermVocabulary, options: ClusterOptions = {}): EventCluster[] {
  return clusterVectors(vectorizeForClustering(docs, vocabulary, options));
}

/**
 * The articles of a `clusterArticles` call as TF-IDF vectors: all that its later steps read. The
 * term counts are no longer needed once this returns, so a caller that holds them elsewhere can
 * let them go before the neighbour search and the linkage (the CLI does: ~120 MB at 50k articles).
 */
export interface ClusterVectors {
  /** Ids, sorted; row `i` of `matrix` and `days[i]` belong to `ids[i]`. */
  ids: { id: string }[];
  /** Day number per row (NaN when unknown). */
  days: Float64Array;
  /** The articles' wording: content terms, unit rows. */
  matrix: SparseMatrix;
  /** The articles' entity ids, in a corpus of more than one language (`isMultilingual`); else absent. */
  entities?: EntityVectors;
  settings: Required<ClusterOptions>;
  /** Whether the matrix is in shared memory for the threaded neighbour search. */
  parallel: boolean;
}

/** The first step of `clusterArticles` (same arguments, same errors). */
export function vectorizeForClustering(docs: readonly ClusterInput[], vocabulary: TermVocabulary, options: ClusterOptions = {}): ClusterVectors {
  const settings = resolveOptions(options);
  const sorted = [...docs].sort((x, y) => compareStrings(x.id, y.id));
  assertUniqueIds(sorted);
  const days = Float64Array.from(sorted, (doc) => parseDay(doc));
  const parallel = settings.threads > 1 && sorted.length >= MIN_ROWS_FOR_THREADS && import.meta.url.endsWith('.js');
  const matrix = buildTfIdf(sorted.map((doc) => ({ parts: [doc.termCounts] })), {
    shared: parallel,
    denseKeys: vocabulary.words.length,
    pairBase: BIGRAM_BASE,
    termOf: (key) => vocabulary.termOf(key),
    orderOf: termOrder(vocabulary),
    ...WEIGHTING,
  });
  const entities = isMultilingual(sorted) ? vectorizeEntities(sorted) : undefined;
  return { ids: sorted.map(({ id }) => ({ id })), days, matrix, ...(entities === undefined ? {} : { entities }), settings, parallel };
}

/** How both matrices weigh their features (see the constants above). */
const WEIGHTING = { minDf: MIN_DF, maxDfShare: MAX_DF_SHARE, idfExponent: IDF_EXPONENT };

/**
 * Entity ids as TF-IDF rows (same weighting as words) scaled to length √ENTITY_SHARE, so the dot
 * product of two rows is `ENTITY_SHARE` × their cosine; columns in name order, spelled `ent:<id>`.
 */
function vectorizeEntities(sorted: readonly ClusterInput[]): EntityVectors {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const features = sorted.map((doc) => ({ parts: [countEntities(doc.entities, ids, names)] }));
  const rank = ranksOf(names);
  const matrix = buildTfIdf(features, {
    termOf: (key) => `${ENTITY_PREFIX}${names[-key - 1] ?? ''}`,
    orderOf: (key) => rank[-key - 1] ?? 0,
    ...WEIGHTING,
  });
  const scale = Math.sqrt(ENTITY_SHARE);
  for (let k = 0; k < matrix.weights.length; k++) matrix.weights[k] = (matrix.weights[k] ?? 0) * scale;
  const languages = new Map<string, number>();
  const groups = Int32Array.from(sorted, (doc) => {
    const known = languages.get(doc.lang);
    if (known !== undefined) return known;
    languages.set(doc.lang, languages.size);
    return languages.size - 1;
  });
  return { matrix, groups };
}

/** The steps of `clusterArticles` after vectorising: neighbour graph, linkage, described clusters. */
export function clusterVectors(vectors: ClusterVectors): EventCluster[] {
  const { ids, days, matrix, entities, settings, parallel } = vectors;
  if (ids.length === 0) return [];
  const neighbourOptions = { topK: settings.topK, maxDf: settings.maxDf, days, dateWindowDays: settings.dateWindowDays };
  // Worker threads need the compiled .js modules; from TypeScript sources (tests) search here.
  let graph = parallel ? findNeighbourGraphInThreads(matrix, neighbourOptions, settings.threads) : findNeighbourGraph(matrix, neighbourOptions);
  if (entities !== undefined) graph = withCrossLanguageLinks(graph, matrix, entities, neighbourOptions);
  const labels = averageLinkage(ids.length, edgesThatCanMerge(graph, settings.threshold), settings.threshold);
  return describeClusters(ids, days, matrix, labels, entities);
}

/** Whether the second most common language (`und` aside) holds at least `MIN_SECOND_LANGUAGE_SHARE` of the articles. */
function isMultilingual(docs: readonly ClusterInput[]): boolean {
  const counts = new Map<string, number>();
  for (const doc of docs) if (doc.lang !== 'und') counts.set(doc.lang, (counts.get(doc.lang) ?? 0) + 1);
  const second = [...counts.values()].sort((x, y) => y - x)[1] ?? 0;
  return second > 0 && second >= MIN_SECOND_LANGUAGE_SHARE * docs.length;
}

/**
 * Entity ids as features keyed `-(index + 1)` in `names` (spelled `ent:<id>`: the prefix keeps an
 * entity apart from a word spelled the same), keys ascending like term counts.
 */
function countEntities(entities: readonly string[], idOf: Map<string, number>, names: string[]): TermCounts {
  const counts = new Map<number, number>();
  for (const entity of entities) {
    let index = idOf.get(entity);
    if (index === undefined) {
      index = names.length;
      idOf.set(entity, index);
      names.push(entity);
    }
    counts.set(-(index + 1), (counts.get(-(index + 1)) ?? 0) + 1);
  }
  const keys = Float64Array.from(counts.keys()).sort();
  return { keys, counts: Uint32Array.from(keys, (key) => counts.get(key) ?? 0) };
}

/** Rank of each name in code-unit order. */
function ranksOf(names: readonly string[]): Uint32Array {
  const order = Uint32Array.from(names, (_, i) => i).sort((x, y) => compareStrings(names[x] ?? '', names[y] ?? ''));
  const rank = new Uint32Array(names.length);
  order.forEach((i, r) => (rank[i] = r));
  return rank;
}

function resolveOptions(options: ClusterOptions): Required<ClusterOptions> {
  const settings = { ...DEFAULT_CLUSTER_OPTIONS, ...stripUndefined(options) };
  if (!(settings.threshold > 0 && settings.threshold <= 1)) {
    throw new Error(`clusterArticles: threshold must be in (0, 1], got ${settings.threshold}`);
  }
  if (!(settings.dateWindowDays >= 0)) {
    throw new Error(`clusterArticles: dateWindowDays must be ≥ 0, got ${settings.dateWindowDays}`);
  }
  if (!(Number.isInteger(settings.topK) && settings.topK >= 1)) {
    throw new Error(`clusterArticles: topK must be a positive integer, got ${settings.topK}`);
  }
  if (!(settings.maxDf >= 2)) throw new Error(`clusterArticles: maxDf must be ≥ 2, got ${settings.maxDf}`);
  if (!(Number.isInteger(settings.threads) && settings.threads >= 1)) {
    throw new Error(`clusterArticles: threads must be a positive integer, got ${settings.threads}`);
  }
  return settings;
}

function stripUndefined(options: ClusterOptions): ClusterOptions {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as ClusterOptions;
}

function assertUniqueIds(sorted: readonly ClusterInput[]): void {
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]?.id === sorted[i - 1]?.id) {
      throw new Error(`clusterArticles: duplicate article id "${sorted[i]?.id}" — ids must be unique`);
    }
  }
}

/** Days since 1970-01-01 (UTC), or NaN when the article states no date. */
function parseDay(doc: ClusterInput): number {
  if (doc.date === '') return Number.NaN;
  const m = ISO_DATE.exec(doc.date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || new Date(ms).toISOString().slice(0, 10) !== doc.date) {
    throw new Error(`clusterArticles: article "${doc.id}": date "${doc.date}" is not YYYY-MM-DD`);
  }
  return ms / DAY_MS;
}
