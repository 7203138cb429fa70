import { parentPort } from 'node:worker_threads';
import { loadVega, renderSpecs } from '../report/charts.js';
import type { ChartSpecs } from '../report/charts.js';
import { threadFailure, type ThreadFailure } from './serve.js';

/**
 * The chart thread of a run (src/workers/chart-thread.ts): loads vega as soon as it starts, then
 * renders the specs it is sent, answers with the SVGs and ends itself — the run's thread is
 * usually clustering by then and could not stop it before the clustering's memory peak.
 */
if (parentPort === null) throw new Error('internal: the chart worker runs in a worker thread only');
const port = parentPort;
const loading = loadVega();
// A failure to load is answered when the specs come (below), not left to end the thread.
loading.catch(() => undefined);

port.on('message', (specs: ChartSpecs) => {
  loading
    .then(() => renderSpecs(specs))
    .then(
      (charts) => port.postMessage({ charts: [...charts] } satisfies ChartReply),
      (error: unknown) => port.postMessage({ error: threadFailure(error) } satisfies ChartReply),
    )
    // One answer per thread: closing the port leaves the thread nothing to wait for, so it exits
    // (Node emits every message a worker sent before its 'exit' event).
    .finally(() => port.close());
});

/** The chart thread's answer: the SVGs in file order, or why there are none. */
export type ChartReply = { charts: [string, string][] } | { error: ThreadFailure };
