import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, REPO } from '../helpers/cli.js';

// The worker side needs compiled modules, so the pool under test is the compiled one too.
type RunBatches = <Batch, Result>(
  workerUrl: URL,
  workerData: unknown,
  batches: readonly Batch[],
  threads: number,
  onReply: (id: number, result: Result, worker: number) => void,
) => Promise<void>;
let runBatches: RunBatches;
const WORKER = pathToFileURL(join(REPO, 'tests/fixtures/workers/test-worker.mjs'));

beforeAll(async () => {
  buildOnce();
  ({ runBatches } = (await import(pathToFileURL(join(REPO, 'dist/src/workers/pool.js')).href)) as { runBatches: RunBatches });
});

describe('runBatches', () => {
  it('answers every batch once, whatever thread took it', async () => {
    const batches = Array.from({ length: 23 }, (_, k) => k);
    const replies = new Map<number, number>();
    const workersSeen = new Set<number>();
    await runBatches<number, number>(WORKER, {}, batches, 2, (id, result, worker) => {
      expect(replies.has(id)).toBe(false);
      replies.set(id, result);
      workersSeen.add(worker);
    });
    expect([...replies.keys()].sort((a, b) => a - b)).toEqual(batches);
    for (const [id, result] of replies) expect(result).toBe(id * 2);
    expect([...workersSeen].every((worker) => worker === 0 || worker === 1)).toBe(true);
  });

  it('starts no worker for no batches', async () => {
    let calls = 0;
    // A worker URL that does not exist: starting a worker would fail.
    await runBatches(new URL('file:///nonexistent/worker.js'), {}, [], 2, () => calls++);
    expect(calls).toBe(0);
  });

  it("rejects with the worker's error when a batch throws", async () => {
    const batches = Array.from({ length: 10 }, (_, k) => k);
    await expect(runBatches(WORKER, { mode: 'throw', badBatch: 4 }, batches, 2, () => undefined)).rejects.toThrow('batch 4 is bad');
  });

  it('rejects when a worker exits before its work is done', async () => {
    const batches = Array.from({ length: 10 }, (_, k) => k);
    await expect(runBatches(WORKER, { mode: 'exit', badBatch: 6 }, batches, 2, () => undefined)).rejects.toThrow(/exit code 3 before its work was done/);
  });

  it('rejects with the error of a reply handler that throws', async () => {
    const batches = Array.from({ length: 10 }, (_, k) => k);
    const handler = (id: number): void => {
      if (id === 5) throw new Error('cannot take reply 5');
    };
    await expect(runBatches(WORKER, {}, batches, 2, handler)).rejects.toThrow('cannot take reply 5');
  });
});
