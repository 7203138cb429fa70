import { describe, expect, it } from 'vitest';
import { scoreBCubed } from '../../src/cluster/b-cubed.js';

const labels = (s: string) => new Map([...s].map((l, i) => [`d${i}`, l]));

describe('scoreBCubed (Bagga & Baldwin 1998)', () => {
  it('is 1/1/1 for a perfect clustering, labels renamed', () => {
    expect(scoreBCubed(labels('xxyyz'), labels('aabbc'))).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it('scores one all-in cluster: recall 1, precision = mean gold-cluster share', () => {
    const s = scoreBCubed(labels('xxxx'), labels('aabb'));
    expect(s.precision).toBeCloseTo(0.5, 12);
    expect(s.recall).toBe(1);
    expect(s.f1).toBeCloseTo(2 / 3, 12);
  });

  it('scores all singletons: precision 1, recall = mean 1/|gold cluster|', () => {
    const s = scoreBCubed(labels('vwxyz'), labels('aaabb'));
    expect(s.precision).toBe(1);
    expect(s.recall).toBeCloseTo((3 * (1 / 3) + 2 * (1 / 2)) / 5, 12);
  });

  it('refuses mismatched items', () => {
    expect(() => scoreBCubed(labels('xx'), labels('aaa'))).toThrow(/same items/);
  });
});
