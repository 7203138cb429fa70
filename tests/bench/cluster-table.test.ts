import { describe, expect, it } from 'vitest';
import { formatClusterTable, sklearnRatio, timeRatio } from '../../bench/lib/cluster-table.js';
import type { ClusterBenchRow, FramescopeResult, SklearnResult } from '../../bench/lib/cluster-table.js';

function framescope(articles: number, seconds: number, peakRssMb: number): FramescopeResult {
  return {
    articles, seconds, cpuSeconds: seconds, threads: null, loadedRssMb: 100, loadPeakRssMb: 110, peakRssMb, clusters: Math.round(articles / 3),
    score: { precision: 0.8, recall: 0.7, f1: 0.746667, scored: articles, unmatched: 0 },
  };
}

function sklearn(documents: number, similaritySeconds: number, rowsDone = documents): SklearnResult {
  const complete = rowsDone === documents;
  return {
    documents, terms: 1000, vectorizeSeconds: 1.5, similaritySeconds, similarityCpuSeconds: similaritySeconds, peakRssMb: 3900, topK: 20, blockRows: 2000, rowsDone, complete,
    projectedSimilaritySeconds: complete ? similaritySeconds : (similaritySeconds * documents) / rowsDone, productNonZeros: 10,
  };
}

const small: ClusterBenchRow = { size: 10_000, corpus: '/c10', framescope: framescope(10_000, 2, 300), sklearn: sklearn(10_000, 8) };
const large: ClusterBenchRow = { size: 50_000, corpus: '/c50', framescope: framescope(50_000, 10, 900), sklearn: sklearn(50_000, 100, 10_000) };

describe('cluster benchmark table', () => {
  it('prints a Markdown row per size, smallest first, with the ratio to scikit-learn and the 50k targets', () => {
    const lines = formatClusterTable([large, small]).split('\n');
    expect(lines[0]).toMatch(/^\| articles \| framescope s \| peak RSS MB \|/);
    expect(lines[1]).toBe('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    expect(lines[2]).toBe('| 10000 | 2.00 | 300 | 200 | 3333 | 0.800 / 0.700 / 0.747 | 1.50 | 8.00 | 3900 | 4.0× |');
    expect(lines[3]).toContain('| 500 (projected: 10000/50000 rows in 100 s) | 3900 | 50.0× |');
    expect(lines).toContain('framescope time ratio 50000/10000: 5.00 (target ≤ 6)');
    expect(lines).toContain('50k targets: 10.0 s (≤ 15), peak RSS 900 MB (≤ 1000)');
  });

  it('says why scikit-learn is missing instead of inventing numbers', () => {
    const row: ClusterBenchRow = { ...small, sklearn: { skipped: 'not installed' } };
    const text = formatClusterTable([row]);
    expect(text).toContain('| 0.800 / 0.700 / 0.747 | — | — | — | — |');
    expect(text).toContain('scikit-learn: not installed');
    expect(text).not.toContain('time ratio');
    expect(sklearnRatio(row)).toBeNaN();
  });

  it('computes the 50k/10k time ratio only when both sizes ran', () => {
    expect(timeRatio([small, large], 50_000, 10_000)).toBe(5);
    expect(timeRatio([small], 50_000, 10_000)).toBeNaN();
    expect(sklearnRatio(large)).toBe(50);
  });
});
