/**
 * The neighbour search of `neighbours.ts` spread over worker threads, with the same edges as one
 * thread. Measured on the 50k-article benchmark corpus (2 cores): the search is ~7.5 s of ~16 s
 * of clustering in one thread, and every document's search is independent of the others.
 *
 * The matrix and the inverted index live in shared memory (no copy per thread). Documents are cut
 * into chunks in date order; every thread — the calling one included — claims the next chunk
 * with an atomic counter, so a slow or late thread only does less. Each thread visits its chunks
 * in increasing date order, as `NeighbourSearch` needs. A document's edges do not depend on the
 * thread that found them, and `collectEdges` sorts the union, so the result is deterministic.
 *
 * The calling thread blocks (`Atomics.wait`) until the workers' claimed chunks are committed,
 * which keeps `clusterArticles` a plain synchronous function. A worker that has not claimed a
 * chunk is never waited for (one that fails to start costs nothing), and a chunk whose worker
 * failed or made no progress for `STALL_MS` is searched again by the calling thread; only a
 * worker's committed chunks are read.
 */
import { Worker } from 'node:worker_threads';
import { buildPostings, EdgeList, NeighbourSearch } from './neighbours.js';
import type { NeighbourGraph, NeighbourOptions, Postings } from './neighbours.js';
import type { SparseMatrix } from './vectorize.js';

/** Documents per claim: small enough to balance two threads, large enough that claiming is free. */
const CHUNK = 256;
/** A worker with no committed chunk for this long is given up on; its chunk is searched here. */
const STALL_MS = 60_000;

/** Slots of the shared control array. */
const NEXT_CHUNK = 0;
const WORKER_SLOTS = 3;
/** Per worker: its state, its committed edge count, and the chunk it is searching. */
const STATE = 0;
const COMMITTED = 1;
const CURRENT = 2;

export const enum WorkerState {
  Idle = 0,
  Busy = 1,
  Done = 2,
  Failed = 3,
}

/** What a neighbour worker receives (typed arrays over shared memory: read in place). */
export interface NeighbourWorkerData {
  matrix: Omit<SparseMatrix, 'termOf'>;
  index: Postings;
  options: NeighbourOptions;
  control: Int32Array;
  slot: number;
  keys: Float64Array;
  sims: Float64Array;
  chunks: number;
}

/**
 * `findNeighbourGraph` over `threads` threads (this one and `threads − 1` workers). `matrix` must
 * have been built with `shared: true`.
 */
export function findNeighbourGraphInThreads(matrix: SparseMatrix, options: NeighbourOptions, threads: number): NeighbourGraph {
  if (!(matrix.weights.buffer instanceof SharedArrayBuffer)) throw new Error('internal: parallel neighbour search needs a shared matrix');
  const index = buildPostings(matrix, options, true);
  const chunks = Math.ceil(matrix.rows / CHUNK);
  const workerCount = Math.max(0, Math.min(threads - 1, chunks - 1));
  const control = new Int32Array(new SharedArrayBuffer((1 + WORKER_SLOTS * workerCount) * 4));
  for (let w = 0; w < workerCount; w++) control[1 + WORKER_SLOTS * w + CURRENT] = -1;
  const { termOf: _termOf, ...plainMatrix } = matrix;
  const outputs = Array.from({ length: workerCount }, () => EdgeList.withCapacity(matrix.rows * options.topK, true));
  const workers = outputs.map((out, w) => {
    const data: NeighbourWorkerData = { matrix: plainMatrix, index, options, control, slot: 1 + WORKER_SLOTS * w, keys: out.keys, sims: out.sims, chunks };
    const worker = new Worker(new URL('./neighbour-worker.js', import.meta.url), { workerData: data });
    // Errors show in the shared state; the event only keeps an uncaught one from ending the process.
    worker.on('error', () => undefined);
    return worker;
  });

  const search = new NeighbourSearch(matrix, index, options);
  const found = EdgeList.withCapacity(matrix.rows * options.topK, false);
  try {
    for (let chunk = Atomics.add(control, NEXT_CHUNK, 1); chunk < chunks; chunk = Atomics.add(control, NEXT_CHUNK, 1)) {
      searchChunk(search, index, chunk, found);
    }
    const collected: { keys: Float64Array; sims: Float64Array }[] = [{ keys: found.keys.subarray(0, found.length), sims: found.sims }];
    outputs.forEach((out, w) => {
      const slot = 1 + WORKER_SLOTS * w;
      const finished = awaitWorker(control, slot);
      const committed = Atomics.load(control, slot + COMMITTED);
      collected.push({ keys: out.keys.subarray(0, committed), sims: out.sims });
      if (!finished) {
        const chunk = Atomics.load(control, slot + CURRENT);
        if (chunk >= 0) {
          const redo = EdgeList.withCapacity(CHUNK * options.topK, false);
          // A fresh search: this thread's window pointers have moved past the chunk's dates.
          searchChunk(new NeighbourSearch(matrix, index, options), index, chunk, redo);
          collected.push({ keys: redo.keys.subarray(0, redo.length), sims: redo.sims });
        }
      }
    });
    const [keys, sims] = concatEdges(collected);
    return { n: matrix.rows, keys, sims };
  } finally {
    for (const worker of workers) void worker.terminate();
  }
}

/** Search the documents of chunk `chunk` (positions in date order). */
export function searchChunk(search: NeighbourSearch, index: Postings, chunk: number, out: EdgeList): void {
  const end = Math.min(index.order.length, (chunk + 1) * CHUNK);
  for (let at = chunk * CHUNK; at < end; at++) search.searchDocument(index.order[at] ?? 0, out);
}

/**
 * Wait while the worker of `slot` is searching a claimed chunk. True when it finished (or never
 * claimed anything); false when it failed or stalled, with its current chunk left uncommitted.
 */
function awaitWorker(control: Int32Array, slot: number): boolean {
  let committed = Atomics.load(control, slot + COMMITTED);
  let since = performance.now();
  for (;;) {
    const state = Atomics.load(control, slot + STATE) as WorkerState;
    if (state === WorkerState.Idle || state === WorkerState.Done) return true;
    if (state === WorkerState.Failed) return false;
    Atomics.wait(control, slot + STATE, WorkerState.Busy, 1000);
    const now = Atomics.load(control, slot + COMMITTED);
    if (now !== committed) {
      committed = now;
      since = performance.now();
    } else if (performance.now() - since > STALL_MS) {
      return false;
    }
  }
}

function concatEdges(parts: readonly { keys: Float64Array; sims: Float64Array }[]): [Float64Array, Float64Array] {
  const total = parts.reduce((sum, part) => sum + part.keys.length, 0);
  const keys = new Float64Array(total);
  const sims = new Float64Array(total);
  let at = 0;
  for (const part of parts) {
    keys.set(part.keys, at);
    sims.set(part.sims.subarray(0, part.keys.length), at);
    at += part.keys.length;
  }
  return [keys, sims];
}

/** The worker side: claim chunks until none is left, committing each chunk's edges (neighbour-worker.ts). */
export function runNeighbourWorker(data: NeighbourWorkerData): void {
  const { control, slot, chunks } = data;
  const matrix: SparseMatrix = { ...data.matrix, termOf: () => '' };
  const out = EdgeList.over(data.keys, data.sims);
  try {
    const search = new NeighbourSearch(matrix, data.index, data.options);
    // Busy before claiming: a thread that saw this worker idle knows it holds no chunk.
    Atomics.store(control, slot + STATE, WorkerState.Busy);
    for (let chunk = Atomics.add(control, NEXT_CHUNK, 1); chunk < chunks; chunk = Atomics.add(control, NEXT_CHUNK, 1)) {
      Atomics.store(control, slot + CURRENT, chunk);
      searchChunk(search, data.index, chunk, out);
      Atomics.store(control, slot + COMMITTED, out.length);
      Atomics.store(control, slot + CURRENT, -1);
      Atomics.notify(control, slot + STATE);
    }
    Atomics.store(control, slot + STATE, WorkerState.Done);
  } catch {
    Atomics.store(control, slot + STATE, WorkerState.Failed);
  }
  Atomics.notify(control, slot + STATE);
}
