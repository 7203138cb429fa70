import { describe, expect, it } from 'vitest';
import { formatTable, median, sizeRatios, summariseRuns } from '../../bench/lib/results-table.js';
import type { RunResult, SizeResult } from '../../bench/lib/results-table.js';

function run(wallMs: number, peakRssMb: number, stagesMs: Record<string, number>, exitCode = 0): RunResult {
  return { wallMs, peakRssMb, exitCode, stagesMs, counts: {} };
}

function size(articles: number, wallMs: number, bytes: number): SizeResult {
  return {
    articles, files: 10, bytes, corpus: `/tmp/c${articles}`, runs: [], wallMs, peakRssMb: 200,
    stagesMs: { read: 100, parse: 200, match: 300 }, floorMs: wallMs / 10, floorTokens: 1000,
  };
}

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('summariseRuns', () => {
  it('medians wall and stage times over successful runs and keeps the highest peak RSS', () => {
    const summary = summariseRuns([run(3000, 100, { match: 30 }), run(1000, 300, { match: 10 }), run(2000, 200, { match: 20 }), run(99999, 50, {}, 2)]);
    expect(summary).toEqual({ wallMs: 2000, stagesMs: { match: 20 }, peakRssMb: 300 });
  });
});

describe('sizeRatios', () => {
  it('compares each size with the next smaller one, whatever the input order', () => {
    const ratios = sizeRatios([size(50000, 30000, 1), size(1000, 1000, 1), size(10000, 6000, 1)]);
    expect(ratios).toEqual([
      { label: '10000/1000', sizeRatio: 10, timeRatio: 6 },
      { label: '50000/10000', sizeRatio: 5, timeRatio: 5 },
    ]);
  });
});

describe('formatTable', () => {
  it('prints seconds and MB/s per stage and size, the floor, peak RSS and the 50k targets', () => {
    const table = formatTable([size(10000, 6000, 26e6), size(50000, 32000, 130e6)]);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/10000 s\s+10000 MB\/s\s+50000 s\s+50000 MB\/s$/);
    expect(lines.find((l) => l.startsWith('match'))).toMatch(/^match\s+0\.30\s+86\.7\s+0\.30\s+433\.3$/);
    expect(lines.find((l) => l.startsWith('clean'))).toMatch(/^clean\s+—\s+—/);
    expect(lines.find((l) => l.startsWith('total (wall)'))).toMatch(/6\.00\s+4\.3\s+32\.00\s+4\.1$/);
    expect(lines.find((l) => l.startsWith('other'))).toMatch(/5\.40\s+31\.40/);
    expect(lines.find((l) => l.startsWith('× floor'))).toMatch(/10\.0\s+10\.0/);
    expect(table).toContain('time ratio 50000/10000: 5.33 for 5.0× the articles (target ≤ 6)');
    expect(table).toContain('50k targets: wall 32.0 s (≤ 30), peak RSS 200 MB (≤ 1000)');
  });
});
