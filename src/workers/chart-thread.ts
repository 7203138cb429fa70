/**
 * Charts rendered in a worker thread started with the run. Loading vega takes ~0.3–0.45 s and
 * rendering the three charts ~0.3 s; in this thread both sat on every run's critical path (a
 * re-run of 1,000 articles takes ~2 s). The thread loads vega while the run reads and matches,
 * renders while the run writes tables and clusters, and the report waits for the SVGs only when it
 * writes them, last (src/report/index.ts).
 */
import { Worker } from 'node:worker_threads';
import type { ChartRenderer, ChartSpecs } from '../report/charts.js';
import type { ChartReply } from './chart-worker.js';

export interface ChartThread {
  /** Render the run's charts (once). */
  render: ChartRenderer;
  /** Stop the thread (always, once the report is written or the run failed). */
  close: () => Promise<void>;
}

/** A chart thread, or undefined when `threads` is 1 (charts are then rendered in this thread). */
export function startChartThread(threads: number): ChartThread | undefined {
  // Worker threads need the compiled .js modules; from TypeScript sources (tests) render here.
  if (!(threads > 1 && import.meta.url.endsWith('.js'))) return undefined;
  const worker = new Worker(new URL('./chart-worker.js', import.meta.url));
  // Idle until the charts are asked for, it must not keep the process alive (a failed run exits).
  worker.unref();
  let failure: Error | undefined;
  let asked = false;
  // Listened to from the start: an 'error' event without a listener would end the process.
  worker.on('error', (error) => (failure ??= error));
  worker.on('exit', (code) => (failure ??= new Error(`the chart thread stopped with exit code ${code}`)));
  const render = (specs: ChartSpecs): Promise<Map<string, string>> => {
    if (asked) return Promise.reject(new Error('internal: charts were asked for twice'));
    asked = true;
    if (failure) return Promise.reject(failure);
    worker.ref();
    return new Promise<Map<string, string>>((resolve, reject) => {
      worker.on('error', reject);
      worker.on('exit', () => reject(failure));
      worker.on('message', (reply: ChartReply) => {
        if ('error' in reply) reject(new Error(`the chart thread failed: ${reply.error}`));
        else resolve(new Map(reply.charts));
      });
      worker.postMessage(specs);
    }).finally(() => worker.unref());
  };
  return { render, close: async () => void (await worker.terminate()) };
}
