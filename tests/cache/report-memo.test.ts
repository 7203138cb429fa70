/** The report's memos (src/cache/report-memo.ts): intervals and charts kept for the next run. */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryPath } from '../../src/cache/read-cache.js';
import { intervalsMemo, memoizedCharts, samplesHash } from '../../src/cache/report-memo.js';
import type { ChartSpecs } from '../../src/report/charts.js';
import { profileOutlets, scoreArticles, tallyOutlets } from '../../src/report/profiles.js';
import type { OutletIntervals, OutletSamples } from '../../src/report/profiles.js';
import { listAxes } from '../../src/stats/stance.js';
import { profileOutletsInThread } from '../../src/workers/bootstrap-pool.js';
import { ANALYSES, ARTICLES, BUNDLE } from '../report/fixture.js';
import { tempDir } from '../helpers/cli.js';

const concepts = new Map(BUNDLE.concepts.map((c) => [c.id, c]));
const axes = listAxes(BUNDLE.concepts);
const scores = scoreArticles(ARTICLES, ANALYSES, axes, concepts);

function samples(): OutletSamples {
  return {
    outlet: 'Example Wire',
    tokens: Float64Array.from([120, 80, 300]),
    stance: [{ num: Float64Array.from([1, -0.5, 0]), den: Float64Array.from([1, 1, 0]) }, null],
    concepts: [{ units: Int32Array.from([0, 2]), hits: Float64Array.from([2, 1]) }],
  };
}

describe('samplesHash', () => {
  it('is the same for the same samples and seed, and changes with any value, the outlet or the seed', () => {
    const base = samplesHash(samples(), 1);
    expect(samplesHash(samples(), 1)).toBe(base);
    expect(samplesHash(samples(), 2)).not.toBe(base);
    const changes: ((s: OutletSamples) => void)[] = [
      (s) => (s.tokens[1] = 81),
      (s) => (s.stance[0]!.num[1] = -0.25),
      (s) => (s.stance[0]!.den[2] = 1),
      (s) => (s.stance[1] = { num: new Float64Array(3), den: new Float64Array(3) }),
      (s) => (s.concepts[0]!.units[1] = 1),
      (s) => (s.concepts[0]!.hits[0] = 3),
      (s) => s.concepts.push({ units: Int32Array.from([1]), hits: Float64Array.from([1]) }),
      (s) => (s.outlet = 'Other Wire'),
    ];
    for (const change of changes) {
      const changed = samples();
      change(changed);
      expect(samplesHash(changed, 1)).not.toBe(base);
    }
  });
});

describe('intervalsMemo', () => {
  const intervals: OutletIntervals = { stance: [{ lo: -0.5, hi: 0.25 }, { lo: null, hi: null }], concepts: [{ lo: 1.5, hi: 4 }] };

  it('gives back what the last run kept, and nothing for a damaged file', () => {
    const dir = tempDir();
    expect(intervalsMemo(dir, 'k').get('h1')).toBeUndefined();
    intervalsMemo(dir, 'k').save(new Map([['h1', intervals]]));
    expect(readdirSync(dir)).toContain('intervals-k.v8');
    expect(intervalsMemo(dir, 'k').get('h1')).toEqual(intervals);
    expect(intervalsMemo(dir, 'other').get('h1')).toBeUndefined();
    writeFileSync(entryPath(dir, 'k', 'intervals'), 'not a cache file');
    expect(intervalsMemo(dir, 'k').get('h1')).toBeUndefined();
  });

  it('makes profiles equal to those drawn afresh, drawing only the outlets it does not know', async () => {
    const dir = tempDir();
    const fresh = profileOutlets(scores, axes, concepts, BUNDLE.contrasts, 1);
    const first = await profileOutletsInThread(scores, axes, concepts, BUNDLE.contrasts, 1, 1, intervalsMemo(dir, 'k'));
    expect(first).toEqual(fresh);
    const second = await profileOutletsInThread(scores, axes, concepts, BUNDLE.contrasts, 1, 1, intervalsMemo(dir, 'k'));
    expect(second).toEqual(fresh);
    // What the memo holds is what the report shows: an outlet it knows is not drawn again.
    const tallies = tallyOutlets(scores, axes, concepts, BUNDLE.contrasts);
    const first0 = samplesHash(tallies[0]!.samples, 1);
    const kept = intervalsMemo(dir, 'k');
    const planted = { key: kept.key, get: (hash: string) => (hash === first0 ? { stance: axes.map(() => ({ lo: -0.99, hi: 0.99 })), concepts: tallies[0]!.samples.concepts.map(() => ({ lo: 0, hi: 0 })) } : kept.get(hash)), save: () => undefined };
    const withPlanted = await profileOutletsInThread(scores, axes, concepts, BUNDLE.contrasts, 1, 1, planted);
    expect([...withPlanted[0]!.stance.values()].map((s) => s.lo)).toEqual(axes.map(() => -0.99));
    expect(withPlanted.slice(1)).toEqual(fresh.slice(1));
  });
});

describe('memoizedCharts', () => {
  const specs = (title: string): ChartSpecs => [['chart-a.svg', { title, data: { values: [{ x: 1 }] }, mark: 'point', encoding: { x: { field: 'x', type: 'quantitative' } } }]];

  it('renders once for the same specs, again when they change', async () => {
    const dir = tempDir();
    let rendered = 0;
    const render = async (given: ChartSpecs): Promise<Map<string, string>> => {
      rendered += 1;
      return new Map(given.map(([name, spec]) => [name, `<svg>${JSON.stringify(spec.title)} #${rendered}</svg>`]));
    };
    const first = await memoizedCharts(dir, 'k', render)(specs('A'));
    expect(rendered).toBe(1);
    // A later run of the same corpus with the same specs: the kept SVGs, not rendered again.
    expect(await memoizedCharts(dir, 'k', render)(specs('A'))).toEqual(first);
    expect(rendered).toBe(1);
    const changed = await memoizedCharts(dir, 'k', render)(specs('B'));
    expect(rendered).toBe(2);
    expect(changed.get('chart-a.svg')).toBe('<svg>"B" #2</svg>');
    // Another corpus keeps its own.
    await memoizedCharts(dir, 'other', render)(specs('B'));
    expect(rendered).toBe(3);
    expect(readdirSync(dir).filter((name) => name.startsWith('charts-')).sort()).toEqual(['charts-k.v8', 'charts-other.v8']);
  });

  it('renders when the kept file is damaged', async () => {
    const dir = tempDir();
    let rendered = 0;
    const render = async (): Promise<Map<string, string>> => new Map([['chart-a.svg', `<svg>${++rendered}</svg>`]]);
    await memoizedCharts(dir, 'k', render)(specs('A'));
    writeFileSync(join(dir, 'charts-k.v8'), 'damaged');
    expect((await memoizedCharts(dir, 'k', render)(specs('A'))).get('chart-a.svg')).toBe('<svg>2</svg>');
  });
});
