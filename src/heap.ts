/**
 * How the CLI's main thread reclaims memory during a long run. Two V8 flags set at run time
 * (`v8.setFlagsFromString`); they change when memory is reclaimed, never what a run computes, and
 * library callers (who never call `tuneHeapForLongRuns`) keep their process's defaults.
 *
 * Why: by default V8 lets a heap grow to up to 4× what a collection left live (heap-controller.cc,
 * the factor falls with a slow collector), and frees an array buffer only when a collection finds
 * it unreachable. At 50k articles (2 cores, `framescope analyze --no-cache`) the main thread's heap
 * reached ~640 MB with ~370 MB live while the match threads ran, and ~100 MB of buffers left by
 * vectorising stayed through the neighbour search, which allocates almost nothing.
 * Measured (peak RSS in MiB from GNU time / wall; single runs; the machine's noise is ±2 s):
 * - default: 1,186–1,195 MiB, 50.5–52.4 s;
 * - growing factor 1.2 from the start, collection after vectorising: 967–989 MiB, 54.5–54.8 s
 *   (parsing and cleaning, which build the heap up, collected far more often);
 * - factor 1.5 from the start: 1,065 MiB; the default with collections after reading and after
 *   vectorising: 1,095 MiB; both: 1,106 MiB;
 * - factor 1.2 from the end of reading, collections after reading and after vectorising: 973 MiB,
 *   53.5 s; with one more before vectorising (kept; src/commands/analyze.ts), three alternating
 *   pairs against the default: 980–991 vs 1,116–1,199 MiB, 50.6–51.9 vs 48.4–50.2 s.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Once bounded, the heap grows to 1 + this/100 times what a collection leaves live (V8 `--heap-growing-percent`). */
const HEAP_GROWING_PERCENT = 20;
/**
 * The bound of a run whose articles came from the cache. Its heap is built by deserialising the
 * cache in large steps, and at 1.2× V8 ran a full collection of ~500 MB live every ~100 MB of
 * growth; its peak is lower than a cold run's. Three alternating pairs of 50k re-runs after a
 * lexicon edit: 20% 13.34 / 12.98 / 13.39 s, peak 874–893 MB; no bound 12.50 / 11.81 / 11.97 s,
 * 952–961 MB; then 50% 12.31 / 11.66 s, 908–913 MB (100%: 12.45 / 11.70 s, 913–920 MB).
 */
export const HEAP_GROWING_PERCENT_CACHED = 50;

let collector: (() => void) | null = null;

/**
 * Make `collectGarbage` and `boundHeapGrowth` effective in this process (the CLI calls it first
 * thing). `--expose-gc` set at run time exposes `gc` in contexts made afterwards (the way Jest's
 * leak detector reaches it); where it does not, both stay no-ops.
 */
export function tuneHeapForLongRuns(): void {
  try {
    setFlagsFromString('--expose-gc');
    collector = runInNewContext('typeof gc === "function" ? gc : null') as (() => void) | null;
  } catch {
    collector = null;
  }
}

/** From now on, a heap grows by at most `percent`% over what a collection leaves live. */
export function boundHeapGrowth(percent = HEAP_GROWING_PERCENT): void {
  if (collector !== null) setFlagsFromString(`--heap-growing-percent=${percent}`);
}

/**
 * A full collection now: for when a large structure has just become garbage and the thread goes
 * on into a phase that allocates too little for V8 to collect it soon.
 */
export function collectGarbage(): void {
  collector?.();
}
