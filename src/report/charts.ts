/**
 * Charts as vega-lite specs rendered headless to SVG (Satyanarayan et al. 2017, "Vega-Lite: A
 * Grammar of Interactive Graphics"). Fixed sizes, sorted data, renumbered ids: byte-identical SVG.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { OutletMap } from '../stats/outlet-map.js';
import { labelLine, placeLabels } from './label-placement.js';
import { compareText } from '../stats/stance.js';
import type { OutletProfile } from './profiles.js';
import { textWidth } from './text-width.js';

/** Most concepts shown in the heatmap (by total hits), so labels stay legible. */
const HEATMAP_CONCEPTS = 40;
const FONT = 'Noto Sans, DejaVu Sans, sans-serif';
const CONFIG = { font: FONT, axis: { labelLimit: 220 }, legend: { labelLimit: 220 } };

/** The charts of a report: file name → vega-lite spec (plain data: it can be sent to a worker thread). */
export type ChartSpecs = [name: string, spec: TopLevelSpec][];

/** Renders chart specs to SVG: `renderSpecs` here, or a worker thread (src/workers/chart-thread.ts). */
export type ChartRenderer = (specs: ChartSpecs) => Promise<Map<string, string>>;

let vegaModules: Promise<[typeof import('vega'), typeof import('vega-lite')]> | undefined;

/**
 * vega and vega-lite, imported on first use: loading them takes ~0.3–0.45 s, which every command
 * paid at start-up when they were imported with the module (a re-run of 1,000 articles takes ~2 s).
 */
export function loadVega(): Promise<[typeof import('vega'), typeof import('vega-lite')]> {
  vegaModules ??= Promise.all([import('vega'), import('vega-lite')]).then((modules) => {
    // Font-aware widths instead of vega's headless 0.8 em a character (src/report/text-width.ts).
    // vega exports `textMetrics` (from vega-scenegraph) but its type declarations leave it out.
    (modules[0] as unknown as { textMetrics: { width: typeof textWidth } }).textMetrics.width = textWidth;
    return modules;
  });
  return vegaModules;
}

/** Render a vega-lite spec to SVG with a deterministic id numbering. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const [vega, vl] = await loadVega();
  const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: 'none' });
  try {
    return renumberIds(await view.toSVG());
  } finally {
    view.finalize();
  }
}

/** Vega numbers gradients and clip paths with a process-wide counter; renumber per document. */
export function renumberIds(svg: string): string {
  const seen = new Map<string, string>();
  return svg.replace(/\b(gradient|clip|pattern)_(\d+)\b/g, (whole, kind: string) => {
    let next = seen.get(whole);
    if (next === undefined) {
      next = `${kind}_${[...seen.keys()].filter((k) => k.startsWith(`${kind}_`)).length}`;
      seen.set(whole, next);
    }
    return next;
  });
}

/** Heatmap of concept rates per outlet (per 1,000 tokens), top concepts by hits. */
export function specHeatmap(profiles: readonly OutletProfile[]): TopLevelSpec | null {
  const totals = new Map<string, number>();
  for (const p of profiles) for (const c of p.concepts) totals.set(c.concept, (totals.get(c.concept) ?? 0) + c.hits);
  const shown = [...totals.entries()]
    .sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))
    .slice(0, HEATMAP_CONCEPTS)
    .map(([id]) => id)
    .sort(compareText);
  if (shown.length === 0) return null;
  const values = profiles.flatMap((p) =>
    shown.map((concept) => ({ outlet: p.outlet, concept, rate: round(p.concepts.find((c) => c.concept === concept)?.rate ?? 0) })),
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    // The axes need no titles (outlet names, concept ids), and vega places an x-axis title by its
    // own estimate of the rotated labels' length (0.8 em a character without a canvas), ~1.5× the
    // rendered length in Noto Sans: the title floated far below the labels.
    title: 'Concept rate per 1,000 tokens',
    width: Math.max(200, 18 * shown.length),
    height: Math.max(60, 22 * profiles.length),
    config: CONFIG,
    data: { values },
    mark: 'rect',
    encoding: {
      x: { field: 'concept', type: 'nominal', sort: shown, title: null },
      y: { field: 'outlet', type: 'nominal', sort: profiles.map((p) => p.outlet), title: null },
      color: { field: 'rate', type: 'quantitative', title: 'per 1k', scale: { scheme: 'blues' } },
    },
  };
}

/** Stance per outlet with its bootstrap interval, one row of panels per axis. */
export function specStance(profiles: readonly OutletProfile[], axes: readonly string[]): TopLevelSpec | null {
  const values = axes.flatMap((axis) =>
    profiles.flatMap((p) => {
      const s = p.stance.get(axis);
      if (!s || s.value === null) return [];
      return [{ axis, outlet: p.outlet, stance: round(s.value), lo: round(s.lo ?? s.value), hi: round(s.hi ?? s.value), hits: s.hits }];
    }),
  );
  if (values.length === 0) return null;
  const x = { type: 'quantitative' as const, scale: { domain: [-1, 1] }, title: 'stance' };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Stance per axis with 95% bootstrap interval',
    config: CONFIG,
    data: { values },
    // One panel per axis, named by its header; outlet names need no axis title in every panel.
    facet: { row: { field: 'axis', type: 'nominal', title: null, header: { labelAngle: 0, labelAlign: 'left', labelFontWeight: 'bold' } } },
    spec: {
      width: 360,
      height: Math.max(40, 22 * profiles.length),
      layer: [
        { mark: { type: 'rule' }, encoding: { x: { field: 'lo', ...x }, x2: { field: 'hi' }, y: { field: 'outlet', type: 'nominal', sort: profiles.map((p) => p.outlet), title: null } } },
        { mark: { type: 'point', filled: true, size: 60 }, encoding: { x: { field: 'stance', ...x }, y: { field: 'outlet', type: 'nominal', sort: profiles.map((p) => p.outlet), title: null } } },
      ],
    },
  };
}

/** Plot size of the outlet map, in pixels (at least: the height grows with the number of outlets). */
const MAP_WIDTH = 420;
const MAP_HEIGHT = 320;
const MAP_FONT_SIZE = 12;
/** Room around the outermost points, as a share of the points' spread, so labels fit beside them. */
const MAP_PADDING = 0.08;

/**
 * Outlet map: PCA of concept rates, each outlet labelled where its label covers no other label
 * or point (src/report/label-placement.ts), with a leader line when the label had to move off its
 * point's line. The scales' domains are set here (the points' extent and a margin, no rounding) so
 * that the placement knows where each point is drawn.
 */
export function specMap(map: OutletMap): TopLevelSpec | null {
  if (map.points.length < 2 || map.note !== '') return null;
  const points = [...map.points].sort((a, b) => compareText(a.outlet, b.outlet)).map((p) => ({ outlet: p.outlet, x: round(p.x), y: round(p.y) }));
  // Taller with many outlets: outlets that cluster need a line each for their labels.
  const height = Math.max(MAP_HEIGHT, labelLine(MAP_FONT_SIZE) * (points.length + 4));
  const xDomain = paddedDomain(points.map((p) => p.x));
  const yDomain = paddedDomain(points.map((p) => p.y));
  const toPx = (x: number): number => ((x - xDomain[0]) / (xDomain[1] - xDomain[0])) * MAP_WIDTH;
  const toPy = (y: number): number => (1 - (y - yDomain[0]) / (yDomain[1] - yDomain[0])) * height;
  const labels = placeLabels(
    points.map((p) => ({ label: p.outlet, px: toPx(p.x), py: toPy(p.y) })),
    { width: MAP_WIDTH, height, fontSize: MAP_FONT_SIZE },
  );
  const values = points.map((p, i) => {
    const label = labels[i]!;
    return {
      ...p,
      lx: round(xDomain[0] + (label.x / MAP_WIDTH) * (xDomain[1] - xDomain[0])),
      ly: round(yDomain[0] + (1 - label.y / height) * (yDomain[1] - yDomain[0])),
      align: label.align,
      leader: label.leader,
    };
  });
  const pct = (share: number): string => `${(100 * share).toFixed(1)}%`;
  const x = { type: 'quantitative', scale: { domain: xDomain, nice: false, zero: false } } as const;
  const y = { type: 'quantitative', scale: { domain: yDomain, nice: false, zero: false } } as const;
  // One text layer per alignment (vega-lite has no align channel).
  const labelLayers = (['left', 'right'] as const).map((align) => ({
    transform: [{ filter: `datum.align === '${align}'` }],
    mark: { type: 'text' as const, align, baseline: 'middle' as const, fontSize: MAP_FONT_SIZE },
    encoding: { x: { field: 'lx', ...x }, y: { field: 'ly', ...y }, text: { field: 'outlet' } },
  }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Outlet map (PCA of concept rates)',
    width: MAP_WIDTH,
    height,
    config: CONFIG,
    data: { values },
    layer: [
      {
        transform: [{ filter: 'datum.leader' }],
        mark: { type: 'rule', color: '#9aa5b1', strokeWidth: 0.75 },
        encoding: { x: { field: 'x', ...x }, y: { field: 'y', ...y }, x2: { field: 'lx' }, y2: { field: 'ly' } },
      },
      { mark: { type: 'point', filled: true, size: 70 }, encoding: { x: { field: 'x', ...x, title: `PC1 (${pct(map.explained[0])})` }, y: { field: 'y', ...y, title: `PC2 (${pct(map.explained[1])})` } } },
      ...labelLayers,
    ],
  };
}

/** `[min, max]` of `values` widened by `MAP_PADDING` of their spread on each side (by 1 when they are all equal). */
function paddedDomain(values: readonly number[]): [number, number] {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const pad = max > min ? (max - min) * MAP_PADDING : 1;
  return [round(min - pad), round(max + pad)];
}

/** Render every chart that has data: file name → SVG. */
export async function renderCharts(profiles: readonly OutletProfile[], axes: readonly string[], map: OutletMap): Promise<Map<string, string>> {
  return renderSpecs(chartSpecs(profiles, axes, map));
}

/** The spec of every chart that has data, in file order. */
export function chartSpecs(profiles: readonly OutletProfile[], axes: readonly string[], map: OutletMap): ChartSpecs {
  const specs: [string, TopLevelSpec | null][] = [
    ['chart-concepts.svg', specHeatmap(profiles)],
    ['chart-stance.svg', specStance(profiles, axes)],
    ['chart-map.svg', specMap(map)],
  ];
  return specs.filter((entry): entry is [string, TopLevelSpec] => entry[1] !== null);
}

/** Render specs to SVG in this thread, in order: file name → SVG. */
export async function renderSpecs(specs: ChartSpecs): Promise<Map<string, string>> {
  const charts = new Map<string, string>();
  for (const [name, spec] of specs) charts.set(name, await renderSvg(spec));
  return charts;
}

/** Chart data at 6 places, like the CSVs, so plotted points match the tables. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
