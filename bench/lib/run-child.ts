/**
 * Run `framescope analyze` as a child process and measure it end to end: wall time from the
 * parent, peak RSS from `/usr/bin/time -v` (GNU time) or, without it, from the measure wrapper.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface ChildMeasure {
  wallMs: number;
  /** Peak resident set size of the child, in megabytes (10^6 bytes). */
  peakRssMb: number;
  exitCode: number;
  /** Last lines of the child's stderr (for failures). */
  stderrTail: string;
  /** How peak RSS was read. */
  via: 'gnu-time' | 'wrapper';
}

export const GNU_TIME = '/usr/bin/time';

/** `Maximum resident set size (kbytes): 123456` from GNU time's `-v` report, in kilobytes. */
export function parseGnuTimeMaxRss(stderr: string): number | undefined {
  const match = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(stderr);
  return match ? Number(match[1]) : undefined;
}

/** Run `node <script> <args>`; `measureScript` is the compiled measure wrapper. */
export function runMeasured(script: string, args: readonly string[], measureScript: string, scratch: string, useGnuTime = existsSync(GNU_TIME)): ChildMeasure {
  const started = performance.now();
  if (useGnuTime) {
    const child = spawnSync(GNU_TIME, ['-v', process.execPath, script, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const wallMs = performance.now() - started;
    const rssKb = parseGnuTimeMaxRss(child.stderr);
    if (rssKb === undefined) throw new Error(`${GNU_TIME} -v printed no "Maximum resident set size" line; run with --measure wrapper`);
    return { wallMs, peakRssMb: (rssKb * 1024) / 1e6, exitCode: child.status ?? 2, stderrTail: tail(stripTimeReport(child.stderr)), via: 'gnu-time' };
  }
  const report = join(scratch, `measure-${process.pid}-${Date.now()}.json`);
  const child = spawnSync(process.execPath, [measureScript, report, script, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const wallMs = performance.now() - started;
  let rssKb = Number.NaN;
  try {
    rssKb = (JSON.parse(readFileSync(report, 'utf8')) as { maxRssKb: number }).maxRssKb;
  } catch {
    // The child died before its exit handler ran (a signal, an OOM kill): RSS stays unknown.
  }
  rmSync(report, { force: true });
  return { wallMs, peakRssMb: (rssKb * 1024) / 1e6, exitCode: child.status ?? 2, stderrTail: tail(child.stderr), via: 'wrapper' };
}

function stripTimeReport(stderr: string): string {
  const at = stderr.indexOf('\tCommand being timed:');
  return at >= 0 ? stderr.slice(0, at) : stderr;
}

function tail(text: string): string {
  return text.trim().split('\n').slice(-8).join('\n');
}
