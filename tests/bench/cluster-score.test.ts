import { describe, expect, it } from 'vitest';
import { parseStoryEvents, scoreAgainstEvents, storyIdOf } from '../../bench/lib/cluster-score.js';
import type { EventCluster } from '../../src/types.js';

const cluster = (id: string, members: string[]): EventCluster => ({ id, members, similarity: new Map(members.map((m) => [m, 1])), topTerms: [] });

describe('parseStoryEvents', () => {
  it('reads story_id,event rows into a map', () => {
    const events = parseStoryEvents('story_id,event\nmeridian-tribune-000002,e000001\nshurfat-aljanub-000003,e000001\n');
    expect([...events]).toEqual([['meridian-tribune-000002', 'e000001'], ['shurfat-aljanub-000003', 'e000001']]);
  });

  it('refuses a file without the header, and names a broken line', () => {
    expect(() => parseStoryEvents('id,event\na,e1\n')).toThrow(/story_id,event/);
    expect(() => parseStoryEvents('story_id,event\na,e1\nbroken\n')).toThrow(/line 3/);
  });
});

describe('storyIdOf', () => {
  it('maps a version-table article id <stem>@v<N> to its story and keeps other ids', () => {
    expect(storyIdOf('atlas-gazette-000845@v3')).toBe('atlas-gazette-000845');
    expect(storyIdOf('atlas-gazette-000845')).toBe('atlas-gazette-000845');
    expect(storyIdOf('odd@version')).toBe('odd@version');
  });
});

describe('scoreAgainstEvents', () => {
  const events = new Map([['a', 'e1'], ['b', 'e1'], ['c', 'e2'], ['d', 'e2']]);

  it('scores a perfect clustering 1, with version ids mapped to their story', () => {
    const score = scoreAgainstEvents([cluster('e0001', ['a', 'b@v2']), cluster('e0002', ['c', 'd'])], events);
    expect(score).toEqual({ precision: 1, recall: 1, f1: 1, scored: 4, unmatched: 0 });
  });

  it('gives B-cubed precision and recall of a merged and a split event, leaving out unknown stories', () => {
    const score = scoreAgainstEvents([cluster('e0001', ['a', 'b', 'c']), cluster('e0002', ['d']), cluster('e0003', ['zzz'])], events);
    // a, b: precision 2/3, recall 1; c: precision 1/3, recall 1/2; d: precision 1, recall 1/2.
    expect(score.precision).toBeCloseTo((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4);
    expect(score.recall).toBeCloseTo((1 + 1 + 1 / 2 + 1 / 2) / 4);
    expect(score.scored).toBe(4);
    expect(score.unmatched).toBe(1);
  });
});
