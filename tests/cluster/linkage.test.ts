import { describe, expect, it } from 'vitest';
import { averageLinkage } from '../../src/cluster/linkage.js';

const groups = (labels: Int32Array): number[][] => {
  const byLabel = new Map<number, number[]>();
  labels.forEach((l, i) => byLabel.set(l, [...(byLabel.get(l) ?? []), i]));
  return [...byLabel.values()];
};

describe('averageLinkage', () => {
  it('merges by the mean over all member pairs, a missing edge counting 0 (not single linkage)', () => {
    // 0–1 strongly linked; 2 links to 1 only: linkage({0,1},{2}) = (0 + 0.5) / 2 = 0.25.
    const edges = [{ a: 0, b: 1, sim: 0.9 }, { a: 1, b: 2, sim: 0.5 }];
    expect(groups(averageLinkage(3, edges, 0.3))).toEqual([[0, 1], [2]]);
    expect(groups(averageLinkage(3, edges, 0.25))).toEqual([[0, 1, 2]]);
  });

  it('leaves every node alone when no edge reaches the threshold', () => {
    expect(groups(averageLinkage(3, [{ a: 0, b: 2, sim: 0.1 }], 0.2))).toEqual([[0], [1], [2]]);
  });

  it('recomputes linkages after each merge (UPGMA on a 4-node example)', () => {
    // {0,1} at 0.8, then {2,3} at 0.7; between: (0.6 + 0.2 + 0.4 + 0) / 4 = 0.3.
    const edges = [
      { a: 0, b: 1, sim: 0.8 },
      { a: 2, b: 3, sim: 0.7 },
      { a: 0, b: 2, sim: 0.6 },
      { a: 0, b: 3, sim: 0.2 },
      { a: 1, b: 2, sim: 0.4 },
    ];
    expect(groups(averageLinkage(4, edges, 0.31))).toEqual([[0, 1], [2, 3]]);
    expect(groups(averageLinkage(4, edges, 0.3))).toEqual([[0, 1, 2, 3]]);
  });

  it('breaks equal linkages on the lower index pair, so ties are deterministic', () => {
    const edges = [{ a: 1, b: 2, sim: 0.5 }, { a: 0, b: 1, sim: 0.5 }];
    // 0–1 merges first; then {0,1}–2 = 0.25 < 0.4, so 2 stays alone.
    expect(groups(averageLinkage(3, edges, 0.4))).toEqual([[0, 1], [2]]);
  });

  it('handles no nodes', () => {
    expect(averageLinkage(0, [], 0.5)).toEqual(new Int32Array(0));
  });
});
