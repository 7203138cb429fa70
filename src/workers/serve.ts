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

/**
 * A failure answered by a worker rather than thrown, as plain data: message and stack apart, so
 * the receiving thread can show the message alone (the CLI prints stacks only with `--debug`).
 */
export interface ThreadFailure {
  message: string;
  stack: string;
}

/** `error` as a `ThreadFailure` (worker side). */
export function threadFailure(error: unknown): ThreadFailure {
  return error instanceof Error ? { message: error.message, stack: error.stack ?? error.message } : { message: String(error), stack: String(error) };
}

/** A `ThreadFailure` as an Error of this thread, with the worker's stack (receiving side). */
export function errorOf(failure: ThreadFailure, prefix = ''): Error {
  return Object.assign(new Error(`${prefix}${failure.message}`), { stack: failure.stack });
}
