/** Everything the report files are written from, computed once (pure). */
import { hashKey, KeyCounts } from '../stats/key-counts.js';
import { rankKeyness } from '../stats/keyness.js';
import type { KeynessRow } from '../stats/keyness.js';
import { mapOutlets } from '../stats/outlet-map.js';
import type { OutletMap } from '../stats/outlet-map.js';
import { compareText, listAxes } from '../stats/stance.js';
import type { TermVocabulary } from '../text/terms.js';
import type { Article, ArticleAnalysis, Concept, EventCluster, TermCounts } from '../types.js';
import type { ReportInput } from './index.js';
import { foldLexiconTerms } from './lexicon-forms.js';
import { profileOutlets, scoreArticles } from './profiles.js';
import type { ArticleScore, OutletProfile } from './profiles.js';
import type { OutletKeyness } from './tables.js';

/** Key terms kept per outlet in `keyness.csv`. */
export const KEYNESS_TOP = 30;
/** A key term must occur this often in the outlet to be listed (rarer ones are noise). */
export const KEYNESS_MIN_COUNT = 3;
/** Bits of the candidate filter of `computeKeyness`: 2^21 bits, 256 KB, stays in cache. */
const CANDIDATE_FILTER_BITS = 21;

export interface ReportModel {
  input: ReportInput;
  bom: boolean;
  seed: number;
  axes: string[];
  concepts: Map<string, Concept>;
  scores: ArticleScore[];
  scoresById: Map<string, ArticleScore>;
  articlesById: Map<string, Article>;
  clusterOf: Map<string, string>;
  profiles: OutletProfile[];
  keyness: OutletKeyness[];
  map: OutletMap;
  /** Concept ids, sorted, in the column order of the outlet map. */
  mapConcepts: string[];
}

/** Score articles, profile outlets, compute keyness and the outlet map. */
export function buildModel(input: ReportInput): ReportModel {
  return withClusters(buildModelBeforeClusters(input), input.clusters);
}

/** The model without its event clusters: everything but `clusterOf` (empty) and `input.clusters` (ignored). */
export function buildModelBeforeClusters(input: Omit<ReportInput, 'clusters'>): ReportModel {
  const scored = scoreReport(input);
  return completeModel(input, scored, profileOutlets(scored.scores, scored.axes, scored.concepts, input.bundle.contrasts, scored.seed));
}

/** The first part of the model: what the per-article files and the outlet profiles are made from. */
export interface ScoredReport {
  seed: number;
  axes: string[];
  concepts: Map<string, Concept>;
  /** One per article, sorted by id. */
  scores: ArticleScore[];
}

/** Score every article (the start of `buildModelBeforeClusters`). */
export function scoreReport(input: Omit<ReportInput, 'clusters'>): ScoredReport {
  const axes = listAxes(input.bundle.concepts);
  const concepts = new Map(input.bundle.concepts.map((c) => [c.id, c]));
  return { seed: input.seed ?? 1, axes, concepts, scores: scoreArticles(input.articles, input.analyses, axes, concepts) };
}

/** The rest of `buildModelBeforeClusters`, once the outlet profiles of `scored` are made. */
export function completeModel(input: Omit<ReportInput, 'clusters'>, scored: ScoredReport, profiles: OutletProfile[]): ReportModel {
  const { seed, axes, concepts, scores } = scored;
  const mapConcepts = [...new Set([...concepts.keys(), ...profiles.flatMap((p) => p.concepts.map((c) => c.concept))])].sort(compareText);
  const rows = profiles.map((p) => mapConcepts.map((id) => p.concepts.find((c) => c.concept === id)?.rate ?? 0));
  return {
    input: { ...input, clusters: [] },
    bom: input.bom,
    seed,
    axes,
    concepts,
    scores,
    scoresById: new Map(scores.map((s) => [s.article.id, s])),
    articlesById: new Map(input.articles.map((a) => [a.id, a])),
    clusterOf: new Map(),
    profiles,
    keyness: withLexiconFlags(input.keyness ?? rankOutletKeyness(input.articles, input.analyses, input.vocabulary), input.bundle.concepts),
    map: mapOutlets(profiles.map((p) => p.outlet), rows),
    mapConcepts,
  };
}

/** `model` with its event clusters put in. */
export function withClusters(model: ReportModel, clusters: EventCluster[]): ReportModel {
  const clusterOf = new Map<string, string>();
  for (const cluster of [...clusters].sort((a, b) => compareText(a.id, b.id))) {
    for (const id of cluster.members) if (!clusterOf.has(id)) clusterOf.set(id, cluster.id);
  }
  return { ...model, input: { ...model.input, clusters }, clusterOf };
}

/** One outlet's key terms, before they are marked as in a lexicon or not. */
export interface OutletKeyRows {
  outlet: string;
  rows: KeynessRow[];
}

/**
 * Each outlet vs the rest over the latest versions' term counts. With one outlet there is no
 * "rest", so there is no keyness (an empty table, said in the report).
 *
 * Only terms an outlet uses at least KEYNESS_MIN_COUNT times can be listed, so only those are
 * counted corpus-wide; the reference count is corpus − outlet and the reference total the corpus
 * total − the outlet's (the same integers a full reference table would give).
 *
 * Depends on the articles and their content-term counts only, never on the lexicons: the
 * incremental cache keeps the result for re-runs after a lexicon edit (src/cache/analysis-cache.ts).
 */
export function rankOutletKeyness(
  articles: readonly Article[],
  analyses: ReadonlyMap<string, ArticleAnalysis>,
  vocabulary: TermVocabulary,
): OutletKeyRows[] {
  const byOutlet = new Map<string, TermCounts[]>();
  for (const article of [...articles].sort((a, b) => compareText(a.id, b.id))) {
    const termCounts = analyses.get(article.id)?.termCounts;
    if (!article.isLatest || termCounts === undefined) continue;
    const list = byOutlet.get(article.outlet) ?? [];
    list.push(termCounts);
    byOutlet.set(article.outlet, list);
  }
  if (byOutlet.size < 2) return [];
  const outlets = [...byOutlet.keys()].sort(compareText);
  // Word ids (keys below the vocabulary size, about half the entries) are counted in an array
  // indexed by the id; only bigrams go through the hash table, which is too large for the cache.
  // (Sorting each outlet's bigram keys natively instead was no faster: ~110 ns a key.)
  const words = vocabulary.words.length;
  const isWord = (key: number): boolean => key >= 0 && key < words;
  const wordTally = new Float64Array(words);
  const tally = new KeyCounts();
  const candidates = outlets.map((outlet) => {
    tally.clear();
    const touched: number[] = [];
    let total = 0;
    for (const terms of byOutlet.get(outlet) ?? []) {
      for (let k = 0; k < terms.keys.length; k++) {
        const key = terms.keys[k] ?? 0;
        const count = terms.counts[k] ?? 0;
        total += count;
        if (!isWord(key)) tally.add(key, count);
        else {
          if (wordTally[key] === 0) touched.push(key);
          wordTally[key] = (wordTally[key] ?? 0) + count;
        }
      }
    }
    const keys: number[] = [];
    const counts: number[] = [];
    for (const key of touched) {
      const count = wordTally[key] ?? 0;
      wordTally[key] = 0;
      if (count >= KEYNESS_MIN_COUNT) {
        keys.push(key);
        counts.push(count);
      }
    }
    tally.forEach((key, count) => {
      if (count >= KEYNESS_MIN_COUNT) {
        keys.push(key);
        counts.push(count);
      }
    });
    return { outlet, keys, counts, total };
  });
  const corpus = new KeyCounts(candidates.reduce((n, c) => n + c.keys.length, 0));
  // Every word's corpus count, in an array indexed by the id (only candidates' are read).
  const corpusWords = new Float64Array(words);
  // Most terms of an article are no outlet's candidate (166k candidates of 681k terms at 10k
  // articles). A bitmap of the candidates' hashes turns ~90% of them away before they probe the
  // table, which is too large for the cache: measured on the 10k benchmark corpus, this pass over
  // 1.9 M article × term counts took ~100–150 ms without the filter, ~65–90 ms with it.
  const filterMask = (1 << CANDIDATE_FILTER_BITS) - 1;
  const filter = new Uint32Array((filterMask + 1) / 32);
  for (const c of candidates) {
    for (const key of c.keys) {
      if (isWord(key)) continue;
      corpus.add(key, 0);
      const bit = hashKey(key) & filterMask;
      filter[bit >>> 5] = (filter[bit >>> 5] ?? 0) | (1 << (bit & 31));
    }
  }
  let corpusTotal = 0;
  for (const list of byOutlet.values()) {
    for (const terms of list) {
      for (let k = 0; k < terms.keys.length; k++) {
        const key = terms.keys[k] ?? 0;
        if (isWord(key)) {
          corpusWords[key] = (corpusWords[key] ?? 0) + (terms.counts[k] ?? 0);
          continue;
        }
        const bit = hashKey(key) & filterMask;
        if (((filter[bit >>> 5] ?? 0) & (1 << (bit & 31))) !== 0) corpus.addIfPresent(key, terms.counts[k] ?? 0);
      }
    }
  }
  for (const c of candidates) corpusTotal += c.total;
  const corpusCount = (key: number): number => (isWord(key) ? (corpusWords[key] ?? 0) : corpus.get(key));
  return candidates.map(({ outlet, keys, counts, total }) => {
    const rows = rankKeyness(
      {
        target: counts,
        reference: keys.map((key, i) => corpusCount(key) - (counts[i] ?? 0)),
        termOf: (i) => vocabulary.termOf(keys[i] ?? 0),
        nTarget: total,
        nReference: corpusTotal - total,
      },
      { top: KEYNESS_TOP, minCount: KEYNESS_MIN_COUNT },
    );
    return { outlet, rows };
  });
}

/** Mark each key term found in a lexicon (the report lists the others as suggestions). */
function withLexiconFlags(keyness: readonly OutletKeyRows[], concepts: readonly Concept[]): OutletKeyness[] {
  const lexiconForms = foldLexiconTerms(concepts);
  return keyness.map(({ outlet, rows }) => ({ outlet, rows: rows.map((r) => ({ ...r, inLexicon: lexiconForms.has(r.term) })) }));
}
