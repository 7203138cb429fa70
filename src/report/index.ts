/**
 * Report stage: every output file except `run.json`, as a pure, deterministic function of the
 * run's results (the caller writes the map to disk).
 */
import type { TermVocabulary } from '../text/terms.js';
import type { Article, ArticleAnalysis, EventCluster, LexiconBundle, Skipped, VersionChange } from '../types.js';
import { renderCharts } from './charts.js';
import { buildModel } from './model.js';
import { writeReportMd } from './report-md.js';
import {
  writeArticlesCsv,
  writeArticlesJsonl,
  writeClusterCsvs,
  writeContrastsCsv,
  writeKeynessCsv,
  writeMatchesCsv,
  writeOutletConceptsCsv,
  writeOutletsCsv,
  writeSkippedCsv,
  writeVersionsCsv,
} from './tables.js';

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
}

/** Every output file except run.json: name → content. Pure (no I/O), deterministic. */
export async function buildReport(input: ReportInput): Promise<Map<string, string>> {
  const model = buildModel(input);
  const { bom, axes, scores, profiles } = model;
  const clusterFiles = writeClusterCsvs(input.clusters, model.articlesById, bom);
  const charts = await renderCharts(profiles, axes, model.map);
  const files = new Map<string, string>([
    ['articles.jsonl', writeArticlesJsonl(scores)],
    ['articles.csv', writeArticlesCsv(scores, axes, model.clusterOf, bom)],
    ['matches.csv', writeMatchesCsv(scores, axes, model.concepts, bom)],
    ['outlets.csv', writeOutletsCsv(profiles, axes, bom)],
    ['outlet_concepts.csv', writeOutletConceptsCsv(profiles, bom)],
    ['contrasts.csv', writeContrastsCsv(profiles, bom)],
    ['keyness.csv', writeKeynessCsv(model.keyness, bom)],
    ['clusters.csv', clusterFiles.clusters],
    ['events.csv', clusterFiles.events],
    ['versions.csv', writeVersionsCsv(input.versionChanges, model.scoresById, bom)],
    ['skipped.csv', writeSkippedCsv(input.skipped, bom)],
    ['report.md', writeReportMd(model, new Set(charts.keys()))],
  ]);
  for (const [name, svg] of charts) files.set(name, svg);
  return files;
}

export { escapeMarkdown, isolate } from './markdown.js';
export { guardFormula } from './csv.js';
