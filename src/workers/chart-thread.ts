/**
 * Charts rendered in a worker thread. Loading vega takes ~0.3–0.45 s and rendering the three
 * charts ~0.3 s; in this thread both sat on every run's critical path (a re-run of 1,000 articles
 * takes ~2 s). The thread renders while the run writes tables and clusters, and the report waits
 * for the SVGs only when it writes them, last (src/report/index.ts).
 *
 * When it starts: with the report (`render`) on a cold run, whose peak memory is what limits
 * large corpora — an idle thread with vega loaded holds ~30 MB, so it is not kept through
 * matching — and it ends itself once it has answered (src/workers/chart-worker.ts), before the
 * clustering's peak. A re-run (cache hit) starts it early (`warm`), so vega loads while the cached
 * analyses load and the edited lexicon's articles are matched.
 */
import { Worker } from 'node:worker_threads';
import type { ChartRenderer, ChartSpecs } from '../report/charts.js';
import type { ChartReply } from './chart-worker.js';
import { errorOf } from './serve.js';

export interface ChartThread {
  /** Start the thread now, so that vega is loaded when the charts are asked for. */
  warm: () => void;
  /** Render the run's charts (once), starting the thread if needed; it stops once they are rendered. */
  render: ChartRenderer;
  /** Stop the thread if it still runs (always, once the report is written or the run failed). */
  close: () => Promise<void>;
}

/** A chart thread, or undefined when `threads` is 1 (charts are then rendered in this thread). */
export function chartThread(threads: number): ChartThread | undefined {
  // Worker threads need the compiled .js modules; from TypeScript sources (tests) render here.
  if (!(threads > 1 && import.meta.url.endsWith('.js'))) return undefined;
  let worker: Worker | undefined;
  let failure: Error | undefined;
  let asked = false;
  const start = (): Worker => {
    if (worker) return worker;
    worker = new Worker(new URL('./chart-worker.js', import.meta.url));
    // Idle until the charts are asked for, it must not keep the process alive (a failed run exits).
    worker.unref();
    // Listened to from the start: an 'error' event without a listener would end the process.
    worker.on('error', (error) => (failure ??= error));
    worker.on('exit', (code) => (failure ??= new Error(`the chart thread stopped with exit code ${code}`)));
    return worker;
  };
  const render = (specs: ChartSpecs): Promise<Map<string, string>> => {
    if (asked) return Promise.reject(new Error('internal: charts were asked for twice'));
    asked = true;
    if (specs.length === 0) return Promise.resolve(new Map());
    const thread = start();
    if (failure) return Promise.reject(failure);
    thread.ref();
    return new Promise<Map<string, string>>((resolve, reject) => {
      thread.on('error', reject);
      thread.on('exit', () => reject(failure));
      thread.on('message', (reply: ChartReply) => {
        if ('error' in reply) reject(errorOf(reply.error, 'the chart thread failed: '));
        else resolve(new Map(reply.charts));
      });
      thread.postMessage(specs);
    }).finally(() => {
      thread.unref();
      // It ends itself after answering; this only makes sure of it.
      void thread.terminate();
    });
  };
  return {
    warm: () => void start(),
    render,
    close: async () => void (await worker?.terminate()),
  };
}
