import { describe, expect, it } from 'vitest';
import { cosine, mapOutlets } from '../../src/stats/outlet-map.js';

describe('cosine', () => {
  it('is 1 for parallel rows, 0 for orthogonal, null for an all-zero row', () => {
    expect(cosine([1, 2], [2, 4])).toBeCloseTo(1, 12);
    expect(cosine([1, 0], [0, 3])).toBe(0);
    expect(cosine([0, 0], [1, 1])).toBeNull();
  });
});

describe('mapOutlets', () => {
  it('projects without distorting distances when the rates are 2-D', () => {
    const rows = [[10, 0], [0, 5], [4, 4], [8, 9]];
    const map = mapOutlets(['A', 'B', 'C', 'D'], rows);
    expect(map.note).toBe('');
    expect(map.explained[0] + map.explained[1]).toBeCloseTo(1, 9);
    const dist = (p: number[], q: number[]): number => Math.hypot((p[0] ?? 0) - (q[0] ?? 0), (p[1] ?? 0) - (q[1] ?? 0));
    const pts = map.points.map((p) => [p.x, p.y]);
    for (let i = 0; i < 4; i += 1) {
      for (let j = 0; j < 4; j += 1) expect(dist(pts[i]!, pts[j]!)).toBeCloseTo(dist(rows[i]!, rows[j]!), 6);
    }
    expect(map.explained[0]).toBeGreaterThanOrEqual(map.explained[1]);
  });

  it('gives the same point to an outlet whatever the row order (signs fixed)', () => {
    const rows = [[10, 0, 1], [0, 5, 2], [4, 4, 8], [8, 9, 0]];
    const names = ['A', 'B', 'C', 'D'];
    const forward = mapOutlets(names, rows).points;
    const order = [2, 0, 3, 1];
    const shuffled = mapOutlets(order.map((i) => names[i]!), order.map((i) => rows[i]!)).points;
    for (const p of forward) {
      const q = shuffled.find((x) => x.outlet === p.outlet)!;
      expect(q.x).toBeCloseTo(p.x, 6);
      expect(q.y).toBeCloseTo(p.y, 6);
    }
  });

  it('has a rule for one outlet, no concepts and no variance', () => {
    expect(mapOutlets(['A'], [[1, 2]]).note).toMatch(/fewer than two outlets/);
    expect(mapOutlets(['A', 'B'], [[], []]).note).toMatch(/no concepts/);
    const flat = mapOutlets(['A', 'B'], [[3, 3], [3, 3]]);
    expect(flat.note).toMatch(/same concept rates/);
    expect(flat.points).toEqual([{ outlet: 'A', x: 0, y: 0 }, { outlet: 'B', x: 0, y: 0 }]);
    expect(mapOutlets([], []).points).toEqual([]);
  });

  it('puts two outlets on one axis with no second component', () => {
    const map = mapOutlets(['A', 'B'], [[1, 0], [0, 1]]);
    expect(map.points.map((p) => p.y)).toEqual([0, 0]);
    expect(Math.abs(map.points[0]!.x - map.points[1]!.x)).toBeCloseTo(Math.SQRT2, 6);
  });
});
