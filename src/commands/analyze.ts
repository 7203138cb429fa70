import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { diffVersions, parseOutletsYaml } from '../ingest/index.js';
import { collectInputs, readInput, type CollectedInputs } from '../io/collect-inputs.js';
import { checkOutDir, RUN_MANIFEST, writeOutputsAtomically } from '../io/write-outputs.js';
import { writeOutput } from '../report/output-sink.js';
import { attachRemovedLines, loadCachedRead, readCacheKey, storeCachedRead } from '../cache/read-cache.js';
import { copyOutputCopy, outputCopyIsWhole, storeOutputCopy } from '../cache/output-copy.js';
import { cleanParsed, clusterInputsOf, NO_TERMS, readArticles } from '../pipeline.js';
import { ARTICLES_JSONL, beginReport } from '../report/index.js';
import type { OutletKeyRows, ReportInput } from '../report/index.js';
import { renderSpecs } from '../report/charts.js';
import { intervalsMemo, memoizedCharts } from '../cache/report-memo.js';
import { clusterVectors, vectorizeForClustering } from '../cluster/index.js';
import { parseInThreads, parseThreadsWorthIt } from '../workers/parse-pool.js';
import { keepsCachedEntry, lacksTermCounts, loadCachedAnalyses, loadCachedTermCounts, storeCachedAnalyses, storeCachedClusters, storeCachedKeyness } from '../cache/analysis-cache.js';
import { codeFingerprint } from '../cache/code-fingerprint.js';
import { matchArticles, type Matched } from '../cache/incremental.js';
import type { AnalyzeOptions, CorpusInput, ReadResult, Stage } from '../pipeline.js';
import type { TermVocabulary } from '../text/terms.js';
import type { Article, ArticleAnalysis, EventCluster, InputFile, LexiconBundle, OutletAlias, Skipped, VersionChange } from '../types.js';
import { toolVersion } from '../paths.js';
import { boundHeapGrowth, collectGarbage, HEAP_GROWING_PERCENT_CACHED } from '../heap.js';
import { chartThread, type ChartThread } from '../workers/chart-thread.js';
import { rankOutletKeynessInThread } from '../workers/keyness-thread.js';
import { loadLexiconsInThread } from '../workers/lexicon-thread.js';
import type { ProgressReporter } from './progress.js';

export interface AnalyzeCommandOptions {
  paths: string[];
  out: string;
  lexiconDir: string;
  /** How the lexicon folder is named in provenance: as given, or `bundled` (no machine paths). */
  lexiconLabel: string;
  manifests: string[];
  map: Record<string, string>;
  bom: boolean;
  force: boolean;
  seed: number;
  /** Folder of the parse+clean cache, or null for `--no-cache`. */
  cacheDir: string | null;
  /** Worker threads for parsing, matching and clustering (1: all in this thread). */
  threads: number;
}

export interface CommandIo {
  stderr: (line: string) => void;
  progress: ProgressReporter;
}

/**
 * `framescope analyze`: read, analyse and write one report folder.
 * Returns the exit code (CONTRACT.md): 0 when at least one article was analysed, 1 when none.
 */
export async function runAnalyze(options: AnalyzeCommandOptions, io: CommandIo): Promise<0 | 1> {
  // A cache is an optimisation: one that cannot be used costs time, never the run (README).
  if (options.cacheDir !== null && existsSync(options.cacheDir) && !statSync(options.cacheDir).isDirectory()) {
    io.stderr(`framescope: the cache folder ${options.cacheDir} is not a folder; running without the cache (--cache-dir names another)`);
    options = { ...options, cacheDir: null };
  }
  const charts = chartThread(options.threads);
  try {
    return await analyzeAndReport(options, io, charts);
  } finally {
    await charts?.close();
  }
}

/** `runAnalyze`, with the charts rendered by `charts` (when undefined: in this thread). */
async function analyzeAndReport(options: AnalyzeCommandOptions, io: CommandIo, charts: ChartThread | undefined): Promise<0 | 1> {
  checkOutDir(options.out, options.force, [...options.paths, ...options.manifests]);
  const collecting = performance.now();
  const collected = collectInputs(options.paths);
  const collectMs = performance.now() - collecting;
  const small = collected.bytes < SMALL_CORPUS_BYTES;
  // In a worker thread while the inputs are read; awaited before parsing (a lexicon error shows
  // before the long stages) or, on a re-run, before matching (src/workers/lexicon-thread.ts). A
  // small corpus is read (or loaded from the cache) before the thread could answer (~0.8 s,
  // starting the thread included, against ~0.4 s here): its lexicons load in this thread.
  const lexicons = loadLexiconsInThread(options.lexiconDir, small ? 1 : options.threads);
  lexicons.catch(() => undefined);
  // Vega loads in the chart thread from the start of a small run (its memory does not matter
  // there): the report asked for the charts before it was loaded (src/workers/chart-thread.ts).
  if (small) charts?.warm();
  const timings: Record<string, number> = {};
  const pipelineOptions: AnalyzeOptions = {
    map: options.map,
    bom: options.bom,
    seed: options.seed,
    onProgress: (stage: Stage, done, total) => io.progress.update(stage, done, total),
  };
  let stage: Awaited<ReturnType<typeof readStage>>;
  try {
    const outletsText = readOutletsText(options.lexiconDir);
    const outlets = outletsText === '' ? [] : parseOutletsYaml(outletsText, join(options.lexiconDir, 'outlets.yaml'));
    stage = await readStage(options, collected, outlets, outletsText, pipelineOptions, timings, lexicons);
    timings['read'] = (timings['read'] ?? 0) + collectMs;
  } catch (error) {
    // The lexicons' problems come first, as when they were loaded before anything else (an
    // `outlets.yaml` or `--manifest` error waits for them).
    await lexicons;
    throw error;
  }
  const { read, cache, cacheKey, noInputFiles, articlesJsonlKept, removedLinesInCache } = stage;
  // Reading leaves the garbage of parsing and cleaning (~250 MB of a ~500 MB heap at 50k
  // articles); from here on the heap is kept close to what is live (src/heap.ts) — less close on
  // a run from the cache, which loads its analyses in large steps and peaks lower.
  collectGarbage();
  boundHeapGrowth(cache === 'hit' ? HEAP_GROWING_PERCENT_CACHED : undefined);
  const bundle = await lexicons;
  // A re-run: vega loads in the chart thread while the analyses load and matching runs.
  if (cache === 'hit') charts?.warm();
  const { articles, skipped, inputs } = read;
  const unreadDates = countUnreadDates(articles);
  for (const stage of ['parse', 'clean'] as const) if (read.timings[stage] > 0) timings[stage] = read.timings[stage];
  const matched = await matchStage(options, read, bundle, cache, cacheKey, timings, io);
  const { analyses, vocabulary, keyness, versionChanges } = matched;
  // Listed now rather than after the report: a long run shows what it could not read early.
  io.progress.done();
  for (const item of skipped) io.stderr(`skipped ${item.source}: ${item.reason}`);
  if (articles.length === 0) {
    const named = noInputFiles ? ` (no input files found in ${options.paths.join(', ')})` : '';
    io.stderr(`framescope: nothing could be analysed${named}; no report written`);
    return 1;
  }

  const provenance = { tool: 'framescope', version: toolVersion(), options: provenanceOf(options) };
  // The report streams straight into the staging folder (`report` times building and writing).
  // The files that read article text are written first; the text is then let go, and the run
  // clusters with ~250 MB less held at 50k articles (`beginReport`, src/report/index.ts).
  // run.json goes last because it holds the timings.
  await writeOutputsAtomically(options.out, async (sink) => {
    io.progress.update('report', 0, 1);
    let started = performance.now();
    // articles.jsonl depends on the parsed and cleaned articles alone: when they came from the
    // cache, so can the file (src/cache/output-copy.ts).
    const { cacheDir } = options;
    const articlesJsonlPlaced =
      articlesJsonlKept && cacheDir !== null && (sink.placeFile?.(ARTICLES_JSONL, (path) => copyOutputCopy(cacheDir, cacheKey, ARTICLES_JSONL, path)) ?? false);
    // Written afresh, the file needs the removed lines left in the cache: those of a cold run,
    // let go once stored, or of a re-run whose kept copy could not be placed (a full disk, say).
    if (removedLinesInCache && !articlesJsonlPlaced && !(cacheDir !== null && attachRemovedLines(cacheDir, cacheKey, articles))) {
      throw new Error(`cache entry ${cacheKey.slice(0, 12)} in ${cacheDir ?? ''}: the removed lines kept for articles.jsonl are gone; run again, or with --no-cache`);
    }
    const report = await beginReport(
      { articles, analyses, vocabulary, versionChanges, skipped, bundle, provenance: { ...provenance, inputs }, bom: options.bom, seed: options.seed, keyness, threads: options.threads, articlesJsonlPlaced, ...reportMemos(cacheDir, cacheKey, charts) },
      sink,
    );
    timings['report'] = (timings['report'] ?? 0) + performance.now() - started;
    // Copied beside clustering (src/cache/output-copy.ts), awaited before run.json: the staging
    // folder must still hold the file, and `cache_store` counts the time the run waited for it.
    const outputCopyStored = cacheDir !== null && !articlesJsonlPlaced && sink.pathOf ? storeOutputCopy(cacheDir, cacheKey, ARTICLES_JSONL, sink.pathOf(ARTICLES_JSONL)) : undefined;
    releaseTexts(articles, analyses.values());
    // The text just let go and what writing the tables left (~300 MB at 50k articles) would still
    // be held when vectorising, or on a re-run the rest of the report, reaches the run's peak.
    collectGarbage();

    io.progress.update('cluster', 0, 1);
    started = performance.now();
    const clusters = matched.cachedClusters ?? clusterReleasingTermCounts(articles, analyses, vocabulary, options.threads);
    timings['cluster'] = (timings['cluster'] ?? 0) + performance.now() - started;
    if (options.cacheDir !== null && matched.clustersStamp !== undefined) {
      started = performance.now();
      storeCachedClusters(options.cacheDir, cacheKey, matched.clustersStamp, clusters);
      timings['cache_store'] = (timings['cache_store'] ?? 0) + performance.now() - started;
    }

    io.progress.update('report', 0, 1);
    started = performance.now();
    await report.finish(clusters);
    timings['report'] += performance.now() - started;
    if (outputCopyStored !== undefined) {
      started = performance.now();
      await outputCopyStored;
      timings['cache_store'] = (timings['cache_store'] ?? 0) + performance.now() - started;
    }
    let matches = 0;
    for (const analysis of analyses.values()) matches += analysis.matches.length;
    const counts: RunCounts = {
      inputs,
      articles: articles.length,
      latest_articles: articles.filter((article) => article.isLatest).length,
      skipped: skipped.length,
      matches,
      clusters: clusters.length,
      articles_analysed: matched.analysed,
      dates_unread: unreadDates,
    };
    writeOutput(sink, RUN_MANIFEST, (out) => out.write(renderRunManifest(options, bundle, counts, timings, cache)));
  });
  io.progress.done();
  const latest = articles.filter((article) => article.isLatest).length;
  io.stderr(
    `framescope: ${articles.length} articles (${latest} latest versions) from ${inputs} inputs, ` +
      `${skipped.length} skipped${unreadDates === 0 ? '' : `, ${unreadDates} with a date that could not be read (report.md, Corpus)`}; report in ${options.out}`,
  );
  return 0;
}

/**
 * How the report renders its charts and draws its intervals: from the last run's results kept in
 * the cache when their inputs are the same (src/cache/report-memo.ts), else in the chart thread
 * (or, without one, in this thread) and by drawing them.
 */
function reportMemos(cacheDir: string | null, cacheKey: string, charts: ChartThread | undefined): Pick<ReportInput, 'renderCharts' | 'intervalsMemo'> {
  const render = charts?.render ?? renderSpecs;
  if (cacheDir === null) return charts ? { renderCharts: render } : {};
  return { renderCharts: memoizedCharts(cacheDir, cacheKey, render), intervalsMemo: intervalsMemo(cacheDir, cacheKey) };
}

/** What the run needs from matching, once the cache has what it keeps. */
interface MatchStageResult {
  analyses: Map<string, ArticleAnalysis>;
  vocabulary: TermVocabulary;
  keyness: OutletKeyRows[];
  versionChanges: VersionChange[];
  /** Clusters still valid from the cache. */
  cachedClusters: EventCluster[] | undefined;
  /** The stamp to store this run's clusters with, when they are to be stored. */
  clustersStamp: string | undefined;
  /** Articles matched afresh. */
  analysed: number;
}

/**
 * Match (reusing the cached analyses a lexicon edit cannot touch), diff versions, rank key terms,
 * and store the analyses for the next run. Its own function so that what only the cache needs
 * (the corpus's token norms, the cached entry) is unreachable once it returns: `runAnalyze` stays
 * suspended through writing and clustering, and everything in its scope stays alive with it.
 */
async function matchStage(
  options: AnalyzeCommandOptions,
  read: ReadResult,
  bundle: LexiconBundle,
  cache: CacheStatus,
  cacheKey: string,
  timings: Record<string, number>,
  io: CommandIo,
): Promise<MatchStageResult> {
  const { articles } = read;
  let started = performance.now();
  // The cache keeps hit sentences as offsets into the bodies (src/cache/analysis-cache.ts).
  let bodies: Map<string, string> | undefined;
  const bodyOf = (id: string): string | undefined => (bodies ??= new Map(articles.map((article) => [article.id, article.body]))).get(id);
  const cachedAnalyses = cache === 'hit' && options.cacheDir !== null ? loadCachedAnalyses(options.cacheDir, cacheKey, bodyOf) : undefined;
  if (cachedAnalyses) timings['cache_load'] = (timings['cache_load'] ?? 0) + performance.now() - started;
  const matched = await matchArticles(
    read,
    bundle,
    cachedAnalyses,
    options.threads,
    (done, total) => io.progress.update('match', done, total),
    (cached) => options.cacheDir !== null && loadCachedTermCounts(options.cacheDir, cacheKey, cached),
  );
  timings['match'] = matched.ms;
  // Diffing versions is part of the event view: its time counts as clustering's.
  started = performance.now();
  const versionChanges = diffVersions(articles);
  timings['cluster'] = performance.now() - started;
  // Key terms depend on term counts only, never on a lexicon: made here (or taken from the cache)
  // so the cache can keep them for the next run. Ranked in a worker thread while this one stores
  // the analyses (src/workers/keyness-thread.ts; without a cache, here: nothing to overlap); the
  // time the run waits for them counts as the report's.
  started = performance.now();
  const rankingThreads = options.cacheDir === null ? 1 : options.threads;
  const ranking = matched.keyness === undefined ? rankOutletKeynessInThread(articles, matched.analyses, matched.vocabulary, rankingThreads) : undefined;
  // Ranked here, this is all of their time; in a thread, the time to start it.
  const rankingMs = performance.now() - started;
  // Awaited below; this only keeps a failure from counting as unhandled while the analyses are stored.
  ranking?.catch(() => undefined);
  let storedStamp: string | undefined;
  if (options.cacheDir !== null) {
    started = performance.now();
    storedStamp = storeAnalysesWhenWorthIt(options.cacheDir, cacheKey, articles, matched, cachedAnalyses !== undefined, bodyOf);
    timings['cache_store'] = (timings['cache_store'] ?? 0) + performance.now() - started;
  }
  started = performance.now();
  const keyness = matched.keyness ?? (await ranking!);
  timings['report'] = rankingMs + performance.now() - started;
  if (options.cacheDir !== null && storedStamp !== undefined) {
    started = performance.now();
    storeCachedKeyness(options.cacheDir, cacheKey, storedStamp, keyness);
    timings['cache_store'] = (timings['cache_store'] ?? 0) + performance.now() - started;
  }
  const clustersStamp = storedStamp ?? matched.clustersStampToRestore;
  // Norm hashes only serve the cache: let them go before clustering (~1 KB per article).
  for (const analysis of matched.analyses.values()) delete analysis.normHashes;
  return {
    analyses: matched.analyses,
    vocabulary: matched.vocabulary,
    keyness,
    versionChanges,
    cachedClusters: matched.clusters,
    clustersStamp,
    analysed: matched.analysed,
  };
}

/**
 * `clusterArticles`, letting go of the analyses' term counts once they are vectorised: nothing
 * after clustering reads them (key terms are ranked and the cache stored before), and at 50k
 * articles they are ~120 MB the neighbour search and the linkage need not hold.
 */
function clusterReleasingTermCounts(
  articles: readonly Article[],
  analyses: Map<string, ArticleAnalysis>,
  vocabulary: TermVocabulary,
  threads: number,
): EventCluster[] {
  // Cached analyses come without their term counts unless matching loaded them for clustering.
  for (const analysis of analyses.values()) if (lacksTermCounts(analysis)) throw new Error('internal: clustering cached analyses whose term counts were not loaded');
  const vectors = vectorizeForClustering(clusterInputsOf(articles, analyses), vocabulary, { threads });
  for (const analysis of analyses.values()) analysis.termCounts = NO_TERMS;
  // Vectorising leaves ~100 MB of array buffers (its entry tables; at 50k articles), which the
  // neighbour search — allocating almost nothing — would carry to the run's memory peak.
  collectGarbage();
  return clusterVectors(vectors);
}

/**
 * Let go of article text once `articles.jsonl` and `matches.csv` are written: bodies, removed lines
 * and match sentences are read by no later stage (clustering reads term counts; the files written
 * after read ids, metadata and hits). Mutates the run's own objects, which nothing else holds.
 */
function releaseTexts(articles: Article[], analyses: Iterable<ArticleAnalysis>): void {
  for (const article of articles) {
    article.body = '';
    article.removed = [];
  }
  for (const analysis of analyses) for (const match of analysis.matches) match.sentence = '';
}

/**
 * Read, parse and clean (or load from the cache). Its own function so that the input bytes
 * (~130 MB at 50k articles) are unreachable once it returns, not held through the whole run.
 */
async function readStage(
  options: AnalyzeCommandOptions,
  collected: CollectedInputs,
  outlets: OutletAlias[],
  outletsText: string,
  pipelineOptions: AnalyzeOptions,
  timings: Record<string, number>,
  beforeParsing: Promise<unknown>,
): Promise<{ read: ReadResult; cache: CacheStatus; cacheKey: string; noInputFiles: boolean; articlesJsonlKept: boolean; removedLinesInCache: boolean }> {
  let started = performance.now();
  const corpus = readCollected(collected, options.manifests);
  timings['read'] = performance.now() - started;
  started = performance.now();
  const { read, cache, key, storeMs, articlesJsonlKept, removedLinesInCache } = await readWithCache(corpus, outlets, outletsText, options, pipelineOptions, beforeParsing);
  if (storeMs > 0) timings['cache_store'] = (timings['cache_store'] ?? 0) + storeMs;
  if (cache === 'hit') timings['cache_load'] = performance.now() - started;
  return { read, cache, cacheKey: key, noInputFiles: corpus.files.length + corpus.skipped.length === 0, articlesJsonlKept, removedLinesInCache };
}

/** Read every input's bytes; anything unreadable becomes a skipped input, never an exception. */
export function readCorpus(paths: readonly string[], manifestPaths: readonly string[]): CorpusInput {
  return readCollected(collectInputs(paths), manifestPaths);
}

/** `readCorpus` of inputs already collected. */
function readCollected(collected: CollectedInputs, manifestPaths: readonly string[]): CorpusInput {
  const skipped: Skipped[] = [...collected.skipped];
  const files: InputFile[] = [];
  for (const path of collected.files) {
    const read = readInput(path);
    if ('error' in read) skipped.push({ source: path, reason: read.error });
    else files.push({ path, bytes: read.bytes });
  }
  const manifests: InputFile[] = [];
  for (const path of [...collected.manifests, ...manifestPaths]) {
    const read = readInput(path);
    if ('error' in read) throw new UsageError(`--manifest ${path}: ${read.error}`);
    manifests.push({ path, bytes: read.bytes });
  }
  return { files, manifests, skipped };
}

/** `outlets.yaml` of the lexicon folder; a folder without one canonicalises nothing. */
export function loadOutlets(lexiconDir: string): OutletAlias[] {
  const text = readOutletsText(lexiconDir);
  return text === '' ? [] : parseOutletsYaml(text, join(lexiconDir, 'outlets.yaml'));
}

function readOutletsText(lexiconDir: string): string {
  const path = join(lexiconDir, 'outlets.yaml');
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}

type CacheStatus = 'hit' | 'miss' | 'off';

/**
 * Input below which a run is small (as parsing starts its threads from 4 MB): its lexicons load in
 * this thread, and vega from the start. 1,000 benchmark articles (2.6 MB), lexicons here against
 * a thread: re-runs 1.64–1.68 s against 1.83–1.87 s, cold runs 3.08–3.34 s against 3.23–3.54 s;
 * at 10k (26 MB) the thread is as fast or faster.
 */
const SMALL_CORPUS_BYTES = 4 << 20;

/**
 * Parse and clean, or take both from the cache when nothing they depend on changed: a re-run
 * after a lexicon edit then starts at matching (docs: README "Incremental runs").
 */
async function readWithCache(
  corpus: CorpusInput,
  outlets: OutletAlias[],
  outletsText: string,
  options: AnalyzeCommandOptions,
  pipelineOptions: AnalyzeOptions,
  beforeParsing: Promise<unknown>,
): Promise<{ read: ReadResult; cache: CacheStatus; key: string; storeMs: number; articlesJsonlKept: boolean; removedLinesInCache: boolean }> {
  const off = { cache: 'off', key: '', storeMs: 0, articlesJsonlKept: false, removedLinesInCache: false } as const;
  if (options.cacheDir === null) return { read: await parseAndClean(corpus, outlets, options.threads, pipelineOptions, beforeParsing), ...off };
  const key = readCacheKey({
    toolVersion: `${toolVersion()}+${codeFingerprint()}`,
    files: corpus.files,
    manifests: corpus.manifests,
    outletsText,
    map: options.map,
    preSkipped: corpus.skipped,
  });
  // The removed lines are read only for articles.jsonl: not when a whole copy of it is kept
  // (src/cache/output-copy.ts; checked here, once: ~0.06 s at 50k), which the report copies.
  const articlesJsonlKept = outputCopyIsWhole(options.cacheDir, key, ARTICLES_JSONL);
  const cached = loadCachedRead(options.cacheDir, key, !articlesJsonlKept);
  if (cached) return { read: { ...cached, timings: { parse: 0, clean: 0 } }, cache: 'hit', key, storeMs: 0, articlesJsonlKept, removedLinesInCache: articlesJsonlKept };
  const read = await parseAndClean(corpus, outlets, options.threads, pipelineOptions, beforeParsing);
  const storing = performance.now();
  const removedLinesInCache = storeCachedRead(options.cacheDir, key, read);
  // Their one reader is articles.jsonl, written after matching: once stored, they are read back
  // then rather than held through matching (~50 MB of heap at 50k articles, at the run's peak).
  if (removedLinesInCache) for (const article of read.articles) article.removed = [];
  return { read, cache: 'miss', key, storeMs: performance.now() - storing, articlesJsonlKept: false, removedLinesInCache };
}

/**
 * `readArticles`, with the parsing spread over worker threads when the input is large enough to
 * gain from it; started once `ready` (the lexicons) has settled, so that a lexicon error ends the
 * run before the long stages.
 */
async function parseAndClean(corpus: CorpusInput, outlets: OutletAlias[], threads: number, pipelineOptions: AnalyzeOptions, ready: Promise<unknown>): Promise<ReadResult> {
  await ready;
  if (!parseThreadsWorthIt(corpus.files, threads)) return readArticles(corpus, outlets, pipelineOptions);
  const started = performance.now();
  const progress = pipelineOptions.onProgress ?? (() => undefined);
  const parsed = await parseInThreads(corpus.files, pipelineOptions.map ? { map: pipelineOptions.map } : {}, threads, (done) =>
    progress('parse', done, corpus.files.length),
  );
  return cleanParsed(corpus, parsed, outlets, performance.now() - started);
}

/**
 * Keep this run's analyses for the next one when there was no cached entry, or when the entry is
 * not to be kept (`keepsCachedEntry`: more than a tenth of the articles analysed afresh).
 * Returns the stamp to store the clusters with when the analyses were stored.
 */
function storeAnalysesWhenWorthIt(
  dir: string,
  key: string,
  articles: readonly Article[],
  matched: Matched,
  hadEntry: boolean,
  bodyOf: (id: string) => string | undefined,
): string | undefined {
  if (hadEntry && keepsCachedEntry(matched.analysed, articles.length)) return undefined;
  return storeCachedAnalyses(
    dir,
    key,
    {
      signature: matched.signature,
      analyses: articles.map((article) => matched.analyses.get(article.id)!),
      words: matched.vocabulary.words,
      norms: matched.norms,
    },
    bodyOf,
  );
}

/** Stages in run order for run.json (a stage's time is recorded when it ends, not always in this order). */
const STAGE_ORDER = ['read', 'cache_load', 'parse', 'clean', 'match', 'cluster', 'report', 'cache_store'];

function stageRank(stage: string): number {
  const rank = STAGE_ORDER.indexOf(stage);
  return rank < 0 ? STAGE_ORDER.length : rank;
}

function provenanceOf(options: AnalyzeCommandOptions): Record<string, string | number | boolean | string[]> {
  return {
    paths: options.paths,
    lexicons: options.lexiconLabel,
    map: Object.entries(options.map).map(([field, column]) => `${field}=${column}`),
    manifests: options.manifests,
    bom: options.bom,
    seed: options.seed,
  };
}

/** The `counts` of run.json. */
interface RunCounts {
  inputs: number;
  articles: number;
  latest_articles: number;
  skipped: number;
  matches: number;
  clusters: number;
  /** Articles matched afresh; fewer than `articles` when the incremental cache held the rest. */
  articles_analysed: number;
  /** Articles undated although their input gave a date (`date_stated` in articles.csv). */
  dates_unread: number;
}

function countUnreadDates(articles: readonly Article[]): number {
  let count = 0;
  for (const article of articles) if (article.dateStated !== '') count += 1;
  return count;
}

function renderRunManifest(
  options: AnalyzeCommandOptions,
  bundle: LexiconBundle,
  counts: RunCounts,
  timings: Record<string, number>,
  cache: CacheStatus,
): string {
  const manifest = {
    tool: 'framescope',
    version: toolVersion(),
    node: process.version,
    options: provenanceOf(options),
    lexicons: bundle.lexicons,
    lexicon_bundle_sha256: bundle.sha256,
    cache,
    counts,
    timings_ms: Object.fromEntries(
      Object.entries(timings)
        .sort(([a], [b]) => stageRank(a) - stageRank(b))
        .map(([stage, ms]) => [stage, Math.round(ms)]),
    ),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
