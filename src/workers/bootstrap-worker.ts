import { workerData } from 'node:worker_threads';
import { outletIntervals } from '../report/profiles.js';
import type { OutletIntervals, OutletSamples } from '../report/profiles.js';
import { serveBatches } from './serve.js';

/** The worker thread of `profileOutletsInThread` (src/workers/bootstrap-pool.ts): every outlet's intervals in one batch. */
const { seed } = workerData as { seed: number };

serveBatches((outlets: OutletSamples[]): OutletIntervals[] => outlets.map((samples) => outletIntervals(samples, seed)));
