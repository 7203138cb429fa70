/**
 * Matching with the incremental cache: reuse the cached analyses the lexicon edit cannot touch,
 * analyse the others afresh, and keep the cached clusters when no article's entities changed.
 */
import { analyzeArticle } from '../analyze/index.js';
import { compileLexicons } from '../lexicon/index.js';
import { lexiconSignature, type LexiconSignature } from '../lexicon/signature.js';
import type { ReadResult } from '../pipeline.js';
import { TermVocabulary } from '../text/terms.js';
import type { OutletKeyRows } from '../report/outlet-keyness.js';
import type { Article, ArticleAnalysis, EventCluster, LexiconBundle } from '../types.js';
import { matchInThreads, threadsWorthIt } from '../workers/match-pool.js';
import { articlesToReanalyse, cachedVocabulary, keepsCachedEntry, mergeAnalysis, sameEntities, type CachedAnalyses } from './analysis-cache.js';

/** Matching done before the pipeline's cluster and report stages. */
export interface Matched {
  analyses: Map<string, ArticleAnalysis>;
  vocabulary: TermVocabulary;
  /** Every distinct token norm (for the cache). */
  norms: string[];
  /** Clusters still valid from the cache, when no entity changed. */
  clusters?: EventCluster[];
  /**
   * The stamp of the cached analyses when their clusters entry is missing (an interrupted run, a
   * damaged file) but would still be valid: clusters made now can be stored under it, so the next
   * re-run does not cluster again.
   */
  clustersStampToRestore?: string;
  /** Key terms per outlet from the cache (valid whenever its analyses are: term counts never depend on a lexicon). */
  keyness?: OutletKeyRows[];
  ms: number;
  /** Articles analysed afresh (all of them on a cold run). */
  analysed: number;
  signature: LexiconSignature;
}

/**
 * Analyse `read`'s articles with `bundle`, reusing `cached` where the lexicon edit cannot have
 * changed anything. Without a usable cache (none, other articles, or changed cues) every article is
 * analysed: in `threads` worker threads when that pays, else here.
 */
export async function matchArticles(
  read: ReadResult,
  bundle: LexiconBundle,
  cached: CachedAnalyses | undefined,
  threads: number,
  onProgress: (done: number, total: number) => void,
  loadTermCounts: (cached: CachedAnalyses) => boolean = () => false,
): Promise<Matched> {
  const started = performance.now();
  const signature = lexiconSignature(bundle);
  const { articles } = read;
  const usable = cached !== undefined && cached.analyses.length === articles.length && cached.analyses.every((a, k) => a.id === articles[k]?.id);
  const plan = usable ? articlesToReanalyse(cached, signature) : { all: true, indices: [] };
  if (!usable || plan.all) {
    const fresh = await analyseAll(articles, bundle, threads, (done) => onProgress(done, articles.length));
    return { ...fresh, ...(usable ? { keyness: cached.keyness } : {}), ms: performance.now() - started, analysed: articles.length, signature };
  }

  const touched = plan.indices.map((index) => articles[index]!);
  const fresh = await analyseAll(touched, bundle, threads, (done) => onProgress(done, touched.length));
  const entitiesChanged = plan.indices.some((index) => !sameEntities(cached.analyses[index]!.entities, fresh.analyses.get(articles[index]!.id)!.entities));
  // Term counts are read only to cluster again or to store the analyses anew; otherwise their
  // entry stays on disk. Without it, the cached analyses cannot serve: analyse every article.
  const needsTermCounts = entitiesChanged || cached.clusters === undefined || !keepsCachedEntry(touched.length, articles.length);
  if (needsTermCounts && !loadTermCounts(cached)) {
    const all = await analyseAll(articles, bundle, threads, (done) => onProgress(done, articles.length));
    return { ...all, keyness: cached.keyness, ms: performance.now() - started, analysed: articles.length, signature };
  }
  const analyses = new Map<string, ArticleAnalysis>();
  cached.analyses.forEach((analysis) => analyses.set(analysis.id, analysis));
  for (const article of touched) analyses.set(article.id, mergeAnalysis(analyses.get(article.id)!, fresh.analyses.get(article.id)!));
  return {
    analyses,
    vocabulary: cachedVocabulary(cached),
    norms: cached.norms,
    ...(entitiesChanged ? {} : cached.clusters ? { clusters: cached.clusters } : { clustersStampToRestore: cached.stamp }),
    keyness: cached.keyness,
    ms: performance.now() - started,
    analysed: touched.length,
    signature,
  };
}

async function analyseAll(
  articles: readonly Article[],
  bundle: LexiconBundle,
  threads: number,
  onProgress: (done: number) => void,
): Promise<{ analyses: Map<string, ArticleAnalysis>; vocabulary: TermVocabulary; norms: string[] }> {
  if (threadsWorthIt(articles.length, threads)) return matchInThreads(articles, bundle, threads, onProgress);
  const lexicon = compileLexicons(bundle);
  const vocabulary = new TermVocabulary();
  const analyses = new Map<string, ArticleAnalysis>();
  for (const [index, article] of articles.entries()) {
    const analysis = analyzeArticle(article, lexicon, vocabulary);
    // A hit's `matched` text is a slice of the body, and V8 keeps the whole parent of a sliced
    // string alive: copied, so the CLI can let the bodies go before clustering (releaseTexts in
    // src/commands/analyze.ts). Replies from worker threads are copies already.
    for (const match of analysis.matches) match.matched = Buffer.from(match.matched).toString();
    analyses.set(article.id, analysis);
    onProgress(index + 1);
  }
  return { analyses, vocabulary, norms: vocabulary.norms };
}
