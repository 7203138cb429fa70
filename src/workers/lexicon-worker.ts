import { parentPort, workerData } from 'node:worker_threads';
import { LexiconError, loadLexiconBundle } from '../lexicon/index.js';
import type { LexiconReply } from './lexicon-thread.js';

/** The worker thread of `loadLexiconsInThread` (src/workers/lexicon-thread.ts): load one lexicon folder and answer once. */
if (parentPort === null) throw new Error('internal: the lexicon worker runs in a worker thread only');
let reply: LexiconReply;
try {
  reply = { bundle: loadLexiconBundle((workerData as { dir: string }).dir) };
} catch (error) {
  const failure = error instanceof Error ? { message: error.message, stack: error.stack ?? error.message } : { message: String(error), stack: String(error) };
  reply = error instanceof LexiconError ? { problems: error.problems } : { error: failure };
}
parentPort.postMessage(reply);
