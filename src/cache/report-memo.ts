/**
 * Results of the report's two slowest pure steps kept for the next run of the same corpus: each
 * outlet's bootstrap intervals (src/report/profiles.ts `outletIntervals`) and the rendered charts
 * (src/report/charts.ts). Both are deterministic functions of inputs that a lexicon edit mostly
 * leaves as they were — an edit that changes no hit leaves every outlet's samples alone, a
 * renamed frame leaves the stances alone — and both sat on a re-run's critical path: at 10k
 * benchmark articles the run waited ~0.3 s for the intervals and ~0.35 s for the charts.
 *
 * Keyed by what the results are computed from, hashed: an outlet's samples and the seed, the
 * chart specs with the versions of vega and vega-lite. The corpus's cache key (which holds the
 * tool's code hash) names the file, so a result is never taken from other code; a file holds only
 * the last run's results and is pruned with the corpus's other entries (src/cache/read-cache.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ChartRenderer, ChartSpecs } from '../report/charts.js';
import type { OutletIntervals, OutletSamples } from '../report/profiles.js';
import type { IntervalsMemo } from '../workers/bootstrap-pool.js';
import { readChunkedFile } from './chunked-file.js';
import { entryPath, storeEntry, touch } from './read-cache.js';

/** Bump when what is stored changes shape. */
const MEMO_FORMAT = 1;

interface MemoHeader {
  format: number;
  /** For charts: the hash of the specs they were rendered from. */
  hash?: string;
}

/** Bootstrap intervals kept for corpus `key` in `dir`, by the hash of their outlet's samples and seed (`samplesHash`). */
export function intervalsMemo(dir: string, key: string): IntervalsMemo {
  const path = entryPath(dir, key, 'intervals');
  let kept: Map<string, OutletIntervals> | undefined;
  const load = (): Map<string, OutletIntervals> => {
    if (kept !== undefined) return kept;
    kept = new Map();
    if (!existsSync(path)) return kept;
    try {
      const { header, items } = readChunkedFile<MemoHeader, [string, OutletIntervals]>(path);
      if (header.format === MEMO_FORMAT) for (const [hash, intervals] of items) if (typeof hash === 'string') kept.set(hash, intervals);
      touch(path);
    } catch {
      // A damaged memo only costs the intervals' time.
    }
    return kept;
  };
  return {
    key: samplesHash,
    get: (hash) => load().get(hash),
    save: (results) => {
      const known = load();
      const same = results.size === known.size && [...results.keys()].every((hash) => known.has(hash));
      if (!same) storeEntry(dir, path, { format: MEMO_FORMAT } satisfies MemoHeader, [...results]);
    },
  };
}

/** The hash of everything `outletIntervals(samples, seed)` reads. */
export function samplesHash(samples: OutletSamples, seed: number): string {
  const hash = createHash('sha256');
  hash.update(`${MEMO_FORMAT}\0${seed}\0${samples.outlet}\0${samples.tokens.length}\0`);
  hash.update(bytesOf(samples.tokens));
  for (const sums of samples.stance) {
    if (sums === null) hash.update('null\0');
    else {
      hash.update(`${sums.num.length}\0`);
      hash.update(bytesOf(sums.num));
      hash.update(bytesOf(sums.den));
    }
  }
  for (const concept of samples.concepts) {
    hash.update(`${concept.units.length}\0`);
    hash.update(bytesOf(concept.units));
    hash.update(bytesOf(concept.hits));
  }
  return hash.digest('hex');
}

function bytesOf(array: Float64Array | Int32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/**
 * `render`, but charts rendered from the same specs (and the same vega and vega-lite) by the last
 * run of corpus `key` are taken from `dir`, and new ones are kept there. The same SVGs either way:
 * rendering is deterministic.
 */
export function memoizedCharts(dir: string, key: string, render: ChartRenderer): ChartRenderer {
  const path = entryPath(dir, key, 'charts');
  return async (specs: ChartSpecs) => {
    const hash = createHash('sha256').update(`${MEMO_FORMAT}\0${rendererVersions()}\0${JSON.stringify(specs)}`).digest('hex');
    if (existsSync(path)) {
      try {
        const { header, items } = readChunkedFile<MemoHeader, [string, string]>(path);
        if (header.format === MEMO_FORMAT && header.hash === hash) {
          touch(path);
          return new Map(items);
        }
      } catch {
        // Rendered again below.
      }
    }
    const charts = await render(specs);
    storeEntry(dir, path, { format: MEMO_FORMAT, hash } satisfies MemoHeader, [...charts]);
    return charts;
  };
}

let versions: string | undefined;

/** `vega@x vega-lite@y`, read from their package.json (importing them takes ~0.3 s). */
function rendererVersions(): string {
  versions ??= ['vega', 'vega-lite'].map((name) => `${name}@${packageVersion(name)}`).join(' ');
  return versions;
}

/** The version of an installed package, from the package.json above its entry point ('?' when not found). */
function packageVersion(name: string): string {
  try {
    let dir = dirname(createRequire(import.meta.url).resolve(name));
    for (;;) {
      const file = join(dir, 'package.json');
      if (existsSync(file)) {
        const json = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (json.name === name) return json.version ?? '?';
      }
      const parent = dirname(dir);
      if (parent === dir) return '?';
      dir = parent;
    }
  } catch {
    return '?';
  }
}
