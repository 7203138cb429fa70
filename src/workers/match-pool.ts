import { availableParallelism } from 'node:os';
import { remapTermCounts, TermVocabulary, WordIdTranslation } from '../text/terms.js';
import type { Article, ArticleAnalysis, LexiconBundle } from '../types.js';
import { runBatches } from './pool.js';
import { TermCountArena } from '../text/term-count-arena.js';
import { shareLabels } from '../analyze/share-labels.js';

/** What a match worker gets: the parts of articles that matching reads. */
export type MatchBatch = Pick<Article, 'id' | 'body' | 'lang' | 'headlineEnd'>[];

/**
 * What a match worker answers: analyses over its own vocabulary, with the words and norms it added
 * since its last reply. The matches' sentences come as `[start, end)` offsets into the article's
 * body (`sentences[i]` for `analyses[i]`, the `sentence` fields empty): cut here from this
 * thread's own body, a sentence shares the body's memory instead of being a copy (~26 M
 * characters for the 254k matches of the 50k benchmark corpus).
 */
export interface MatchReply {
  analyses: ArticleAnalysis[];
  sentences: Int32Array[];
  newWords: string[];
  newNorms: string[];
}

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
 * thread: batches come back in any order, but their term ids are mapped into one run vocabulary
 * batch by batch in article order, each as soon as the batches before it are in.
 */
export async function matchInThreads(
  articles: readonly Article[],
  bundle: LexiconBundle,
  threads: number,
  onProgress: (done: number) => void = () => undefined,
): Promise<MatchResult> {
  const batches: MatchBatch[] = [];
  for (let start = 0; start < articles.length; start += BATCH_SIZE) {
    batches.push(articles.slice(start, start + BATCH_SIZE).map(({ id, body, lang, headlineEnd }) => ({ id, body, lang, headlineEnd })));
  }
  const results: ({ analyses: ArticleAnalysis[]; sentences: Int32Array[]; worker: number } | undefined)[] = new Array(batches.length);
  const workerWords: string[][] = [];
  const vocabulary = new TermVocabulary();
  const translations: WordIdTranslation[] = [];
  const analyses = new Map<string, ArticleAnalysis>();
  const norms = new Set<string>();
  const labels = new Map<string, string>();
  // Large chunks rather than two small arrays per article: freed after clustering has vectorised
  // them, they go back to the system (src/text/term-count-arena.ts).
  const termCounts = new TermCountArena();
  let done = 0;
  let remapped = 0;
  // Map term ids into the run vocabulary batch by batch in batch order (so ids do not depend on
  // which thread finished first), as soon as the next batch in order is there: holding every
  // raw result until the end doubled the memory of this stage.
  const remapReady = (): void => {
    for (let batch = results[remapped]; batch !== undefined; batch = results[remapped]) {
      const translation = (translations[batch.worker] ??= new WordIdTranslation(workerWords[batch.worker] ?? [], vocabulary));
      const bodies = batches[remapped]!;
      for (const [i, analysis] of batch.analyses.entries()) {
        restoreSentences(analysis, bodies[i]!.body, batch.sentences[i]!);
        shareLabels(analysis, labels);
        analyses.set(analysis.id, { ...analysis, termCounts: termCounts.add(remapTermCounts(analysis.termCounts, translation)) });
      }
      results[remapped] = undefined;
      remapped += 1;
    }
  };
  await runBatches<MatchBatch, MatchReply>(new URL('./match-worker.js', import.meta.url), { bundle }, batches, threads, (id, reply, worker) => {
    const words = (workerWords[worker] ??= []);
    for (const word of reply.newWords) words.push(word);
    for (const norm of reply.newNorms) norms.add(norm);
    if (reply.analyses.length !== batches[id]!.length || reply.sentences.length !== reply.analyses.length) throw new Error(`internal: match batch ${id} came back with ${reply.analyses.length} analyses for ${batches[id]!.length} articles`);
    results[id] = { analyses: reply.analyses, sentences: reply.sentences, worker };
    remapReady();
    done += reply.analyses.length;
    onProgress(done);
  });
  if (remapped !== batches.length) throw new Error(`internal: ${batches.length - remapped} match batches never came back`);
  return { analyses, vocabulary, norms: [...norms] };
}

/** Cut each match's sentence from `body` at the offsets the worker sent. */
function restoreSentences(analysis: ArticleAnalysis, body: string, bounds: Int32Array): void {
  if (bounds.length !== 2 * analysis.matches.length) throw new Error(`internal: article ${analysis.id} came back with ${bounds.length / 2} sentences for ${analysis.matches.length} matches`);
  analysis.matches.forEach((match, m) => {
    match.sentence = body.slice(bounds[2 * m], bounds[2 * m + 1]);
  });
}
