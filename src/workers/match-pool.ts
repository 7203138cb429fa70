import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { analyzeArticle } from '../analyze/index.js';
import type { CompiledLexicon } from '../lexicon/index.js';
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

/**
 * Analyse every article, in worker threads when there are enough of them. The result does not
 * depend on the thread count: batches are reassembled in article order (tested in the CLI tests).
 */
export async function analyzeInParallel(
  articles: readonly Article[],
  bundle: LexiconBundle,
  lexicon: CompiledLexicon,
  threads: number,
  onProgress: (done: number) => void = () => undefined,
): Promise<Map<string, ArticleAnalysis>> {
  const workerUrl = new URL('./match-worker.js', import.meta.url);
  // Worker threads need the compiled .js module; from TypeScript sources (tests) run in-process.
  const canUseThreads = import.meta.url.endsWith('.js') && threads > 1 && articles.length >= MIN_ARTICLES_FOR_THREADS;
  if (!canUseThreads) return analyzeSequentially(articles, lexicon, onProgress);

  const batches: Pick<Article, 'id' | 'body' | 'lang' | 'headlineEnd'>[][] = [];
  for (let start = 0; start < articles.length; start += BATCH_SIZE) {
    batches.push(articles.slice(start, start + BATCH_SIZE).map(({ id, body, lang, headlineEnd }) => ({ id, body, lang, headlineEnd })));
  }
  const results: ArticleAnalysis[][] = new Array(batches.length);
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: Math.min(threads, batches.length) }, () => new Worker(workerUrl, { workerData: { bundle } }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = (): void => {
              if (next >= batches.length) {
                resolve();
                return;
              }
              const id = next++;
              worker.postMessage({ id, articles: batches[id] });
            };
            worker.on('message', (message: { id: number; analyses: ArticleAnalysis[] }) => {
              results[message.id] = message.analyses;
              done += message.analyses.length;
              onProgress(done);
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (code !== 0) reject(new Error(`match worker stopped with exit code ${code}`));
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  const analyses = new Map<string, ArticleAnalysis>();
  for (const batch of results) for (const analysis of batch) analyses.set(analysis.id, analysis);
  return analyses;
}

function analyzeSequentially(
  articles: readonly Article[],
  lexicon: CompiledLexicon,
  onProgress: (done: number) => void,
): Map<string, ArticleAnalysis> {
  const analyses = new Map<string, ArticleAnalysis>();
  for (const [index, article] of articles.entries()) {
    analyses.set(article.id, analyzeArticle(article, lexicon));
    onProgress(index + 1);
  }
  return analyses;
}
