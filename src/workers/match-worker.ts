import { parentPort, workerData } from 'node:worker_threads';
import { analyzeArticle } from '../analyze/index.js';
import { compileLexicons } from '../lexicon/index.js';
import type { Article, ArticleAnalysis, LexiconBundle } from '../types.js';

/** A worker thread of the match pool: compiles the lexicon once, then analyses batches. */
const lexicon = compileLexicons((workerData as { bundle: LexiconBundle }).bundle);

parentPort?.on('message', (batch: { id: number; articles: Pick<Article, 'id' | 'body' | 'lang' | 'headlineEnd'>[] }) => {
  const analyses: ArticleAnalysis[] = batch.articles.map((article) => analyzeArticle(article, lexicon));
  parentPort?.postMessage({ id: batch.id, analyses });
});
