import fc from 'fast-check';
import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { mapOutlets } from '../../src/stats/outlet-map.js';
import { symmetricEigen } from '../../src/stats/symmetric-eigen.js';

const symmetric = (n: number, values: number[]): number[][] => {
  const a = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  let k = 0;
  for (let i = 0; i < n; i += 1) for (let j = i; j < n; j += 1) a[i]![j] = a[j]![i] = values[k++ % values.length]!;
  return a;
};

describe('symmetricEigen', () => {
  it('rebuilds the matrix from orthonormal eigenvectors, largest eigenvalue first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 80 }), (n, values) => {
        const a = symmetric(n, values);
        const { values: lambda, vectors } = symmetricEigen(a);
        for (let k = 1; k < n; k += 1) expect(lambda[k - 1]!).toBeGreaterThanOrEqual(lambda[k]!);
        const scale = Math.max(1, ...a.flat().map(Math.abs));
        for (let i = 0; i < n; i += 1) {
          for (let j = 0; j < n; j += 1) {
            let rebuilt = 0;
            let dot = 0;
            for (let k = 0; k < n; k += 1) {
              rebuilt += lambda[k]! * vectors[k]![i]! * vectors[k]![j]!;
              dot += vectors[i]![k]! * vectors[j]![k]!;
            }
            expect(Math.abs(rebuilt - a[i]![j]!)).toBeLessThan(1e-9 * scale * n);
            expect(Math.abs(dot - (i === j ? 1 : 0))).toBeLessThan(1e-10);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('mapOutlets on matrices a general SVD does not finish', () => {
  /**
   * The pattern of a real run (91 pages of many sites, most without a hit): outlets × concepts,
   * 1 where an outlet used a concept. ml-matrix's SingularValueDecomposition never returns on it
   * (mljs/matrix issue #70); the run hung after matches.csv.
   */
  const hits: Record<number, number[]> = { 2: [5, 92, 93], 3: [39, 50], 7: [50], 11: [54], 24: [50], 28: [64, 103], 31: [39], 43: [50], 53: [83] };
  const rows = Array.from({ length: 68 }, (_, i) => Array.from({ length: 116 }, (_, j) => (hits[i]?.includes(j) ? 1 : 0)));
  const outlets = rows.map((_, i) => `outlet ${i}`);

  it('returns a projection with the properties of PCA', () => {
    const map = mapOutlets(outlets, rows);
    expect(map.note).toBe('');
    const xs = map.points.map((p) => p.x);
    const ys = map.points.map((p) => p.y);
    const sum = (v: number[]): number => v.reduce((s, x) => s + x, 0);
    // Centred, orthogonal axes; each axis's squared length is its share of the total variance.
    expect(Math.abs(sum(xs))).toBeLessThan(1e-7);
    expect(Math.abs(sum(ys))).toBeLessThan(1e-7);
    expect(Math.abs(sum(xs.map((x, i) => x * ys[i]!)))).toBeLessThan(1e-7);
    const means = rows[0]!.map((_, j) => sum(rows.map((r) => r[j]!)) / rows.length);
    const total = sum(rows.flatMap((r) => r.map((x, j) => (x - means[j]!) ** 2)));
    expect(sum(xs.map((x) => x * x)) / total).toBeCloseTo(map.explained[0], 7);
    expect(sum(ys.map((y) => y * y)) / total).toBeCloseTo(map.explained[1], 7);
    expect(map.explained[0]).toBeGreaterThanOrEqual(map.explained[1]);
  });

  it('agrees with a general SVD wherever that one finishes (random rate matrices)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.array(fc.nat({ max: 20 }), { minLength: 81, maxLength: 81 }), (n, m, cells) => {
        const data = Array.from({ length: n }, (_, i) => Array.from({ length: m }, (_, j) => cells[i * 9 + j]! / 4));
        const map = mapOutlets(data.map((_, i) => `o${i}`), data);
        const x = new Matrix(data);
        x.subRowVector(x.mean('column'));
        const svd = new SingularValueDecomposition(x, { autoTranspose: true });
        const total = svd.diagonal.reduce((s, v) => s + v * v, 0);
        if (total < 1e-12) return;
        for (const k of [0, 1]) {
          const s = svd.diagonal[k] ?? 0;
          const shared = s * s / total;
          expect(map.explained[k]).toBeCloseTo(shared < 1e-10 ? 0 : shared, 9);
          // Coordinates agree up to the sign of the axis, when the axis is well defined (a gap to the next singular value).
          const next = svd.diagonal[k + 1] ?? 0;
          if (s < 1e-6 || s - next < 1e-3) continue;
          const ours = map.points.map((p) => (k === 0 ? p.x : p.y));
          const theirs = data.map((_, i) => svd.leftSingularVectors.get(i, k) * s);
          const sign = Math.sign(ours.reduce((acc, v, i) => acc + v * theirs[i]!, 0)) || 1;
          ours.forEach((v, i) => expect(v).toBeCloseTo(sign * theirs[i]!, 6));
        }
      }),
      // Seeded: the comparison runs ml-matrix, which does not return on some matrices (above).
      { numRuns: 150, seed: 20261204 },
    );
  });
});
