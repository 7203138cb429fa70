import { describe, expect, it } from 'vitest';
import { renderCharts, renumberIds, specHeatmap, specMap, specStance } from '../../src/report/charts.js';
import { profileOutlets, scoreArticles } from '../../src/report/profiles.js';
import { mapOutlets } from '../../src/stats/outlet-map.js';
import { listAxes } from '../../src/stats/stance.js';
import { ANALYSES, ARTICLES, BUNDLE } from './fixture.js';

const concepts = new Map(BUNDLE.concepts.map((c) => [c.id, c]));
const axes = listAxes(BUNDLE.concepts);
const arabicOutlet = ARTICLES.map((a) => (a.outlet === 'RT Arabic' ? { ...a, outlet: 'روسيا اليوم' } : a));
const profiles = profileOutlets(scoreArticles(arabicOutlet, ANALYSES, axes, concepts), axes, concepts, BUNDLE.contrasts, 1);
const ids = [...concepts.keys()].sort();
const map = mapOutlets(profiles.map((p) => p.outlet), profiles.map((p) => ids.map((id) => p.concepts.find((c) => c.concept === id)?.rate ?? 0)));

describe('renderCharts', () => {
  it('renders three SVGs that are identical across renders', async () => {
    const first = await renderCharts(profiles, axes, map);
    const second = await renderCharts(profiles, axes, map);
    expect([...first.keys()]).toEqual(['chart-concepts.svg', 'chart-stance.svg', 'chart-map.svg']);
    for (const [name, svg] of first) {
      expect(svg.startsWith('<svg')).toBe(true);
      expect(second.get(name)).toBe(svg);
    }
  });

  it('writes Arabic outlet names into the SVG text', async () => {
    const charts = await renderCharts(profiles, axes, map);
    expect(charts.get('chart-map.svg')).toContain('روسيا اليوم');
    expect(charts.get('chart-concepts.svg')).toContain('روسيا اليوم');
  });

  it('leaves out charts that have no data', async () => {
    expect(specHeatmap([])).toBeNull();
    expect(specStance(profiles, [])).toBeNull();
    expect(specMap(mapOutlets(['A'], [[1]]))).toBeNull();
    expect((await renderCharts([], [], mapOutlets([], []))).size).toBe(0);
  });
});

describe('renumberIds', () => {
  it('renumbers gradient and clip ids per document', () => {
    const svg = '<linearGradient id="gradient_7"/><rect fill="url(#gradient_7)"/><clipPath id="clip_12"/><x id="gradient_9"/>';
    expect(renumberIds(svg)).toBe('<linearGradient id="gradient_0"/><rect fill="url(#gradient_0)"/><clipPath id="clip_0"/><x id="gradient_1"/>');
  });
});
