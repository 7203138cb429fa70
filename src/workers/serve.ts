import { parentPort } from 'node:worker_threads';
import type { BatchReply, BatchRequest } from './pool.js';

/** The worker side of `runBatches` (src/workers/pool.ts): answer each batch with `handle(batch)`. */
export function serveBatches<Batch, Result>(handle: (batch: Batch) => Result): void {
  if (parentPort === null) throw new Error('internal: serveBatches runs in a worker thread only');
  const port = parentPort;
  port.on('message', (request: BatchRequest<Batch>) => {
    const result = handle(request.batch);
    port.postMessage({ id: request.id, result } satisfies BatchReply<Result>);
  });
}
