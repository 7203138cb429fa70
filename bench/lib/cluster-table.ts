/**
 * The clustering benchmark's results and the table printed from them (pure, so it is testable
 * without running anything). MB are 10^6 bytes, as in the pipeline benchmark's table.
 */
import type { EventScore } from './cluster-score.js';

/** Issue 6's targets for 50k articles on 2 cores. */
export const CLUSTER_TARGETS = { seconds50k: 15, peakRssMb: 1000, ratio50kTo10k: 6 } as const;

/** One `clusterArticles(docs, vocabulary)` call in a child process of its own. */
export interface FramescopeResult {
  /** Documents clustered: the corpus's latest versions. */
  articles: number;
  seconds: number;
  /** User + system CPU seconds of the call (all threads): less sensitive than wall time to a busy machine. */
  cpuSeconds: number;
  /** `threads` passed to `clusterArticles`, or null for its default. */
  threads: number | null;
  /** RSS once the inputs are loaded (after a full GC). */
  loadedRssMb: number;
  /** Peak RSS up to the end of loading: a check that the peak below is the clustering's. */
  loadPeakRssMb: number;
  /** Peak RSS of the child (`process.resourceUsage().maxRSS`). */
  peakRssMb: number;
  clusters: number;
  score: EventScore;
}

/** `bench/sklearn_similarity.py`'s JSON line. */
export interface SklearnResult {
  documents: number;
  terms: number;
  vectorizeSeconds: number;
  similaritySeconds: number;
  /** User + system CPU seconds of the similarity step (wall time suffers more on a busy machine). */
  similarityCpuSeconds: number;
  peakRssMb: number;
  topK: number;
  blockRows: number;
  /** Rows whose neighbours were found; fewer than `documents` when the time cap stopped it. */
  rowsDone: number;
  complete: boolean;
  /** Similarity seconds for all rows: measured when complete, else scaled up from the rows done. */
  projectedSimilaritySeconds: number;
  /** Non-zero entries of X·Xᵀ over the rows done (how dense the product is). */
  productNonZeros: number;
}

export interface ClusterBenchRow {
  size: number;
  corpus: string;
  framescope: FramescopeResult;
  sklearn: SklearnResult | { skipped: string };
}

const fmt = (value: number, digits: number): string => (Number.isFinite(value) ? value.toFixed(digits) : '—');

function isSklearnResult(value: ClusterBenchRow['sklearn']): value is SklearnResult {
  return !('skipped' in value);
}

/**
 * scikit-learn's similarity step over framescope's whole `clusterArticles` (TF-IDF, neighbours,
 * linkage, description). Conservative for framescope: the TF-IDF vectorising that scikit-learn
 * times apart is left out of its side.
 */
export function sklearnRatio(row: ClusterBenchRow): number {
  return isSklearnResult(row.sklearn) ? row.sklearn.projectedSimilaritySeconds / row.framescope.seconds : Number.NaN;
}

/** framescope time at `large` articles over time at `small`, or NaN when either size is missing. */
export function timeRatio(rows: readonly ClusterBenchRow[], large: number, small: number): number {
  const big = rows.find((row) => row.size === large);
  const little = rows.find((row) => row.size === small);
  return big && little ? big.framescope.seconds / little.framescope.seconds : Number.NaN;
}

/** A Markdown table, a row per size, then the 50k/10k ratio and the 50k targets when those sizes ran. */
export function formatClusterTable(rows: readonly ClusterBenchRow[]): string {
  const sorted = [...rows].sort((a, b) => a.size - b.size);
  const header = ['articles', 'framescope s', 'peak RSS MB', 'peak − loaded MB', 'clusters', 'B³ P / R / F1',
    'sklearn vectorize s', 'sklearn similarity s', 'sklearn peak RSS MB', 'sklearn sim. / framescope'];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---:').join('|')}|`];
  for (const row of sorted) {
    const f = row.framescope;
    const bcubed = `${fmt(f.score.precision, 3)} / ${fmt(f.score.recall, 3)} / ${fmt(f.score.f1, 3)}`;
    const cells = [String(f.articles), fmt(f.seconds, 2), fmt(f.peakRssMb, 0), fmt(f.peakRssMb - f.loadedRssMb, 0), String(f.clusters), bcubed];
    if (isSklearnResult(row.sklearn)) {
      const s = row.sklearn;
      const similarity = s.complete ? fmt(s.similaritySeconds, 2) : `${fmt(s.projectedSimilaritySeconds, 0)} (projected: ${s.rowsDone}/${s.documents} rows in ${fmt(s.similaritySeconds, 0)} s)`;
      cells.push(fmt(s.vectorizeSeconds, 2), similarity, fmt(s.peakRssMb, 0), `${fmt(sklearnRatio(row), 1)}×`);
    } else {
      cells.push('—', '—', '—', '—');
    }
    lines.push(`| ${cells.join(' | ')} |`);
  }
  const skipped = sorted.find((row) => !isSklearnResult(row.sklearn))?.sklearn;
  if (skipped && 'skipped' in skipped) lines.push(`scikit-learn: ${skipped.skipped}`);
  const ratio = timeRatio(sorted, 50_000, 10_000);
  if (Number.isFinite(ratio)) lines.push(`framescope time ratio 50000/10000: ${fmt(ratio, 2)} (target ≤ ${CLUSTER_TARGETS.ratio50kTo10k})`);
  const big = sorted.find((row) => row.size === 50_000);
  if (big) {
    lines.push(`50k targets: ${fmt(big.framescope.seconds, 1)} s (≤ ${CLUSTER_TARGETS.seconds50k}), peak RSS ${fmt(big.framescope.peakRssMb, 0)} MB (≤ ${CLUSTER_TARGETS.peakRssMb})`);
  }
  return lines.join('\n');
}
