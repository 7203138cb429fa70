import { workerData } from 'node:worker_threads';
import { analyzeArticle } from '../analyze/index.js';
import { compileLexicons } from '../lexicon/index.js';
import { TermVocabulary } from '../text/terms.js';
import type { ArticleAnalysis, LexiconBundle } from '../types.js';
import type { MatchBatch, MatchReply } from './match-pool.js';
import { serveBatches } from './serve.js';

/**
 * A worker thread of the match pool: compiles the lexicon once, then analyses batches. Term
 * counts are ids into this worker's own vocabulary; each reply carries the words added since the
 * last one, so the main thread can map the ids into the run's vocabulary (src/workers/match-pool.ts).
 */
const lexicon = compileLexicons((workerData as { bundle: LexiconBundle }).bundle);
const vocabulary = new TermVocabulary();
let wordsSent = 0;
let normsSent = 0;

serveBatches((articles: MatchBatch): MatchReply => {
  const analyses: ArticleAnalysis[] = articles.map((article) => analyzeArticle(article, lexicon, vocabulary));
  const newWords = vocabulary.words.slice(wordsSent);
  wordsSent = vocabulary.words.length;
  const newNorms = vocabulary.norms.slice(normsSent);
  normsSent = vocabulary.norms.length;
  return { analyses, newWords, newNorms };
});
