import { describe, expect, it } from 'vitest';
import { createRandom, deriveSeed } from '../../src/stats/prng.js';

describe('createRandom', () => {
  it('repeats the same stream for the same seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const xs = Array.from({ length: 20 }, () => a());
    expect(Array.from({ length: 20 }, () => b())).toEqual(xs);
  });

  it('stays in [0, 1) and is roughly uniform', () => {
    const random = createRandom(7);
    const bins = new Array<number>(10).fill(0);
    for (let i = 0; i < 10_000; i += 1) {
      const x = random();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      bins[Math.floor(x * 10)] = (bins[Math.floor(x * 10)] ?? 0) + 1;
    }
    for (const n of bins) expect(Math.abs(n - 1000)).toBeLessThan(150);
  });

  it('gives different streams for different seeds', () => {
    expect(createRandom(1)()).not.toBe(createRandom(2)());
  });
});

describe('deriveSeed', () => {
  it('depends on both the run seed and the label', () => {
    expect(deriveSeed(1, 'outlet:BBC')).toBe(deriveSeed(1, 'outlet:BBC'));
    expect(deriveSeed(1, 'outlet:BBC')).not.toBe(deriveSeed(2, 'outlet:BBC'));
    expect(deriveSeed(1, 'outlet:BBC')).not.toBe(deriveSeed(1, 'outlet:RT'));
    expect(deriveSeed(1, 'قناة')).toBeGreaterThanOrEqual(0);
  });
});
