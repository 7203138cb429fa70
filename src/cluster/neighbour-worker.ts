/** A worker thread of the parallel neighbour search (src/cluster/parallel-neighbours.ts). */
import { workerData } from 'node:worker_threads';
import { runNeighbourWorker, type NeighbourWorkerData } from './parallel-neighbours.js';

runNeighbourWorker(workerData as NeighbourWorkerData);
