import { analyzeArticle } from './analyze/index.js';
import { clusterArticles } from './cluster/index.js';
import type { ClusterInput } from './cluster/index.js';
import { cleanCorpus, diffVersions, parseInput, parseManifest } from './ingest/index.js';
import { compileLexicons } from './lexicon/index.js';
import type { CompiledLexicon } from './lexicon/index.js';
import { MemorySink, writeReport } from './report/index.js';
import type { OutletKeyRows, OutputSink } from './report/index.js';
import { TermVocabulary } from './text/terms.js';
import type {
  Article,
  ArticleAnalysis,
  EventCluster,
  InputFile,
  LexiconBundle,
  MetaHints,
  OutletAlias,
  ParsedDoc,
  Skipped,
  TermCounts,
  VersionChange,
} from './types.js';

/** Stages reported to a progress callback, in pipeline order. */
export type Stage = 'read' | 'parse' | 'clean' | 'match' | 'cluster' | 'report';

export interface AnalyzeOptions {
  /** `--map field=column` for JSONL/CSV records. */
  map?: Record<string, string>;
  bom?: boolean;
  /** Seed of the bootstrap intervals (default 1). */
  seed?: number;
  /** Threads for the parts that use them (clustering's neighbour search here; default 1). */
  threads?: number;
  onProgress?: (stage: Stage, done: number, total: number) => void;
}

/** Everything one run produced, before it is written. */
export interface AnalysisResult {
  articles: Article[];
  analyses: Map<string, ArticleAnalysis>;
  /** Spells out the `termCounts` keys of every analysis. */
  vocabulary: TermVocabulary;
  clusters: EventCluster[];
  versionChanges: VersionChange[];
  skipped: Skipped[];
  /** Inputs counted as CONTRACT.md says: analysed + skipped (records count one each). */
  inputs: number;
  timings: Record<Stage, number>;
  /** Key terms per outlet when computed before the report (the CLI does, to cache them); else the report computes them. */
  keyness?: OutletKeyRows[];
}

export interface CorpusInput {
  files: InputFile[];
  manifests: InputFile[];
  /** Inputs already lost before parsing (missing paths, unreadable files). */
  skipped: Skipped[];
}

/** The articles of a corpus after parsing and cleaning, with everything that was lost on the way. */
export interface ReadResult {
  articles: Article[];
  skipped: Skipped[];
  /** Inputs counted as CONTRACT.md says: analysed + skipped (records count one each). */
  inputs: number;
  timings: Pick<Record<Stage, number>, 'parse' | 'clean'>;
}

/**
 * The whole analysis as a pure function of its inputs (I/O stays in the CLI):
 * parse → clean → match → diff versions → cluster latest versions.
 */
export function analyzeCorpus(
  corpus: CorpusInput,
  bundle: LexiconBundle,
  outlets: OutletAlias[],
  options: AnalyzeOptions = {},
): AnalysisResult {
  return analyzeArticles(readArticles(corpus, outlets, options), bundle, options);
}

/** Parse every input and clean the corpus: the part of a run that lexicon edits do not change. */
export function readArticles(corpus: CorpusInput, outlets: OutletAlias[], options: AnalyzeOptions = {}): ReadResult {
  const progress = options.onProgress ?? (() => undefined);
  const started = performance.now();
  const parsed = corpus.files.map((file, index) => {
    const result = parseInput(file, options.map ? { map: options.map } : {});
    progress('parse', index + 1, corpus.files.length);
    return result;
  });
  return cleanParsed(corpus, parsed, outlets, performance.now() - started);
}

/**
 * The second half of `readArticles`, for callers that parsed the files elsewhere (the CLI's
 * worker threads, src/workers/parse-pool.ts): `parsed[i]` is `corpus.files[i]` parsed, and
 * `parseMs` the time it took.
 */
export function cleanParsed(
  corpus: CorpusInput,
  parsed: readonly { docs: ParsedDoc[]; skipped: Skipped[] }[],
  outlets: OutletAlias[],
  parseMs: number,
): ReadResult {
  const skipped: Skipped[] = [...corpus.skipped];
  const docs: ParsedDoc[] = [];
  corpus.files.forEach((file, index) => {
    const result = parsed[index];
    if (result === undefined || result.docs.length + result.skipped.length === 0) {
      throw new Error(`internal: ${file.path} gave neither an article nor a skip reason`);
    }
    for (const doc of result.docs) docs.push(doc);
    for (const item of result.skipped) skipped.push(item);
  });

  const started = performance.now();
  const cleaned = cleanCorpus(docs, outlets, mergeManifests(corpus.manifests));
  skipped.push(...cleaned.skipped);
  assertNothingLost(docs, cleaned.articles, cleaned.skipped);
  const clean = performance.now() - started;
  return { articles: cleaned.articles, skipped, inputs: countInputs(cleaned.articles, skipped), timings: { parse: parseMs, clean } };
}

/** Match, diff versions and cluster: everything after cleaning. */
function analyzeArticles(read: ReadResult, bundle: LexiconBundle, options: AnalyzeOptions = {}): AnalysisResult {
  const timings = { read: 0, parse: read.timings.parse, clean: read.timings.clean, match: 0, cluster: 0, report: 0 } satisfies Record<Stage, number>;
  const progress = options.onProgress ?? (() => undefined);
  const { articles } = read;

  let started = performance.now();
  // One vocabulary for the run: term counts of every article are ids into it (keyness, clusters).
  const vocabulary = new TermVocabulary();
  const analyses = matchArticles(articles, compileLexicons(bundle), vocabulary, (done) => progress('match', done, articles.length));
  timings.match = performance.now() - started;

  started = performance.now();
  const versionChanges = diffVersions(articles);
  const clusters = clusterArticles(clusterInputsOf(articles, analyses), vocabulary, { threads: options.threads ?? 1 });
  timings.cluster = performance.now() - started;
  progress('cluster', 1, 1);

  return { articles, analyses, vocabulary, clusters, versionChanges, skipped: read.skipped, inputs: read.inputs, timings };
}

function matchArticles(
  articles: readonly Article[],
  lexicon: CompiledLexicon,
  vocabulary: TermVocabulary,
  onArticle: (done: number) => void,
): Map<string, ArticleAnalysis> {
  const analyses = new Map<string, ArticleAnalysis>();
  for (const [index, article] of articles.entries()) {
    analyses.set(article.id, analyzeArticle(article, lexicon, vocabulary));
    onArticle(index + 1);
  }
  return analyses;
}

/**
 * Inputs = analysed + skipped (CONTRACT.md), checked on every run: each parsed document must come
 * out of cleaning as an article or as a skipped input. A breach is a bug, so it is an internal error.
 */
export function assertNothingLost(parsed: readonly ParsedDoc[], articles: readonly Article[], skipped: readonly Skipped[]): void {
  const accounted = new Set<string>();
  for (const article of articles) accounted.add(article.source);
  for (const item of skipped) accounted.add(item.source);
  const lost = parsed.filter((doc) => !accounted.has(doc.source));
  if (lost.length > 0) {
    const names = lost.slice(0, 5).map((doc) => doc.source).join(', ');
    throw new Error(`internal: ${lost.length} input(s) neither analysed nor skipped: ${names}`);
  }
}

/** Later manifests win for the same file key; each manifest is a CSV `file,outlet,date,url,lang`. */
function mergeManifests(files: readonly InputFile[]): Map<string, MetaHints> {
  const merged = new Map<string, MetaHints>();
  for (const file of files) {
    for (const [key, hints] of parseManifest(file)) merged.set(key, hints);
  }
  return merged;
}

/**
 * Inputs = analysed + skipped (CONTRACT.md). An analysed input is a story (a version table is
 * one input giving several article versions), so count distinct stories, not versions.
 */
function countInputs(articles: readonly Article[], skipped: readonly Skipped[]): number {
  const stories = new Set(articles.map((article) => article.storyId));
  return stories.size + skipped.length;
}

/** Term counts of nothing (an article without an analysis; analyses whose counts were let go). */
export const NO_TERMS: TermCounts = { keys: new Float64Array(0), counts: new Uint32Array(0) };

/**
 * What event clustering reads of a run: the latest version of every story, with its content-term
 * counts and entities (an article without an analysis gets none).
 */
export function clusterInputsOf(articles: readonly Article[], analyses: ReadonlyMap<string, ArticleAnalysis>): ClusterInput[] {
  return articles
    .filter((article) => article.isLatest)
    .map((article) => {
      const analysis = analyses.get(article.id);
      return { id: article.id, date: article.date, lang: article.lang, termCounts: analysis?.termCounts ?? NO_TERMS, entities: analysis?.entities ?? [] };
    });
}

/** Provenance written at the top of report.md (the input count is taken from the result). */
export interface ReportProvenance {
  tool: string;
  version: string;
  options: Record<string, string | number | boolean | string[]>;
}

/** Stream every output file of a run into `sink` (run.json is added by the caller with timings). */
export async function writeOutputs(
  result: AnalysisResult,
  bundle: LexiconBundle,
  provenance: ReportProvenance,
  options: { bom: boolean; seed?: number },
  sink: OutputSink,
): Promise<void> {
  await writeReport(
    {
      articles: result.articles,
      analyses: result.analyses,
      vocabulary: result.vocabulary,
      clusters: result.clusters,
      versionChanges: result.versionChanges,
      skipped: result.skipped,
      bundle,
      provenance: { ...provenance, inputs: result.inputs },
      bom: options.bom,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(result.keyness === undefined ? {} : { keyness: result.keyness }),
    },
    sink,
  );
}

/** Build every output file of a run in memory: name → content (pure; run.json is added by the caller). */
export async function renderOutputs(
  result: AnalysisResult,
  bundle: LexiconBundle,
  provenance: ReportProvenance,
  options: { bom: boolean; seed?: number },
): Promise<Map<string, string>> {
  const sink = new MemorySink();
  await writeOutputs(result, bundle, provenance, options, sink);
  return sink.files;
}
