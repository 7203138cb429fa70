import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bootstrapRatio, drawResamples, forEachDraw, quantile, resampleSums } from '../../src/stats/bootstrap.js';
import { createRandom, deriveSeed } from '../../src/stats/prng.js';

/** The textbook form: replicate b's draws as a list, summed draw by draw in order. */
function drawBySumDraw(values: readonly number[], seed: number, label: string, replicates: number): number[] {
  const random = createRandom(deriveSeed(seed, label));
  const sums: number[] = [];
  for (let b = 0; b < replicates; b += 1) {
    let sum = 0;
    for (let k = 0; k < values.length; k += 1) sum += values[Math.floor(random() * values.length)] ?? 0;
    sums.push(sum);
  }
  return sums;
}

describe('quantile', () => {
  it('interpolates like R type 7', () => {
    // R: quantile(c(1, 2, 3, 4), c(0.025, 0.5, 0.975)) → 1.075 2.5 3.925
    expect(quantile([1, 2, 3, 4], 0.025)).toBeCloseTo(1.075, 12);
    expect(quantile([1, 2, 3, 4], 0.5)).toBeCloseTo(2.5, 12);
    expect(quantile([1, 2, 3, 4], 0.975)).toBeCloseTo(3.925, 12);
    expect(quantile([5], 0.975)).toBe(5);
  });

  it('refuses an empty sample', () => {
    expect(() => quantile([], 0.5)).toThrow(/empty/);
  });
});

describe('drawResamples', () => {
  it('counts how often each replicate drew each unit, n draws per replicate, reproducibly', () => {
    const resamples = drawResamples(7, 1, 'x', 50);
    expect(resamples.counts).toHaveLength(7 * 50);
    for (let b = 0; b < 50; b += 1) {
      let draws = 0;
      for (let i = 0; i < 7; i += 1) draws += resamples.counts[i * 50 + b] ?? 0;
      expect(draws).toBe(7);
    }
    expect(drawResamples(7, 1, 'x', 50)).toEqual(resamples);
    expect(drawResamples(7, 2, 'x', 50).counts).not.toEqual(resamples.counts);
  });

  it('replays the same draws it counted', () => {
    const resamples = drawResamples(5, 3, 'replay', 20);
    const counted = new Uint32Array(5 * 20);
    forEachDraw(resamples, (b, unit) => (counted[unit * 20 + b] = (counted[unit * 20 + b] ?? 0) + 1));
    expect([...counted]).toEqual([...resamples.counts]);
  });
});

describe('resampleSums', () => {
  it('is bit-identical to summing draw by draw, for exact (counts, quarter weights) and inexact values', () => {
    const exact = fc.array(fc.integer({ min: -8, max: 40 }).map((x) => x / 4), { minLength: 1, maxLength: 40 });
    const inexact = fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(fc.oneof(exact, inexact), fc.integer({ min: 1, max: 99 }), (values, seed) => {
        const sums = resampleSums(values, drawResamples(values.length, seed, 'p', 30));
        expect([...sums]).toEqual(drawBySumDraw(values, seed, 'p', 30));
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it('refuses values that do not match the units', () => {
    expect(() => resampleSums([1, 2], drawResamples(3, 1, 'n'))).toThrow(/2 values for 3 units/);
  });
});

describe('bootstrapRatio', () => {
  it('gives a point interval when every unit has the same ratio', () => {
    const interval = bootstrapRatio([1, 2, 3, 4], [10, 20, 30, 40], drawResamples(4, 1, 'same'), 1000);
    expect(interval.lo).toBeCloseTo(100, 9);
    expect(interval.hi).toBeCloseTo(100, 9);
  });

  it('brackets the pooled ratio of varied units', () => {
    const hits = [0, 3, 1, 8, 2, 0, 5, 4, 1, 2];
    const tokens = [300, 250, 400, 500, 200, 350, 600, 300, 150, 450];
    const pooled = (1000 * hits.reduce((a, b) => a + b)) / tokens.reduce((a, b) => a + b);
    const { lo, hi } = bootstrapRatio(hits, tokens, drawResamples(10, 1, 'varied'), 1000);
    expect(lo).not.toBeNull();
    expect(lo! < pooled && pooled < hi!).toBe(true);
    expect(hi! - lo!).toBeGreaterThan(1);
  });

  it('leaves out replicates with a zero denominator and is null when all are', () => {
    const resamples = drawResamples(3, 1, 'zero');
    expect(bootstrapRatio([0, 0, 0], [0, 0, 0], resamples)).toEqual({ lo: null, hi: null });
    const some = bootstrapRatio([1, 0, 0], [1, 0, 0], resamples);
    expect(some).toEqual({ lo: 1, hi: 1 });
  });
});
