import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyCounts, KeyIds } from '../../src/stats/key-counts.js';

describe('KeyCounts', () => {
  it('counts like a Map for any safe integer keys, growing past its first capacity', () => {
    const key = fc.oneof(fc.integer({ min: -50, max: 3000 }), fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.integer({ min: 0, max: 9 })), { maxLength: 3000 }), (adds) => {
        const table = new KeyCounts();
        const map = new Map<number, number>();
        for (const [k, n] of adds) {
          table.add(k, n);
          map.set(k, (map.get(k) ?? 0) + n);
        }
        expect(table.size).toBe(map.size);
        for (const [k, n] of map) expect(table.get(k)).toBe(n);
      }),
      { numRuns: 60, seed: 3 },
    );
  });

  it('refuses keys that are not safe integers', () => {
    const table = new KeyCounts();
    expect(() => table.add(1.5, 1)).toThrow(/not a safe integer/);
    expect(() => table.add(2 ** 53, 1)).toThrow(/not a safe integer/);
    expect(() => table.add(-(2 ** 53), 1)).toThrow(/not a safe integer/);
  });
});

describe('KeyIds', () => {
  it('numbers keys densely in order of first sight, through growth', () => {
    const ids = new KeyIds();
    const keys = Array.from({ length: 5000 }, (_, i) => (i % 2 === 0 ? i * 2 ** 26 + 7 : -i));
    expect(keys.map((k) => ids.idOf(k))).toEqual(keys.map((_, i) => i));
    expect(keys.map((k) => ids.idOf(k))).toEqual(keys.map((_, i) => i));
    expect(ids.size).toBe(5000);
  });
});
