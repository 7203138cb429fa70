import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageLinkage, edgesThatCanMerge } from '../../src/cluster/linkage.js';

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

  it('reads edges in any order, either way round, a repeated pair by its last copy (random graphs)', () => {
    const graph = fc.record({
      n: fc.integer({ min: 1, max: 12 }),
      raw: fc.array(fc.tuple(fc.nat(11), fc.nat(11), fc.double({ min: 0.01, max: 1, noNaN: true })), { maxLength: 40 }),
      threshold: fc.double({ min: 0.05, max: 0.9, noNaN: true }),
      seed: fc.nat(1000),
    });
    fc.assert(
      fc.property(graph, ({ n, raw, threshold, seed }) => {
        // Copies of a pair, self-edges and either orientation, in the generator's order.
        const given = raw.map(([x, y, sim]) => ({ a: x % n, b: y % n, sim }));
        // What they mean: per pair (a < b), the last copy's similarity; a self-edge links nothing.
        const last = new Map<number, number>();
        for (const { a, b, sim } of given) if (a !== b) last.set(Math.min(a, b) * n + Math.max(a, b), sim);
        const pairs = [...last].map(([key, sim]) => ({ a: Math.floor(key / n), b: key % n, sim }));
        const sortedOnce = [...pairs].sort((x, y) => x.a - y.a || x.b - y.b);
        // Each pair once, in a scrambled order, some the other way round.
        const scrambled = pairs
          .map((edge, e) => ({ edge: (e + seed) % 2 === 0 ? edge : { a: edge.b, b: edge.a, sim: edge.sim }, rank: (e * 7919 + seed) % 101 }))
          .sort((x, y) => x.rank - y.rank)
          .map(({ edge }) => edge);
        const expected = averageLinkage(n, sortedOnce, threshold);
        expect(averageLinkage(n, given, threshold)).toEqual(expected);
        expect(averageLinkage(n, scrambled, threshold)).toEqual(expected);
      }),
      { numRuns: 300, seed: 4 },
    );
  });
});

describe('edgesThatCanMerge', () => {
  const partition = (labels: Int32Array): string => JSON.stringify(groups(labels).map((g) => g.join(',')).sort());

  it('gives the same clusters as linking over every edge (random graphs, duplicates, any order)', () => {
    const graph = fc.record({
      n: fc.integer({ min: 1, max: 12 }),
      raw: fc.array(fc.tuple(fc.nat(11), fc.nat(11), fc.double({ min: 0.01, max: 1, noNaN: true })), { maxLength: 40 }),
      threshold: fc.double({ min: 0.05, max: 0.9, noNaN: true }),
    });
    fc.assert(
      fc.property(graph, ({ n, raw, threshold }) => {
        const pairs = new Map<number, number>();
        for (const [x, y, sim] of raw) {
          const a = Math.min(x % n, y % n);
          const b = Math.max(x % n, y % n);
          if (a !== b && !pairs.has(a * n + b)) pairs.set(a * n + b, sim);
        }
        // Each pair twice (found from both ends), in insertion order: the input is not sorted.
        const keys = Float64Array.from([...pairs.keys(), ...pairs.keys()]);
        const sims = Float64Array.from([...pairs.values(), ...pairs.values()]);
        const all = [...pairs].map(([key, sim]) => ({ a: Math.floor(key / n), b: key % n, sim })).sort((x, y) => x.a - y.a || x.b - y.b);
        const kept = edgesThatCanMerge({ n, keys, sims }, threshold);
        expect(partition(averageLinkage(n, kept, threshold))).toBe(partition(averageLinkage(n, all, threshold)));
        expect(kept.length).toBeLessThanOrEqual(all.length);
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it('drops an edge between two strong components, keeps a weak edge inside one', () => {
    const n = 4;
    const key = (a: number, b: number): number => a * n + b;
    const edges = edgesThatCanMerge({ n, keys: Float64Array.of(key(0, 1), key(2, 3), key(1, 2), key(0, 1)), sims: Float64Array.of(0.9, 0.8, 0.1, 0.9) }, 0.5);
    expect(edges).toEqual([{ a: 0, b: 1, sim: 0.9 }, { a: 2, b: 3, sim: 0.8 }]);
    const inside = edgesThatCanMerge({ n, keys: Float64Array.of(key(0, 1), key(1, 2), key(0, 2)), sims: Float64Array.of(0.9, 0.6, 0.1) }, 0.5);
    expect(inside).toEqual([{ a: 0, b: 1, sim: 0.9 }, { a: 0, b: 2, sim: 0.1 }, { a: 1, b: 2, sim: 0.6 }]);
  });
});
