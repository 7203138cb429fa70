import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNeighbourEdges } from '../../src/cluster/neighbours.js';
import { buildTfIdf, type SparseMatrix } from '../../src/cluster/vectorize.js';

const table: string[] = [];
const keyOf = (term: string): number => (table.includes(term) ? table.indexOf(term) : table.push(term) - 1);
const OPTIONS = { termOf: (key: number) => table[key] ?? '', minDf: 1, maxDfShare: 1, idfExponent: 1, isNeutral: (key: number) => (table[key] ?? '').startsWith('ent:'), neutralShare: 0.4 };
const row = (counts: Record<string, number>) => ({ parts: [{ keys: Object.keys(counts).map(keyOf), counts: Object.values(counts) }] });

function cosine(m: SparseMatrix, i: number, j: number): number {
  const weights = new Map<number, number>();
  for (let k = m.offsets[i] ?? 0; k < (m.offsets[i + 1] ?? 0); k++) weights.set(m.terms[k] ?? 0, m.weights[k] ?? 0);
  let sum = 0;
  for (let k = m.offsets[j] ?? 0; k < (m.offsets[j + 1] ?? 0); k++) sum += (m.weights[k] ?? 0) * (weights.get(m.terms[k] ?? 0) ?? 0);
  return sum;
}

/** Brute force: every pair inside the window, each document's top-k, union. */
function bruteForce(m: SparseMatrix, days: Float64Array, window: number, topK: number): Map<string, number> {
  const edges = new Map<string, number>();
  for (let i = 0; i < m.rows; i++) {
    const scored: { j: number; sim: number }[] = [];
    for (let j = 0; j < m.rows; j++) {
      const di = days[i] ?? Number.NaN;
      const dj = days[j] ?? Number.NaN;
      if (j === i || Math.abs(di - dj) > window) continue;
      const sim = cosine(m, i, j);
      if (sim > 0) scored.push({ j, sim });
    }
    scored.sort((x, y) => y.sim - x.sim || x.j - y.j);
    for (const { j, sim } of scored.slice(0, topK)) edges.set(`${Math.min(i, j)}-${Math.max(i, j)}`, sim);
  }
  return edges;
}

const corpus = fc.array(
  fc.record({
    words: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), { maxLength: 5 }),
    day: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
  }),
  { maxLength: 14 },
);

describe('findNeighbourEdges', () => {
  it('equals the brute-force top-k graph when no term is capped (any dates, some unknown)', () => {
    fc.assert(
      fc.property(corpus, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 4 }), (docs, window, topK) => {
        const m = buildTfIdf(docs.map((d) => row(Object.fromEntries(d.words.map((w) => [w, 1])))), OPTIONS);
        const days = Float64Array.from(docs, (d) => d.day ?? Number.NaN);
        const edges = findNeighbourEdges(m, { topK, maxDf: 1000, days, dateWindowDays: window });
        const expected = bruteForce(m, days, window, topK);
        // Exact rescoring makes the kept edges the true top-k (candidates are 3 × topK).
        expect(new Set(edges.map((e) => `${e.a}-${e.b}`))).toEqual(new Set(expected.keys()));
        for (const e of edges) expect(e.sim).toBeCloseTo(expected.get(`${e.a}-${e.b}`) ?? -1, 12);
      }),
      { numRuns: 200, seed: 6 },
    );
  });

  it('finds no candidate through a term above maxDf, but counts it in the exact cosine', () => {
    const m = buildTfIdf(
      [{ common: 1, rare: 1 }, { common: 1, rare: 1 }, { common: 1 }, { common: 1 }].map(row),
      OPTIONS,
    );
    const days = new Float64Array(4).fill(Number.NaN);
    const edges = findNeighbourEdges(m, { topK: 5, maxDf: 2, days, dateWindowDays: 7 });
    expect(edges.map((e) => [e.a, e.b])).toEqual([[0, 1]]);
    expect(edges[0]?.sim).toBeCloseTo(1, 12);
  });
});
