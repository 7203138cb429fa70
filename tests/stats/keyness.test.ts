import { describe, expect, it } from 'vitest';
import { rankKeyness, scoreKeyness } from '../../src/stats/keyness.js';

const counts = (o: Record<string, number>): Map<string, number> => new Map(Object.entries(o));

describe('scoreKeyness (Monroe et al. 2008)', () => {
  it('matches a hand-worked example', () => {
    // n_t = n_r = 12, corpus 24, so α0 = 24 (capped at the corpus) and α_a = 24·12/24 = 12.
    // δ_a = ln(22/14) − ln(14/22) = 0.903970…; σ² = 1/22 + 1/14; z = 2.644102…
    const rows = scoreKeyness(counts({ a: 10, b: 2 }), counts({ a: 2, b: 10 }), { minCount: 1 });
    expect(rows).toHaveLength(1);
    const [a] = rows;
    expect(a?.term).toBe('a');
    expect(a?.nTarget).toBe(10);
    expect(a?.nReference).toBe(2);
    expect(a?.logOdds).toBeCloseTo(0.903970, 6);
    expect(a?.z).toBeCloseTo(2.644102, 5);
  });

  it('is antisymmetric: swapping target and reference flips δ', () => {
    const t = counts({ war: 30, peace: 5, city: 12 });
    const r = counts({ war: 10, peace: 25, city: 12 });
    const forward = scoreKeyness(t, r, { minCount: 1, top: 10 });
    const backward = scoreKeyness(r, t, { minCount: 1, top: 10 });
    expect(forward.map((x) => x.term)).toEqual(['war']);
    expect(backward.map((x) => x.term)).toEqual(['peace']);
    const warBack = scoreKeyness(counts({ war: 10, x: 40 }), counts({ war: 30, x: 40 }), { minCount: 1 });
    expect(warBack.find((x) => x.term === 'war')).toBeUndefined();
  });

  it('shrinks rare terms more than frequent ones with the same proportion', () => {
    const rare = scoreKeyness(counts({ t: 3, x: 97 }), counts({ t: 1, x: 99 }), { minCount: 1 })[0];
    const common = scoreKeyness(counts({ t: 30, x: 970 }), counts({ t: 10, x: 990 }), { minCount: 1 })[0];
    expect(common!.z).toBeGreaterThan(rare!.z);
  });

  it('keeps the top N by z then term, above the minimum count', () => {
    const t = counts({ b: 5, a: 5, c: 5, d: 2, z: 1 });
    const r = counts({ other: 100 });
    const rows = scoreKeyness(t, r, { top: 2, minCount: 3 });
    expect(rows.map((x) => x.term)).toEqual(['a', 'b']);
  });

  it('returns nothing for an empty corpus and skips a term that is the whole corpus', () => {
    expect(scoreKeyness(new Map(), new Map())).toEqual([]);
    expect(scoreKeyness(counts({ only: 5 }), new Map(), { minCount: 1 })).toEqual([]);
  });

  it('survives prototype-unsafe terms', () => {
    const rows = scoreKeyness(counts({ constructor: 9, __proto__x: 1 }), counts({ constructor: 1, other: 9 }), { minCount: 1 });
    expect(rows[0]?.term).toBe('constructor');
  });
});

describe('rankKeyness', () => {
  it('gives what scoreKeyness gives from the same counts, totals over non-candidate terms included', () => {
    const target = counts({ war: 30, peace: 5, city: 12, rare: 2 });
    const reference = counts({ war: 10, peace: 25, city: 12, other: 40 });
    const candidates = ['war', 'city', 'peace'];
    const ranked = rankKeyness(
      {
        target: candidates.map((t) => target.get(t) ?? 0),
        reference: candidates.map((t) => reference.get(t) ?? 0),
        termOf: (i) => candidates[i] ?? '',
        nTarget: 49,
        nReference: 87,
      },
      { minCount: 3 },
    );
    expect(ranked).toEqual(scoreKeyness(target, reference, { minCount: 3 }));
    expect(ranked.map((r) => r.term)).toEqual(['war', 'city']);
  });

  it('spells out only the terms that score', () => {
    const asked: number[] = [];
    rankKeyness({ target: [9, 1, 9], reference: [1, 9, 50], termOf: (i) => (asked.push(i), `t${i}`), nTarget: 19, nReference: 60 }, { minCount: 2 });
    expect(asked).toEqual([0]);
  });

  it('keeps the same top rows as ranking every term, ties at the cut included', () => {
    // Many candidates with few distinct count pairs: lots of equal z values straddle the cut.
    let state = 12345;
    const next = (n: number): number => ((state = (state * 1103515245 + 12345) % 2147483648), state % n);
    const size = 400;
    const target = Array.from({ length: size }, () => 3 + next(4));
    const reference = Array.from({ length: size }, () => next(3));
    const nTarget = target.reduce((a, b) => a + b, 0) + 500;
    const nReference = reference.reduce((a, b) => a + b, 0) + 900;
    const termOf = (i: number): string => `w${(i * 7919) % size}`;
    const all = rankKeyness({ target, reference, termOf, nTarget, nReference }, { top: size });
    for (const top of [1, 5, 17, 40]) {
      expect(rankKeyness({ target, reference, termOf, nTarget, nReference }, { top })).toEqual(all.slice(0, top));
    }
  });
});
