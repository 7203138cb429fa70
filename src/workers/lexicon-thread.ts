/**
 * The lexicon folder loaded in a worker thread while the run reads its inputs (and, on a re-run,
 * loads its cache). Parsing the bundled lexicons' YAML takes ~0.45 s on every run — most of it
 * before the parser's code is warm — and a re-run of 10,000 articles takes ~5 s.
 */
import { existsSync, statSync } from 'node:fs';
import { LexiconError, loadLexiconBundle } from '../lexicon/index.js';
import type { LexiconBundle } from '../types.js';
import { runInThread } from './pool.js';
import { errorOf, type ThreadFailure } from './serve.js';

/** The lexicon thread's answer: the bundle, the problems of a `LexiconError`, or another failure. */
export type LexiconReply = { bundle: LexiconBundle } | { problems: string[] } | { error: ThreadFailure };

/**
 * `loadLexiconBundle(dir)` in a worker thread when `threads` > 1, else here: the same bundle, the
 * same `LexiconError` (its problems listed), another failure with its message (the thread's stack
 * as its stack). A folder that does not exist is refused without starting a thread.
 */
export function loadLexiconsInThread(dir: string, threads: number): Promise<LexiconBundle> {
  // Worker threads need the compiled .js modules; from TypeScript sources (tests) load here.
  if (!(threads > 1 && import.meta.url.endsWith('.js')) || !existsSync(dir) || !statSync(dir).isDirectory()) {
    try {
      return Promise.resolve(loadLexiconBundle(dir));
    } catch (error) {
      return Promise.reject(error);
    }
  }
  return runInThread<string, LexiconReply>(new URL('./lexicon-worker.js', import.meta.url), undefined, dir).then((reply) => {
    if ('problems' in reply) throw new LexiconError(reply.problems);
    if ('error' in reply) throw errorOf(reply.error);
    return withDictionaries(reply.bundle);
  });
}

/**
 * The bundle's dictionaries as the loader makes them, without a prototype: a copy from another
 * thread gets `Object.prototype`, and an axis named like one of its members (`constructor`,
 * `toString`) would then read an inherited function for every concept without that axis.
 */
function withDictionaries(bundle: LexiconBundle): LexiconBundle {
  const dictionary = <T extends object>(record: T): T => Object.assign(Object.create(null) as T, record);
  return {
    ...bundle,
    concepts: bundle.concepts.map((concept) => ({ ...concept, axes: dictionary(concept.axes), terms: dictionary(concept.terms), exclude: dictionary(concept.exclude) })),
    entities: bundle.entities.map((entity) => ({ ...entity, terms: dictionary(entity.terms) })),
    cues: dictionary(bundle.cues),
  };
}
