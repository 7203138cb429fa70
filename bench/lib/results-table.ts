/**
 * The benchmark's results: one entry per corpus size, and the plain-text table printed from them.
 * Pure functions, so the table can be tested without running anything.
 */

/** Pipeline stages in order, as `run.json` `timings_ms` names them. */
export const STAGES = ['read', 'parse', 'clean', 'match', 'cluster', 'report'] as const;

/** The brief's targets for 50k articles on 2 cores. */
export const TARGETS = { wallSeconds50k: 30, peakRssMb: 1000, ratio50kTo10k: 6 } as const;

export interface RunResult {
  wallMs: number;
  peakRssMb: number;
  exitCode: number;
  /** `timings_ms` of the output's run.json (empty when the run failed). */
  stagesMs: Record<string, number>;
  counts: Record<string, number>;
}

export interface SizeResult {
  articles: number;
  files: number;
  bytes: number;
  corpus: string;
  runs: RunResult[];
  /** Median over successful runs. */
  wallMs: number;
  stagesMs: Record<string, number>;
  /** Highest over runs. */
  peakRssMb: number;
  floorMs: number;
  floorTokens: number;
  /** Re-runs after a lexicon edit, with the cache the cold runs left (median wall, highest RSS); `analysed`: articles matched afresh. */
  warm?: { wallMs: number; peakRssMb: number; analysed?: number | null };
  /** Re-runs after an edit of a one-word term (bench/run.ts `WORD_EDIT`), which sends back every article holding it. */
  warmWordEdit?: { wallMs: number; peakRssMb: number; analysed?: number | null };
}

/** Median of a non-empty list (mean of the middle two for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Summarise runs: median wall and per-stage times of the runs that succeeded, highest peak RSS. */
export function summariseRuns(runs: readonly RunResult[]): Pick<SizeResult, 'wallMs' | 'stagesMs' | 'peakRssMb'> {
  const ok = runs.filter((run) => run.exitCode === 0);
  const stages = new Set(ok.flatMap((run) => Object.keys(run.stagesMs)));
  const stagesMs: Record<string, number> = {};
  for (const stage of stages) stagesMs[stage] = median(ok.map((run) => run.stagesMs[stage] ?? 0));
  return { wallMs: median(ok.map((run) => run.wallMs)), stagesMs, peakRssMb: Math.max(...runs.map((run) => run.peakRssMb)) };
}

/** Wall-time ratios of each size to the next smaller one, e.g. `50000/10000`. */
export function sizeRatios(results: readonly SizeResult[]): { label: string; sizeRatio: number; timeRatio: number }[] {
  const sorted = [...results].sort((a, b) => a.articles - b.articles);
  return sorted.slice(1).map((result, i) => {
    const smaller = sorted[i] as SizeResult;
    return { label: `${result.articles}/${smaller.articles}`, sizeRatio: result.articles / smaller.articles, timeRatio: result.wallMs / smaller.wallMs };
  });
}

const fmt = (value: number, digits: number): string => (Number.isFinite(value) ? value.toFixed(digits) : '—');

/** The table: a row per stage (seconds and MB/s per size), then total, peak RSS, floor and ratios. */
export function formatTable(results: readonly SizeResult[]): string {
  const sorted = [...results].sort((a, b) => a.articles - b.articles);
  const header = ['', ...sorted.flatMap((r) => [`${r.articles} s`, `${r.articles} MB/s`])];
  const rows: string[][] = [header];
  const mb = (r: SizeResult): number => r.bytes / 1e6;
  const stages = [...STAGES, ...new Set(sorted.flatMap((r) => Object.keys(r.stagesMs)).filter((s) => !(STAGES as readonly string[]).includes(s)))];
  for (const stage of stages) {
    rows.push([stage, ...sorted.flatMap((r) => {
      const ms = r.stagesMs[stage];
      return ms === undefined ? ['—', '—'] : [fmt(ms / 1000, 2), fmt(mb(r) / (ms / 1000), 1)];
    })]);
  }
  rows.push(['other (start-up, write)', ...sorted.flatMap((r) => {
    const staged = Object.values(r.stagesMs).reduce((sum, ms) => sum + ms, 0);
    return [fmt((r.wallMs - staged) / 1000, 2), ''];
  })]);
  rows.push(['total (wall)', ...sorted.flatMap((r) => [fmt(r.wallMs / 1000, 2), fmt(mb(r) / (r.wallMs / 1000), 1)])]);
  rows.push(['floor (read+tokenize)', ...sorted.flatMap((r) => [fmt(r.floorMs / 1000, 2), fmt(mb(r) / (r.floorMs / 1000), 1)])]);
  rows.push(['× floor', ...sorted.flatMap((r) => [fmt(r.wallMs / r.floorMs, 1), ''])]);
  rows.push(['peak RSS MB', ...sorted.flatMap((r) => [fmt(r.peakRssMb, 0), ''])]);
  rows.push(['corpus MB / files', ...sorted.flatMap((r) => [fmt(mb(r), 1), String(r.files)])]);
  const widths = header.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length)));
  const lines = rows.map((row) => row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0))).join('  '));
  for (const ratio of sizeRatios(sorted)) {
    const target = ratio.label === '50000/10000' ? ` (target ≤ ${TARGETS.ratio50kTo10k})` : '';
    lines.push(`time ratio ${ratio.label}: ${fmt(ratio.timeRatio, 2)} for ${fmt(ratio.sizeRatio, 1)}× the articles${target}`);
  }
  const big = sorted.find((r) => r.articles === 50000);
  if (big) {
    lines.push(`50k targets: wall ${fmt(big.wallMs / 1000, 1)} s (≤ ${TARGETS.wallSeconds50k}), peak RSS ${fmt(big.peakRssMb, 0)} MB (≤ ${TARGETS.peakRssMb})`);
  }
  return lines.join('\n');
}
