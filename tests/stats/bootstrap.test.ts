import { describe, expect, it } from 'vitest';
import { bootstrapRatio, drawResamples, quantile } from '../../src/stats/bootstrap.js';

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
  it('draws B plans of n indices in range, reproducibly', () => {
    const plans = drawResamples(7, 1, 'x', 50);
    expect(plans).toHaveLength(50);
    for (const plan of plans) for (const i of plan) expect(i).toBeLessThan(7);
    expect(drawResamples(7, 1, 'x', 50)).toEqual(plans);
    expect(drawResamples(7, 2, 'x', 50)).not.toEqual(plans);
  });
});

describe('bootstrapRatio', () => {
  it('gives a point interval when every unit has the same ratio', () => {
    const plans = drawResamples(4, 1, 'same');
    const interval = bootstrapRatio([1, 2, 3, 4], [10, 20, 30, 40], plans, 1000);
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
    const plans = drawResamples(3, 1, 'zero');
    expect(bootstrapRatio([0, 0, 0], [0, 0, 0], plans)).toEqual({ lo: null, hi: null });
    const some = bootstrapRatio([1, 0, 0], [1, 0, 0], plans);
    expect(some).toEqual({ lo: 1, hi: 1 });
  });
});
