/**
 * Outlet profiles with their bootstrap intervals drawn in a worker thread, so that the report can
 * write its first files meanwhile (src/report/index.ts). The intervals are ~85% of profiling's
 * time (~2 s at 50k articles, 0.65 s at 10k); tallying the matches stays on the calling thread,
 * and the worker receives only typed arrays of per-article values.
 */
import { outletIntervals, tallyOutlets, withIntervals } from '../report/profiles.js';
import type { ArticleScore, OutletIntervals, OutletProfile, OutletSamples } from '../report/profiles.js';
import type { Concept, ContrastSet } from '../types.js';
import { runInThread } from './pool.js';

/**
 * Below this many latest articles the intervals (~50 ms per 1,000 articles) take about as long as
 * starting a thread and warming its code: they are drawn on the calling thread.
 */
const MIN_ARTICLES_FOR_THREAD = 1500;

/**
 * Intervals kept from an earlier run, by `key(samples)` (the CLI's is src/cache/report-memo.ts):
 * an outlet whose samples are as they were is not drawn again.
 */
export interface IntervalsMemo {
  /** The hash of everything `outletIntervals(samples, seed)` reads. */
  key(samples: OutletSamples, seed: number): string;
  get(key: string): OutletIntervals | undefined;
  /** Keep exactly these results (this run's outlets) for the next run. */
  save(results: ReadonlyMap<string, OutletIntervals>): void;
}

/** Whether `profileOutletsInThread` draws in a worker thread for this many latest articles. */
export function bootstrapThreadWorthIt(latestArticles: number, threads: number): boolean {
  // Worker threads need the compiled .js modules; from TypeScript sources (tests) draw here.
  return threads > 1 && latestArticles >= MIN_ARTICLES_FOR_THREAD && import.meta.url.endsWith('.js');
}

/**
 * `profileOutlets` (src/report/profiles.ts) with the intervals drawn in one worker thread when
 * `threads` > 1 and the corpus is large enough; the same profiles either way (the bootstrap is
 * deterministic). The matches are tallied before this returns: the caller may then change them.
 * With a `memo`, only outlets whose samples it does not know are drawn (the same intervals).
 */
export function profileOutletsInThread(
  scores: readonly ArticleScore[],
  axes: readonly string[],
  concepts: ReadonlyMap<string, Concept>,
  contrasts: readonly ContrastSet[],
  seed: number,
  threads: number,
  memo?: IntervalsMemo,
): Promise<OutletProfile[]> {
  const tallies = tallyOutlets(scores, axes, concepts, contrasts);
  const keys = memo ? tallies.map((tally) => memo.key(tally.samples, seed)) : [];
  const known = tallies.map((_, i) => (memo ? memo.get(keys[i]!) : undefined));
  const missing = tallies.filter((_, i) => known[i] === undefined);
  const finish = (drawn: readonly OutletIntervals[]): OutletProfile[] => {
    if (drawn.length !== missing.length) throw new Error(`internal: intervals were drawn for ${drawn.length} of ${missing.length} outlets`);
    let next = 0;
    const intervals = known.map((kept) => kept ?? drawn[next++]!);
    memo?.save(new Map(intervals.map((outlet, i) => [keys[i]!, outlet])));
    return tallies.map((tally, i) => withIntervals(tally, intervals[i]!, axes));
  };
  const units = missing.reduce((n, tally) => n + tally.samples.tokens.length, 0);
  if (!bootstrapThreadWorthIt(units, threads)) {
    try {
      return Promise.resolve(finish(missing.map((tally) => outletIntervals(tally.samples, seed))));
    } catch (error) {
      return Promise.reject(error);
    }
  }
  // One batch of every outlet: the pool sends a worker its next batch only when this thread takes
  // in a reply, and this thread is busy writing files meanwhile.
  const drawn = runInThread<OutletSamples[], OutletIntervals[]>(new URL('./bootstrap-worker.js', import.meta.url), { seed }, missing.map((tally) => tally.samples));
  return drawn.then(finish);
}
