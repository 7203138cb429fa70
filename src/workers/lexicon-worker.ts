import { parentPort, workerData } from 'node:worker_threads';
import { LexiconError, loadLexiconBundle } from '../lexicon/index.js';
import type { LexiconReply } from './lexicon-thread.js';

/** The worker thread of `loadLexiconsInThread` (src/workers/lexicon-thread.ts): load one lexicon folder and answer once. */
if (parentPort === null) throw new Error('internal: the lexicon worker runs in a worker thread only');
let reply: LexiconReply;
try {
  reply = { bundle: loadLexiconBundle((workerData as { dir: string }).dir) };
} catch (error) {
  reply = error instanceof LexiconError ? { problems: error.problems } : { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}
parentPort.postMessage(reply);
