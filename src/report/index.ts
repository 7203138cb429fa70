/**
 * Report stage: every output file except `run.json`, as a deterministic function of the run's
 * results, streamed file by file into an output sink (the CLI's is the staging folder on disk).
 */
import type { TermVocabulary } from '../text/terms.js';
import type { Article, ArticleAnalysis, EventCluster, LexiconBundle, Skipped, VersionChange } from '../types.js';
import { chartSpecs, renderSpecs } from './charts.js';
import type { ChartRenderer } from './charts.js';
import { completeModel, scoreReport, withClusters } from './model.js';
import { profileOutletsInThread, type IntervalsMemo } from '../workers/bootstrap-pool.js';
import type { OutletKeyRows } from './outlet-keyness.js';
import { MemorySink, writeOutput } from './output-sink.js';
import type { OutputSink } from './output-sink.js';
import { writeReportMd } from './report-md.js';
import {
  writeArticlesCsv,
  writeArticlesJsonl,
  writeClustersCsv,
  writeContrastsCsv,
  writeEventsCsv,
  writeKeynessCsv,
  writeMatchesCsv,
  writeOutletConceptsCsv,
  writeOutletsCsv,
  writeSkippedCsv,
  writeVersionsCsv,
} from './tables.js';

/** The output file of every article with its text (CONTRACT.md "Files"). */
export const ARTICLES_JSONL = 'articles.jsonl';

export interface ReportInput {
  /** Every article, all versions, cleaned (body included). */
  articles: Article[];
  /** By article id, one per article. */
  analyses: Map<string, ArticleAnalysis>;
  /** Spells out the analyses' `termCounts` keys (keyness terms). */
  vocabulary: TermVocabulary;
  /** Over latest versions only. */
  clusters: EventCluster[];
  versionChanges: VersionChange[];
  skipped: Skipped[];
  bundle: LexiconBundle;
  provenance: { tool: string; version: string; options: Record<string, string | number | boolean | string[]>; inputs: number };
  /** `--bom`: UTF-8 byte-order mark on every CSV. */
  bom: boolean;
  /** Bootstrap seed (default 1). */
  seed?: number;
  /** Key terms per outlet when already known (`rankOutletKeyness`, e.g. from the incremental cache); else computed here. */
  keyness?: OutletKeyRows[];
  /**
   * Threads the report may use (default 1). From 2 on, large corpora's outlet bootstrap intervals
   * are drawn in a worker thread while `articles.jsonl` and `matches.csv` are written.
   */
  threads?: number;
  /**
   * How the charts are rendered (default: in this thread). The CLI renders them in a worker thread
   * started with the run (src/workers/chart-thread.ts), or takes the last run's from its cache.
   */
  renderCharts?: ChartRenderer;
  /** Outlet bootstrap intervals kept from an earlier run (the CLI's cache: src/cache/report-memo.ts). */
  intervalsMemo?: IntervalsMemo;
  /**
   * `articles.jsonl` is already in the sink (the CLI copies an earlier run's from the cache when
   * the articles are the cached ones: the file depends on nothing else); it is not written again.
   */
  articlesJsonlPlaced?: boolean;
}

/**
 * Write every output file except run.json into `sink`, one file at a time, always in the same
 * order (the charts last). Deterministic: the same input gives the same bytes.
 */
export async function writeReport(input: ReportInput, sink: OutputSink): Promise<void> {
  const { clusters, ...rest } = input;
  await (await beginReport(rest, sink)).finish(clusters);
}

/** A report whose files that do not depend on event clusters are written; `finish` writes the rest. */
export interface PendingReport {
  /** Write the files that depend on the clusters (and the charts, once rendered); call once. */
  finish(clusters: EventCluster[]): Promise<void>;
}

/**
 * Write the files that do not depend on event clusters — among them the two that read article
 * text (`articles.jsonl`: bodies and removed lines; `matches.csv`: sentences) — and return what
 * writes the rest once the clusters are known. The CLI clusters in between, after letting the
 * texts go (src/commands/analyze.ts): at 50k articles they are ~250 MB the clustering need not hold.
 * Together the two calls write exactly what `writeReport` writes.
 */
export async function beginReport(input: Omit<ReportInput, 'clusters'>, sink: OutputSink): Promise<PendingReport> {
  const scored = scoreReport(input);
  const profiling = profileOutletsInThread(scored.scores, scored.axes, scored.concepts, input.bundle.contrasts, scored.seed, input.threads ?? 1, input.intervalsMemo);
  // Awaited below; this only keeps a failure from counting as unhandled while the files are written.
  profiling.catch(() => undefined);
  const { bom } = input;
  const { axes, scores } = scored;
  if (!input.articlesJsonlPlaced) writeOutput(sink, ARTICLES_JSONL, (out) => writeArticlesJsonl(out, scores));
  writeOutput(sink, 'matches.csv', (out) => writeMatchesCsv(out, scores, axes, scored.concepts, bom));
  const model = completeModel(input, scored, await profiling);
  const { profiles } = model;
  // Rendered while the tables are written and the caller clusters; written last (report.md must
  // know which of them exist). Small: ~250 KB at 10k articles.
  const charting = (input.renderCharts ?? renderSpecs)(chartSpecs(profiles, axes, model.map));
  // Awaited by `finish`; this only keeps a failure from counting as unhandled meanwhile.
  charting.catch(() => undefined);
  writeOutput(sink, 'outlets.csv', (out) => writeOutletsCsv(out, profiles, axes, bom));
  writeOutput(sink, 'outlet_concepts.csv', (out) => writeOutletConceptsCsv(out, profiles, bom));
  writeOutput(sink, 'contrasts.csv', (out) => writeContrastsCsv(out, profiles, bom));
  writeOutput(sink, 'keyness.csv', (out) => writeKeynessCsv(out, model.keyness, bom));
  writeOutput(sink, 'versions.csv', (out) => writeVersionsCsv(out, input.versionChanges, model.scoresById, bom));
  writeOutput(sink, 'skipped.csv', (out) => writeSkippedCsv(out, input.skipped, bom));
  let finished = false;
  return {
    finish: async (clusters) => {
      // A second call would write every file again, over the first ones, from other clusters.
      if (finished) throw new Error('internal: a report was finished twice');
      finished = true;
      const charts = await charting;
      const full = withClusters(model, clusters);
      writeOutput(sink, 'articles.csv', (out) => writeArticlesCsv(out, scores, axes, full.clusterOf, bom));
      writeOutput(sink, 'clusters.csv', (out) => writeClustersCsv(out, clusters, full.articlesById, bom));
      writeOutput(sink, 'events.csv', (out) => writeEventsCsv(out, clusters, full.articlesById, bom));
      writeOutput(sink, 'report.md', (out) => writeReportMd(out, full, new Set(charts.keys())));
      for (const [name, svg] of charts) writeOutput(sink, name, (out) => out.write(svg));
    },
  };
}

/** Every output file except run.json: name → content, in memory (for library callers and tests). */
export async function buildReport(input: ReportInput): Promise<Map<string, string>> {
  const sink = new MemorySink();
  await writeReport(input, sink);
  return sink.files;
}

export { MemorySink } from './output-sink.js';
export { rankOutletKeyness } from './outlet-keyness.js';
export type { OutletKeyRows } from './outlet-keyness.js';
export type { OutputSink, TextOut } from './output-sink.js';
export { escapeMarkdown, isolate } from './markdown.js';
export { guardFormula } from './csv.js';
