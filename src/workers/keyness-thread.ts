/**
 * Key terms per outlet (`rankOutletKeyness`, src/report/outlet-keyness.ts) counted in a worker
 * thread while this one stores the run's analyses for the next run: both follow matching, neither
 * needs the other, and each took ~1–2 s of this thread alone at 50k benchmark articles while the
 * second core waited.
 *
 * The term counts are not copied: the match stage keeps them in shared chunks
 * (src/text/term-count-arena.ts), and the worker gets the chunks and, per article, where its
 * counts lie in them. Term counts anywhere else (a library caller's, the cache's) are counted here.
 */
import type { OutletKeyRows } from '../report/outlet-keyness.js';
import { rankKeynessOfOutlets, termCountsByOutlet } from '../report/outlet-keyness.js';
import type { TermVocabulary } from '../text/terms.js';
import type { Article, ArticleAnalysis, TermCounts } from '../types.js';
import { runInThread } from './pool.js';
import { errorOf, type ThreadFailure } from './serve.js';

/** Where an outlet's articles' term counts lie in the shared chunks, and the words that spell them. */
export interface KeynessJob {
  outlets: string[];
  /** Per outlet, the index in `places` of its first article (and a last entry: the article count). */
  outletStart: Int32Array;
  /** Per article, five numbers: keys chunk, keys offset, counts chunk, counts offset, length. */
  places: Int32Array;
  chunks: SharedArrayBuffer[];
  words: readonly string[];
}

export type KeynessReply = { keyness: OutletKeyRows[] } | { error: ThreadFailure };

const PLACE_FIELDS = 5;

/**
 * `rankOutletKeyness(articles, analyses, vocabulary)`, in a worker thread when `threads` > 1 and
 * every term count lies in shared memory, else here. The same rows either way.
 */
export function rankOutletKeynessInThread(
  articles: readonly Article[],
  analyses: ReadonlyMap<string, ArticleAnalysis>,
  vocabulary: TermVocabulary,
  threads: number,
): Promise<OutletKeyRows[]> {
  const { outlets, lists } = termCountsByOutlet(articles, analyses);
  const job = threads > 1 && import.meta.url.endsWith('.js') && outlets.length >= 2 ? sharedJob(outlets, lists, vocabulary.words) : undefined;
  if (job === undefined) {
    try {
      return Promise.resolve(rankKeynessOfOutlets(outlets, lists, vocabulary.words));
    } catch (error) {
      return Promise.reject(error);
    }
  }
  return runInThread<KeynessJob, KeynessReply>(new URL('./keyness-worker.js', import.meta.url), undefined, job).then((reply) => {
    if ('error' in reply) throw errorOf(reply.error);
    return reply.keyness;
  });
}

/** The job for a worker, or undefined when some term counts are not in shared memory. */
function sharedJob(outlets: string[], lists: readonly (readonly TermCounts[])[], words: readonly string[]): KeynessJob | undefined {
  const chunks: SharedArrayBuffer[] = [];
  const chunkIndex = new Map<SharedArrayBuffer, number>();
  const indexOf = (buffer: ArrayBufferLike): number => {
    if (!(buffer instanceof SharedArrayBuffer)) return -1;
    let index = chunkIndex.get(buffer);
    if (index === undefined) {
      index = chunks.length;
      chunks.push(buffer);
      chunkIndex.set(buffer, index);
    }
    return index;
  };
  const articles = lists.reduce((n, list) => n + list.length, 0);
  const places = new Int32Array(articles * PLACE_FIELDS);
  const outletStart = new Int32Array(outlets.length + 1);
  let at = 0;
  for (const [o, list] of lists.entries()) {
    outletStart[o] = at;
    for (const { keys, counts } of list) {
      const keysChunk = indexOf(keys.buffer);
      const countsChunk = indexOf(counts.buffer);
      if (keysChunk < 0 || countsChunk < 0 || !(keys instanceof Float64Array) || !(counts instanceof Uint32Array)) return undefined;
      places.set([keysChunk, keys.byteOffset / 8, countsChunk, counts.byteOffset / 4, keys.length], at * PLACE_FIELDS);
      at += 1;
    }
  }
  outletStart[outlets.length] = at;
  return { outlets, outletStart, places, chunks, words };
}

/** The worker side: the term counts as views into the shared chunks, counted and ranked. */
export function runKeynessJob(job: KeynessJob): OutletKeyRows[] {
  const { outlets, outletStart, places, chunks } = job;
  const lists = outlets.map((_, o) => {
    const list: TermCounts[] = [];
    for (let a = outletStart[o]!; a < outletStart[o + 1]!; a++) {
      const p = a * PLACE_FIELDS;
      const length = places[p + 4]!;
      list.push({
        keys: new Float64Array(chunks[places[p]!]!, places[p + 1]! * 8, length),
        counts: new Uint32Array(chunks[places[p + 2]!]!, places[p + 3]! * 4, length),
      });
    }
    return list;
  });
  return rankKeynessOfOutlets(outlets, lists, job.words);
}
