import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VOICE_WEIGHTS, compareText, listAxes, stanceOf, sumStance, weighHit } from '../../src/stats/stance.js';
import type { Concept, Match, Voice } from '../../src/types.js';

const concept = (id: string, axes: Record<string, number>): Concept => ({
  id, lexicon: 'l', label: id, frame: 'f', axes, terms: {}, exclude: {}, note: '', source: '', examples: { match: [], noMatch: [] }, file: 'l.yaml', line: 1,
});
const CONCEPTS = new Map([
  ['pro', concept('pro', { ru_ua: 1 })],
  ['anti', concept('anti', { ru_ua: -1, gaza: 0.5 })],
  ['none', concept('none', {})],
]);
const hit = (c: string, voice: Voice, negated = false, distanced = false): Match => ({
  concept: c, lexicon: 'l', frame: 'f', term: c, start: 0, end: 1, matched: c, voice, negated, distanced, sentence: c,
});

describe('weighHit', () => {
  it('uses the contract weights and zero for negated hits', () => {
    expect(VOICE_WEIGHTS).toEqual({ authorial: 1, headline: 1, attributed: 0.5, quoted: 0.25 });
    expect(weighHit({ voice: 'quoted', negated: false })).toBe(0.25);
    expect(weighHit({ voice: 'authorial', negated: true })).toBe(0);
  });
});

describe('sumStance / stanceOf', () => {
  it('weighs the own voice above quotes', () => {
    // authorial +1 (w 1) and quoted -1 (w 0.25): (1 - 0.25) / 1.25 = 0.6
    const sums = sumStance([hit('pro', 'authorial'), hit('anti', 'quoted')], 'ru_ua', CONCEPTS);
    expect(stanceOf(sums)).toBeCloseTo(0.6, 12);
    expect(sums.hits).toBe(2);
  });

  it('reverses a distanced hit', () => {
    expect(stanceOf(sumStance([hit('pro', 'authorial', false, true)], 'ru_ua', CONCEPTS))).toBe(-1);
  });

  it('is empty, not 0, when no hit carries the axis or all are negated', () => {
    expect(stanceOf(sumStance([hit('none', 'authorial')], 'ru_ua', CONCEPTS))).toBeNull();
    const negated = sumStance([hit('pro', 'authorial', true)], 'ru_ua', CONCEPTS);
    expect(stanceOf(negated)).toBeNull();
    expect(negated.hits).toBe(0);
    expect(stanceOf(sumStance([], 'ru_ua', CONCEPTS))).toBeNull();
  });

  it('uses fractional axis values as weights of their own', () => {
    expect(stanceOf(sumStance([hit('anti', 'headline')], 'gaza', CONCEPTS))).toBe(1);
  });

  it('stays within [-1, 1] for any mix of hits', () => {
    const voices: Voice[] = ['authorial', 'headline', 'attributed', 'quoted'];
    const arbHit = fc.record({
      c: fc.constantFrom('pro', 'anti', 'none'), v: fc.constantFrom(...voices), n: fc.boolean(), d: fc.boolean(),
    }).map((h) => hit(h.c, h.v, h.n, h.d));
    fc.assert(
      fc.property(fc.array(arbHit), (hits) => {
        const value = stanceOf(sumStance(hits, 'ru_ua', CONCEPTS));
        return value === null || (value >= -1 - 1e-12 && value <= 1 + 1e-12);
      }),
    );
  });
});

describe('listAxes', () => {
  it('is the sorted union of the axes of all concepts', () => {
    expect(listAxes([...CONCEPTS.values()])).toEqual(['gaza', 'ru_ua']);
    expect(listAxes([])).toEqual([]);
  });
});

describe('compareText', () => {
  it('orders by code unit, independent of locale', () => {
    expect(['b', 'B', 'a', 'ب', '__proto__'].sort(compareText)).toEqual(['B', '__proto__', 'a', 'b', 'ب']);
  });
});
