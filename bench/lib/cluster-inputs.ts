/**
 * The event-clustering benchmark's inputs: a corpus read and matched by the real pipeline, reduced
 * to exactly what `src/pipeline.ts` passes to `clusterArticles` (latest versions only), plus each
 * latest article's text for the scikit-learn side of the comparison.
 */
import { analyzeArticle } from '../../src/analyze/index.js';
import type { ClusterInput } from '../../src/cluster/index.js';
import { loadOutlets, readCorpus } from '../../src/commands/analyze.js';
import { compileLexicons, loadLexiconBundle } from '../../src/lexicon/index.js';
import { bundledLexiconDir } from '../../src/paths.js';
import { clusterInputsOf, readArticles } from '../../src/pipeline.js';
import { TermVocabulary } from '../../src/text/terms.js';
import type { Article, ArticleAnalysis } from '../../src/types.js';
import { defaultThreads, matchInThreads, threadsWorthIt } from '../../src/workers/match-pool.js';

/** What `clusterArticles(docs, vocabulary)` needs: the documents and the words their term keys index. */
export interface ClusterInputs {
  docs: ClusterInput[];
  /** `TermVocabulary.words` of the run: word per id. */
  words: string[];
}

/** A latest article's cleaned text, one JSONL line for `bench/sklearn_similarity.py`. */
export interface ClusterText {
  id: string;
  date: string;
  lang: string;
  text: string;
}

export interface BuildOptions {
  /** Lexicon folder (default: the bundled one, as `framescope analyze` uses). */
  lexiconDir?: string;
  /** Matching threads (default: as `analyze`, one per core, at most 4). */
  threads?: number;
}

/** The latest versions' texts (the cleaned body every analysis reads). */
export function selectClusterTexts(articles: readonly Article[]): ClusterText[] {
  return articles.filter((article) => article.isLatest).map(({ id, date, lang, body }) => ({ id, date, lang, text: body }));
}

/**
 * Read, parse, clean and match a corpus folder with the real pipeline (`readCorpus`,
 * `readArticles`, then `matchInThreads` or `analyzeArticle` with one `TermVocabulary`, exactly as
 * `framescope analyze` chooses), and keep what clustering sees. Every version is matched, as in a
 * run, so the vocabulary's ids are the ones a run gives.
 */
export async function buildClusterInputs(corpusDir: string, options: BuildOptions = {}): Promise<{ inputs: ClusterInputs; texts: ClusterText[] }> {
  const lexiconDir = options.lexiconDir ?? bundledLexiconDir();
  const read = readArticles(readCorpus([corpusDir], []), loadOutlets(lexiconDir));
  const bundle = loadLexiconBundle(lexiconDir);
  const threads = options.threads ?? defaultThreads();
  let matched: { analyses: Map<string, ArticleAnalysis>; vocabulary: TermVocabulary };
  if (threadsWorthIt(read.articles.length, threads)) {
    matched = await matchInThreads(read.articles, bundle, threads);
  } else {
    const lexicon = compileLexicons(bundle);
    const vocabulary = new TermVocabulary();
    const analyses = new Map(read.articles.map((article) => [article.id, analyzeArticle(article, lexicon, vocabulary)] as const));
    matched = { analyses, vocabulary };
  }
  return {
    inputs: { docs: clusterInputsOf(read.articles, matched.analyses), words: matched.vocabulary.words },
    texts: selectClusterTexts(read.articles),
  };
}

/** A vocabulary whose ids are the indices of `words` (as the run that made them gave them). */
export function vocabularyOf(words: readonly string[]): TermVocabulary {
  const vocabulary = new TermVocabulary();
  for (const [id, word] of words.entries()) {
    if (vocabulary.intern(word) !== id) throw new Error(`cluster inputs: word "${word}" appears twice in the vocabulary`);
  }
  return vocabulary;
}
