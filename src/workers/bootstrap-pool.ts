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

/** Whether `profileOutletsInThread` draws in a worker thread for this many latest articles. */
export function bootstrapThreadWorthIt(latestArticles: number, threads: number): boolean {
  // Worker threads need the compiled .js modules; from TypeScript sources (tests) draw here.
  return threads > 1 && latestArticles >= MIN_ARTICLES_FOR_THREAD && import.meta.url.endsWith('.js');
}

/**
 * `profileOutlets` (src/report/profiles.ts) with the intervals drawn in one worker thread when
 * `threads` > 1 and the corpus is large enough; the same profiles either way (the bootstrap is
 * deterministic). The matches are tallied before this returns: the caller may then change them.
 */
export function profileOutletsInThread(
  scores: readonly ArticleScore[],
  axes: readonly string[],
  concepts: ReadonlyMap<string, Concept>,
  contrasts: readonly ContrastSet[],
  seed: number,
  threads: number,
): Promise<OutletProfile[]> {
  const tallies = tallyOutlets(scores, axes, concepts, contrasts);
  const inThisThread = (): OutletProfile[] => tallies.map((tally) => withIntervals(tally, outletIntervals(tally.samples, seed), axes));
  const units = tallies.reduce((n, tally) => n + tally.samples.tokens.length, 0);
  if (!bootstrapThreadWorthIt(units, threads)) return Promise.resolve(inThisThread());
  // One batch of every outlet: the pool sends a worker its next batch only when this thread takes
  // in a reply, and this thread is busy writing files meanwhile.
  const drawn = runInThread<OutletSamples[], OutletIntervals[]>(new URL('./bootstrap-worker.js', import.meta.url), { seed }, tallies.map((tally) => tally.samples));
  return drawn.then((intervals) => {
    if (intervals.length !== tallies.length) throw new Error(`internal: the bootstrap thread answered for ${intervals.length} of ${tallies.length} outlets`);
    return tallies.map((tally, i) => withIntervals(tally, intervals[i]!, axes));
  });
}
