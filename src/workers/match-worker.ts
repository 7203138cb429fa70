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
  const sentences = analyses.map((analysis, i) => sentenceBounds(analysis, articles[i]!.body));
  const newWords = vocabulary.words.slice(wordsSent);
  wordsSent = vocabulary.words.length;
  const newNorms = vocabulary.norms.slice(normsSent);
  normsSent = vocabulary.norms.length;
  return { analyses, sentences, newWords, newNorms };
});

/**
 * Where each match's sentence lies in the body, as `[start, end)` pairs, with the sentences
 * emptied: the main thread cuts them from its own copy of the body (src/workers/match-pool.ts).
 */
function sentenceBounds(analysis: ArticleAnalysis, body: string): Int32Array {
  const bounds = new Int32Array(2 * analysis.matches.length);
  analysis.matches.forEach((match, m) => {
    const at = sentenceStart(body, match.sentence, match.start);
    bounds[2 * m] = at;
    bounds[2 * m + 1] = at + match.sentence.length;
    match.sentence = '';
  });
  return bounds;
}

/** The offset of `sentence` in `body`: it is a slice of the body that holds the hit at `hitStart`. */
function sentenceStart(body: string, sentence: string, hitStart: number): number {
  // The slice starts at or before the hit and ends after it: search back from the hit.
  const at = body.lastIndexOf(sentence, hitStart);
  if (at < 0 || at + sentence.length <= hitStart) throw new Error('internal: a match sentence is not a slice of its body around the hit');
  return at;
}
