import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectEdges, findNeighbourEdges } from '../../src/cluster/neighbours.js';
import { buildTfIdf, type SparseMatrix } from '../../src/cluster/vectorize.js';

const table: string[] = [];
const keyOf = (term: string): number => (table.includes(term) ? table.indexOf(term) : table.push(term) - 1);
const OPTIONS = { termOf: (key: number) => table[key] ?? '', minDf: 1, maxDfShare: 1, idfExponent: 1 };
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

describe('collectEdges', () => {
  /** The plain way: sort positions by key with a comparator, keep the first of equal keys. */
  function reference(keys: Float64Array, sims: Float64Array, n: number): { a: number; b: number; sim: number }[] {
    const order = [...keys.keys()].sort((x, y) => (keys[x] ?? 0) - (keys[y] ?? 0) || x - y);
    const out: { a: number; b: number; sim: number }[] = [];
    for (const e of order) {
      const key = keys[e] ?? 0;
      if (out.length > 0 && out[out.length - 1]!.a * n + out[out.length - 1]!.b === key) continue;
      out.push({ a: Math.floor(key / n), b: key % n, sim: sims[e] ?? 0 });
    }
    return out;
  }

  it('sorts pair keys into edges, each pair once, whether or not key and position fit one float', () => {
    const graph = fc.record({
      // 2^26 documents: n² · 2^bits passes 2^53, so the comparator path is taken too.
      n: fc.constantFrom(2, 7, 1000, 2 ** 26),
      pairs: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.double({ min: 0.01, max: 1, noNaN: true }), fc.boolean()), { maxLength: 60 }),
    });
    fc.assert(
      fc.property(graph, ({ n, pairs }) => {
        const keys: number[] = [];
        const sims: number[] = [];
        for (const [x, y, sim, twice] of pairs) {
          const a = Math.min(x % n, y % n);
          const b = Math.max(x % n, y % n);
          if (a === b) continue;
          // A pair found from both ends is there twice with the same cosine.
          for (let copy = 0; copy < (twice ? 2 : 1); copy++) {
            keys.push(a * n + b);
            sims.push(sim);
          }
        }
        const k = Float64Array.from(keys);
        const s = Float64Array.from(sims);
        const expected = reference(k, s, n);
        // A pair pushed twice by the generator with different cosines keeps its first position's.
        expect(collectEdges(k, s, n)).toEqual(expected);
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});
