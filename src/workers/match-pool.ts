import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { remapTermCounts, TermVocabulary, WordIdTranslation } from '../text/terms.js';
import type { Article, ArticleAnalysis, LexiconBundle } from '../types.js';

/**
 * Articles per message: large enough that cloning overhead is small next to the matching
 * work, small enough that both threads stay busy to the end of a run.
 */
const BATCH_SIZE = 250;
/** Below this many articles, starting threads costs more than it saves. */
const MIN_ARTICLES_FOR_THREADS = 1500;

/** How many threads `analyze` uses by default: one per core, at most 4 (memory per thread). */
export function defaultThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** Analyses keyed by article id, with the vocabulary their term counts index. */
export interface MatchResult {
  analyses: Map<string, ArticleAnalysis>;
  vocabulary: TermVocabulary;
  /** Every distinct token norm of the articles (any order). */
  norms: string[];
}

/** Whether `matchInThreads` would use threads for this many articles (else the caller matches in-process). */
export function threadsWorthIt(articleCount: number, threads: number): boolean {
  // Worker threads need the compiled .js module; from TypeScript sources (tests) run in-process.
  return import.meta.url.endsWith('.js') && threads > 1 && articleCount >= MIN_ARTICLES_FOR_THREADS;
}

/**
 * Analyse every article in `threads` worker threads. The result is the same as matching in one
 * thread: batches come back in any order, but are put in article order and their term ids are
 * mapped into one run vocabulary batch by batch in that order, after all threads are done.
 */
export async function matchInThreads(
  articles: readonly Article[],
  bundle: LexiconBundle,
  threads: number,
  onProgress: (done: number) => void = () => undefined,
): Promise<MatchResult> {
  const workerUrl = new URL('./match-worker.js', import.meta.url);
  const batches: Pick<Article, 'id' | 'body' | 'lang' | 'headlineEnd'>[][] = [];
  for (let start = 0; start < articles.length; start += BATCH_SIZE) {
    batches.push(articles.slice(start, start + BATCH_SIZE).map(({ id, body, lang, headlineEnd }) => ({ id, body, lang, headlineEnd })));
  }
  const results: ({ analyses: ArticleAnalysis[]; worker: number } | undefined)[] = new Array(batches.length);
  const workerWords: string[][] = [];
  const vocabulary = new TermVocabulary();
  const translations: WordIdTranslation[] = [];
  const analyses = new Map<string, ArticleAnalysis>();
  const norms = new Set<string>();
  let next = 0;
  let done = 0;
  let remapped = 0;
  // Map term ids into the run vocabulary batch by batch in batch order (so ids do not depend on
  // which thread finished first), as soon as the next batch in order is there: holding every
  // raw result until the end doubled the memory of this stage.
  const remapReady = (): void => {
    for (let batch = results[remapped]; batch !== undefined; batch = results[remapped]) {
      const translation = (translations[batch.worker] ??= new WordIdTranslation(workerWords[batch.worker] ?? [], vocabulary));
      for (const analysis of batch.analyses) {
        analyses.set(analysis.id, { ...analysis, termCounts: remapTermCounts(analysis.termCounts, translation) });
      }
      results[remapped] = undefined;
      remapped += 1;
    }
  };
  const workers = Array.from({ length: Math.min(threads, batches.length) }, () => new Worker(workerUrl, { workerData: { bundle } }));
  try {
    await Promise.all(
      workers.map(
        (worker, index) =>
          new Promise<void>((resolve, reject) => {
            const words: string[] = [];
            workerWords[index] = words;
            let inFlight = 0;
            const send = (): void => {
              if (next >= batches.length) {
                if (inFlight === 0) resolve();
                return;
              }
              const id = next++;
              inFlight += 1;
              worker.postMessage({ id, articles: batches[id] });
            };
            worker.on('message', (message: { id: number; analyses: ArticleAnalysis[]; newWords: string[]; newNorms: string[] }) => {
              for (const word of message.newWords) words.push(word);
              for (const norm of message.newNorms) norms.add(norm);
              inFlight -= 1;
              results[message.id] = { analyses: message.analyses, worker: index };
              remapReady();
              done += message.analyses.length;
              onProgress(done);
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (code !== 0) reject(new Error(`match worker stopped with exit code ${code}`));
            });
            // Two batches queued per worker, so it starts the next one while this thread takes
            // in the last reply instead of waiting for it.
            send();
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  if (remapped !== batches.length) throw new Error(`internal: ${batches.length - remapped} match batches never came back`);
  return { analyses, vocabulary, norms: [...norms] };
}
