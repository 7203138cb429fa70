import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/report/model.js';
import { BUNDLE, buildFixtureInput } from './fixture.js';

describe('buildModel', () => {
  const model = buildModel(buildFixtureInput());

  it('collects axes, clusters and the outlet map over every concept', () => {
    expect(model.axes).toEqual(['gaza', 'ru_ua']);
    expect(model.clusterOf.get('rt-en-1')).toBe('e001');
    expect(model.clusterOf.has('bbc-1@v1')).toBe(false);
    expect(model.mapConcepts).toEqual(BUNDLE.concepts.map((c) => c.id).sort());
    expect(model.map.outlets).toEqual(model.profiles.map((p) => p.outlet));
    expect(model.seed).toBe(1);
  });

  it('scores keyness against the other outlets only', () => {
    const rt = model.keyness.find((k) => k.outlet === 'RT')!;
    const kr = rt.rows.find((r) => r.term === 'kiev regime')!;
    expect(kr).toMatchObject({ nTarget: 4, nReference: 0, inLexicon: true });
    // 'kyiv' is used by BBC News and Al Jazeera alike: not key for either against the other three
    expect(model.keyness.flatMap((k) => k.rows).every((r) => r.nTarget >= 3)).toBe(true);
  });

  it('ignores earlier versions in keyness', () => {
    // "russian": 2 in bbc-1@v1 and 3 in bbc-1@v2; only the latest version counts.
    const bbc = model.keyness.find((k) => k.outlet === 'BBC News')!;
    expect(bbc.rows.find((r) => r.term === 'russian')?.nTarget).toBe(3);
  });
});
