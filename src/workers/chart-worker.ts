import { parentPort } from 'node:worker_threads';
import { loadVega, renderSpecs } from '../report/charts.js';
import type { ChartSpecs } from '../report/charts.js';

/**
 * The chart thread of a run (src/workers/chart-thread.ts): loads vega as soon as it starts, while
 * the run reads and matches, then renders the specs it is sent and answers with the SVGs.
 */
if (parentPort === null) throw new Error('internal: the chart worker runs in a worker thread only');
const port = parentPort;
const loading = loadVega();
// A failure to load is answered when the specs come (below), not left to end the thread.
loading.catch(() => undefined);

port.on('message', (specs: ChartSpecs) => {
  loading.then(() => renderSpecs(specs)).then(
    (charts) => port.postMessage({ charts: [...charts] } satisfies ChartReply),
    (error: unknown) => port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies ChartReply),
  );
});

/** The chart thread's answer: the SVGs in file order, or why there are none. */
export type ChartReply = { charts: [string, string][] } | { error: string };
