import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { chartSpecs, renderSpecs } from '../../src/report/charts.js';
import { profileOutlets, scoreArticles } from '../../src/report/profiles.js';
import { mapOutlets } from '../../src/stats/outlet-map.js';
import { listAxes } from '../../src/stats/stance.js';
import { buildOnce, REPO } from '../helpers/cli.js';
import { ANALYSES, ARTICLES, BUNDLE } from '../report/fixture.js';

// The worker side needs compiled modules, so the thread under test is the compiled one too.
let chartThread: typeof import('../../src/workers/chart-thread.js').chartThread;

beforeAll(async () => {
  buildOnce();
  ({ chartThread } = (await import(pathToFileURL(join(REPO, 'dist/src/workers/chart-thread.js')).href)) as typeof import('../../src/workers/chart-thread.js'));
});

const concepts = new Map(BUNDLE.concepts.map((c) => [c.id, c]));
const axes = listAxes(BUNDLE.concepts);
const profiles = profileOutlets(scoreArticles(ARTICLES, ANALYSES, axes, concepts), axes, concepts, BUNDLE.contrasts, 1);
const ids = [...concepts.keys()].sort();
const map = mapOutlets(profiles.map((p) => p.outlet), profiles.map((p) => ids.map((id) => p.concepts.find((c) => c.concept === id)?.rate ?? 0)));

describe('the chart thread', () => {
  it('renders the same SVGs as this thread, once', async () => {
    const thread = chartThread(2)!;
    expect(thread).toBeDefined();
    thread.warm();
    try {
      const specs = chartSpecs(profiles, axes, map);
      expect(specs.length).toBeGreaterThan(0);
      const there = await thread.render(specs);
      const here = await renderSpecs(specs);
      expect([...there.keys()]).toEqual([...here.keys()]);
      for (const [name, svg] of here) expect(there.get(name) === svg, `${name} is identical`).toBe(true);
      await expect(thread.render(specs)).rejects.toThrow(/asked for twice/);
    } finally {
      await thread.close();
    }
  }, 30_000);

  it('is not started for one thread (the report renders in its own)', () => {
    expect(chartThread(1)).toBeUndefined();
  });

  it('reports a failure to render as an error of the run, not a hang', async () => {
    // Never warmed: `render` starts the thread.
    const thread = chartThread(2)!;
    try {
      // A spec vega-lite cannot compile.
      await expect(thread.render([['chart-bad.svg', { mark: 'no-such-mark', data: { values: [] } } as never]])).rejects.toThrow(/chart thread failed/);
    } finally {
      await thread.close();
    }
  }, 30_000);
});
