import { Worker } from 'node:worker_threads';

/** What a pool worker receives: one batch, with the index that identifies its reply. */
export interface BatchRequest<Batch> {
  id: number;
  batch: Batch;
}

/** What a pool worker answers: the batch's index and its result. */
export interface BatchReply<Result> {
  id: number;
  result: Result;
}

/**
 * One job in one worker thread started from `workerUrl` (`serveBatches` on its side): its reply,
 * or the worker's failure. For work a thread takes off this one while it does something else.
 */
export async function runInThread<Job, Reply>(workerUrl: URL, workerData: unknown, job: Job): Promise<Reply> {
  let reply: { value: Reply } | undefined;
  await runBatches(workerUrl, workerData, [job], 1, (_id, value: Reply) => {
    reply = { value };
  });
  if (reply === undefined) throw new Error(`internal: the thread of ${workerUrl.pathname.split('/').pop() ?? ''} did not answer`);
  return reply.value;
}

/**
 * Run `batches` through `threads` workers started from `workerUrl` (each gets `workerData`).
 * `onReply(id, result, worker)` is called on this thread as each reply arrives — in any order;
 * callers that need batch order put replies back in order themselves. Resolves when every batch
 * has been answered; rejects when a worker fails (its error) or stops early. Workers are
 * terminated, and their exit awaited, either way: a worker's memory (shared buffers included)
 * is only freed once it has exited.
 *
 * Two batches are queued per worker, so a worker starts its next batch while this thread takes in
 * the last reply instead of waiting for it.
 */
export async function runBatches<Batch, Result>(
  workerUrl: URL,
  workerData: unknown,
  batches: readonly Batch[],
  threads: number,
  onReply: (id: number, result: Result, worker: number) => void,
): Promise<void> {
  if (batches.length === 0) return;
  let next = 0;
  let answered = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(threads, batches.length)) }, () => new Worker(workerUrl, { workerData }));
  try {
    await Promise.all(
      workers.map(
        (worker, index) =>
          new Promise<void>((resolve, reject) => {
            let inFlight = 0;
            const fail = (error: unknown): void => reject(error instanceof Error ? error : new Error(String(error)));
            const send = (): void => {
              if (next >= batches.length) {
                if (inFlight === 0) resolve();
                return;
              }
              const id = next++;
              inFlight += 1;
              worker.postMessage({ id, batch: batches[id]! } satisfies BatchRequest<Batch>);
            };
            worker.on('message', (reply: BatchReply<Result>) => {
              inFlight -= 1;
              answered += 1;
              try {
                onReply(reply.id, reply.result, index);
                send();
              } catch (error) {
                fail(error);
              }
            });
            worker.on('error', fail);
            // A reply that cannot be deserialised here would otherwise be lost without a word.
            worker.on('messageerror', fail);
            worker.on('exit', (code) => {
              if (inFlight > 0 || next < batches.length) reject(new Error(`${workerName(workerUrl)} stopped with exit code ${code} before its work was done`));
            });
            try {
              send();
              send();
            } catch (error) {
              // A batch that cannot be cloned (not expected: batches are plain data).
              fail(error);
            }
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  if (answered !== batches.length) throw new Error(`internal: ${batches.length - answered} of ${batches.length} batches never came back from ${workerName(workerUrl)}`);
}

function workerName(url: URL): string {
  return url.pathname.split('/').pop() ?? 'worker';
}
