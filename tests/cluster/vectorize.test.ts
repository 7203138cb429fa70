import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTfIdf, type VectorizeOptions } from '../../src/cluster/vectorize.js';

/** Test terms get keys by first appearance in this table. */
const table: string[] = [];
const keyOf = (term: string): number => (table.includes(term) ? table.indexOf(term) : table.push(term) - 1);
const OPTIONS: VectorizeOptions = { termOf: (key) => table[key] ?? '', minDf: 1, maxDfShare: 1, idfExponent: 1 };
const docs = (rows: Record<string, number>[]) =>
  rows.map((r) => ({ parts: [{ keys: Object.keys(r).map(keyOf), counts: Object.values(r) }] }));

function row(matrix: ReturnType<typeof buildTfIdf>, i: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (let k = matrix.offsets[i] ?? 0; k < (matrix.offsets[i + 1] ?? 0); k++) {
    out[matrix.termOf(matrix.terms[k] ?? 0)] = matrix.weights[k] ?? 0;
  }
  return out;
}

const vocabOf = (matrix: ReturnType<typeof buildTfIdf>): string[] => Array.from({ length: matrix.columns }, (_, c) => matrix.termOf(c));

describe('buildTfIdf', () => {
  it('weighs by sublinear tf and smoothed idf, then L2-normalises (scikit-learn formulas)', () => {
    const m = buildTfIdf(docs([{ quake: 3, city: 1 }, { city: 2 }]), OPTIONS);
    expect(vocabOf(m)).toEqual(['city', 'quake']);
    const quake = (1 + Math.log(3)) * (Math.log(3 / 2) + 1);
    const city = 1 * (Math.log(3 / 3) + 1);
    const norm = Math.hypot(quake, city);
    expect(row(m, 0).quake).toBeCloseTo(quake / norm, 12);
    expect(row(m, 0).city).toBeCloseTo(city / norm, 12);
    expect(row(m, 1)).toEqual({ city: 1 });
  });

  it('raises idf to idfExponent', () => {
    const m = buildTfIdf(docs([{ a: 1, b: 1 }, { b: 1 }]), { ...OPTIONS, idfExponent: 2 });
    const a = (Math.log(3 / 2) + 1) ** 2;
    expect((row(m, 0).a ?? 0) / (row(m, 0).b ?? 1)).toBeCloseTo(a, 12);
  });

  it('property: keys counted densely (denseKeys) give the same matrix as hashed keys', () => {
    // Small keys (word ids), large ones (bigram-like, above 2^31) and negative ones (entities), in
    // random documents; minDf 2 so the rare-term filter and the dense df both decide.
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 2 ** 31, max: 2 ** 31 + 40 }), fc.integer({ min: -5, max: -1 })), { maxLength: 12 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 3 }),
        (rows, minDf) => {
          const features = rows.map((keys) => ({ parts: [{ keys: Float64Array.from(keys), counts: Uint32Array.from(keys, (key) => 1 + (Math.abs(key) % 3)) }] }));
          const options: VectorizeOptions = { termOf: (key) => String(key), orderOf: (key) => key, minDf, maxDfShare: 0.9, idfExponent: 1 };
          const hashed = buildTfIdf(features, options);
          const dense = buildTfIdf(features, { ...options, denseKeys: 41 });
          expect(vocabOf(dense)).toEqual(vocabOf(hashed));
          expect([dense.offsets, dense.terms, dense.weights, dense.df]).toEqual([hashed.offsets, hashed.terms, hashed.weights, hashed.df]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: pair keys grouped by their first key (pairBase) give the same matrix as hashed keys', () => {
    // Pair keys (first + 1) · 64 + second, some with a part at or above denseKeys (41: hashed,
    // not grouped), beside dense, unpaired large and negative keys; counts up to 3; minDf 1–3.
    const pair = fc.tuple(fc.integer({ min: 0, max: 44 }), fc.integer({ min: 0, max: 44 })).map(([first, second]) => (first + 1) * 64 + second);
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.oneof(fc.integer({ min: 0, max: 63 }), pair, pair, fc.integer({ min: 2 ** 31, max: 2 ** 31 + 5 }), fc.integer({ min: -3, max: -1 })), { maxLength: 14 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 3 }),
        (rows, minDf) => {
          const features = rows.map((keys) => ({ parts: [{ keys: Float64Array.from(keys), counts: Uint32Array.from(keys, (key) => Math.abs(key) % 4) }] }));
          const options: VectorizeOptions = { termOf: (key) => String(key), orderOf: (key) => key + 3, minDf, maxDfShare: 0.9, idfExponent: 1 };
          const hashed = buildTfIdf(features, options);
          const grouped = buildTfIdf(features, { ...options, denseKeys: 41, pairBase: 64 });
          expect(vocabOf(grouped)).toEqual(vocabOf(hashed));
          expect([grouped.offsets, grouped.terms, grouped.weights, grouped.df]).toEqual([hashed.offsets, hashed.terms, hashed.weights, hashed.df]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps every entry of a hashed term found in more documents than a filter bucket counts (255)', () => {
    // The entry arrays are sized from the filter's counts, whose buckets stop at 255: the 145
    // entries the term in 400 documents brings beyond that are counted beside the bucket (an
    // internal error says when the count and the entries disagree).
    const common = 2 ** 40 + 7;
    const features = Array.from({ length: 400 }, (_, i) => ({ parts: [{ keys: Float64Array.of(i % 50, common, 2 ** 40 + 1000 + (i % 200)), counts: Uint32Array.of(1, 2, 1) }] }));
    const options: VectorizeOptions = { termOf: (key) => String(key), orderOf: (key) => key, minDf: 2, maxDfShare: 1, idfExponent: 1 };
    for (const denseKeys of [0, 50]) {
      const m = buildTfIdf(features, { ...options, denseKeys });
      expect(vocabOf(m)).toHaveLength(50 + 1 + 200);
      expect(m.df[vocabOf(m).indexOf(String(common))]).toBe(400);
      expect(m.offsets[400]).toBe(1200);
      for (let i = 0; i < 400; i++) expect(Object.keys(row(m, i))).toEqual([String(i % 50), String(common), String(2 ** 40 + 1000 + (i % 200))]);
    }
  });

  it('keeps a hashed term whose document count passes a minDf above what a filter bucket holds (255)', () => {
    const common = 2 ** 40 + 7;
    const features = Array.from({ length: 400 }, (_, i) => ({ parts: [{ keys: Float64Array.of(2 ** 40 + 1000 + i, common), counts: Uint32Array.of(1, 1) }] }));
    const m = buildTfIdf(features, { termOf: (key) => String(key), orderOf: (key) => key, minDf: 300, maxDfShare: 1, idfExponent: 1 });
    expect(vocabOf(m)).toEqual([String(common)]);
    expect(m.df[0]).toBe(400);
  });

  it('drops terms under minDf and over maxDfShare', () => {
    const m = buildTfIdf(docs([{ all: 1, pair: 1, lone: 1 }, { all: 1, pair: 1 }, { all: 1 }]), {
      ...OPTIONS,
      minDf: 2,
      maxDfShare: 0.7,
    });
    expect(vocabOf(m)).toEqual(['pair']);
    expect([...m.df]).toEqual([2]);
  });

  it('keeps an empty document as an all-zero row (no NaN from 0/0)', () => {
    const m = buildTfIdf(docs([{}, { a: 1 }]), OPTIONS);
    expect(m.offsets[1]).toBe(0);
    expect([...m.weights].every(Number.isFinite)).toBe(true);
  });

  it('sorts the vocabulary by code unit, whatever the insertion order', () => {
    const m = buildTfIdf(docs([{ zed: 1, 'ent:b': 1, Alpha: 1, 'بيت': 1 }]), OPTIONS);
    expect(vocabOf(m)).toEqual(['Alpha', 'ent:b', 'zed', 'بيت']);
  });

  it('property: columns follow orderOf, whether the order numbers fit the radix sort (< 2^39) or not', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 40 }),
        fc.constantFrom(1, 2 ** 13 + 1, 2 ** 26 + 3, 2 ** 30, 2 ** 40),
        (keys, scale) => {
          // Two documents share every key (minDf 2); order numbers are distinct multiples of `scale`.
          const features = [0, 1].map(() => ({ parts: [{ keys: Float64Array.from(keys), counts: Uint32Array.from(keys, () => 1) }] }));
          const orderOf = (key: number): number => ((key * 7919) % 401) * scale;
          const m = buildTfIdf(features, { termOf: (key) => String(key), orderOf, minDf: 2, maxDfShare: 1, idfExponent: 1 });
          expect(vocabOf(m).map(Number)).toEqual([...keys].sort((x, y) => orderOf(x) - orderOf(y)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reports two terms given the same order number (an internal error)', () => {
    for (const big of [0, 2 ** 40]) {
      expect(() => buildTfIdf(docs([{ a: 1, b: 1 }]), { ...OPTIONS, orderOf: () => big })).toThrow(/same number/);
    }
  });

  it('orders columns by orderOf when given, and rows follow the column order', () => {
    const m = buildTfIdf(docs([{ b: 1, a: 2, c: 1 }, { c: 1 }]), { ...OPTIONS, orderOf: (key) => -key });
    expect(vocabOf(m)).toEqual(['a', 'b', 'c'].sort((x, y) => keyOf(y) - keyOf(x)));
    const cols = Array.from(m.terms.subarray(m.offsets[0], m.offsets[1]));
    expect(cols).toEqual([...cols].sort((x, y) => x - y));
  });
});
