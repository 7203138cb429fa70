import { LexiconError, loadLexiconBundle } from '../lexicon/index.js';
import type { LexiconReply } from './lexicon-thread.js';
import { serveBatches, threadFailure } from './serve.js';

/**
 * The worker thread of `loadLexiconsInThread` (src/workers/lexicon-thread.ts): loads the lexicon
 * folder of its one batch. Failures are answered, not thrown: a `LexiconError` must keep its list
 * of problems, which an error copied from a thread loses.
 */
serveBatches((dir: string): LexiconReply => {
  try {
    return { bundle: loadLexiconBundle(dir) };
  } catch (error) {
    if (error instanceof LexiconError) return { problems: error.problems };
    return { error: threadFailure(error) };
  }
});
