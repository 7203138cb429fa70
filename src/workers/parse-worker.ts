import { workerData } from 'node:worker_threads';
import { parseInput } from '../ingest/index.js';
import type { ParseOptions } from '../ingest/index.js';
import type { InputFile, ParsedDoc, Skipped } from '../types.js';
import { serveBatches } from './serve.js';

/** A worker thread of the parse pool (src/workers/parse-pool.ts): parses batches of input files. */
const options = (workerData as { options: ParseOptions }).options;

serveBatches((files: InputFile[]): { docs: ParsedDoc[]; skipped: Skipped[] }[] => files.map((file) => parseInput(file, options)));
