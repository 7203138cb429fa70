/**
 * framescope's library API. The CLI is a thin shell over these functions (STYLE.md §17).
 * Stages are pure: read files yourself (or with `readCorpus`), then call `analyzeCorpus`.
 */
export { analyzeCorpus, renderOutputs, writeOutputs } from './pipeline.js';
export type { AnalysisResult, AnalyzeOptions, CorpusInput, ReportProvenance, Stage } from './pipeline.js';
export { readCorpus, loadOutlets } from './commands/analyze.js';
export { runCli } from './cli.js';
export { UsageError } from './errors.js';
export { parseInput, parseManifest, parseOutletsYaml, cleanCorpus, diffVersions } from './ingest/index.js';
export { detectLanguage } from './text/detect-language.js';
export { tokenize } from './text/tokenize.js';
export { normalizeArabic } from './text/arabic.js';
export { contentTerms } from './text/terms.js';
export { loadLexiconBundle, parseLexiconFiles, compileLexicons, checkLexiconExamples, LexiconError } from './lexicon/index.js';
export type { CompiledLexicon } from './lexicon/index.js';
export { analyzeArticle } from './analyze/index.js';
export { clusterArticles, clusterVectors, DEFAULT_CLUSTER_OPTIONS, vectorizeForClustering } from './cluster/index.js';
export type { ClusterInput, ClusterOptions, ClusterVectors } from './cluster/index.js';
export { beginReport, buildReport, writeReport, MemorySink } from './report/index.js';
export type { PendingReport, ReportInput, OutputSink, TextOut } from './report/index.js';
export { writeOutputsAtomically } from './io/write-outputs.js';
export { bundledLexiconDir, toolVersion } from './paths.js';
export type * from './types.js';
