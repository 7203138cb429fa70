/**
 * The CSV and JSONL files of CONTRACT.md "Files", column order fixed, rows sorted with explicit
 * tie-breaks. Each writer takes the scored model and streams its file into `out`, row by row.
 */
import { compareText } from '../stats/stance.js';
import type { KeynessRow } from '../stats/keyness.js';
import type { Article, Concept, EventCluster, Match, Skipped, VersionChange } from '../types.js';
import { col, CsvWriter, writeCsv } from './csv.js';
import type { Cell, Column } from './csv.js';
import type { TextOut } from './output-sink.js';
import type { ArticleScore, OutletProfile } from './profiles.js';

export interface OutletKeyness {
  outlet: string;
  rows: (KeynessRow & { inLexicon: boolean })[];
}

/** `articles.jsonl`: one object per article, the contract's keys in order. */
export function writeArticlesJsonl(out: TextOut, scores: readonly ArticleScore[]): void {
  for (const { article, analysis } of scores) {
    out.write(
      JSON.stringify({
        id: article.id,
        source: article.source,
        outlet: article.outlet,
        credit: article.credit,
        lang: article.lang,
        title: article.title,
        date: article.date,
        url: article.url,
        version: article.version,
        is_latest: article.isLatest,
        tokens: analysis.tokens,
        body: article.body,
        removed: article.removed.map((r) => ({ text: r.text, reason: r.reason })),
      }),
    );
    out.write('\n');
  }
}

/** `articles.csv`. */
export function writeArticlesCsv(out: TextOut, scores: readonly ArticleScore[], axes: readonly string[], clusterOf: ReadonlyMap<string, string>, bom: boolean): void {
  const columns: Column[] = [
    col('id'), col('source'), col('outlet'), col('credit'), col('lang'), col('title'), col('date'), col('url'),
    col('version', 'int'), col('is_latest', 'bool'), col('tokens', 'int'), col('hits', 'int'), col('hits_authorial', 'int'),
    col('cluster_id'),
    ...axes.flatMap((axis) => [col(`stance_${axis}`, 'float'), col(`stance_${axis}_hits`, 'int')]),
    // After the contract's columns ("more may follow"): why `date` is empty when the input gave one.
    col('date_stated'),
  ];
  const csv = new CsvWriter(out, columns, bom);
  for (const { article: a, analysis, hits, hitsAuthorial, stance } of scores) {
    csv.row([
      a.id, a.source, a.outlet, a.credit, a.lang, a.title, a.date, a.url, a.version, a.isLatest, analysis.tokens, hits, hitsAuthorial,
      clusterOf.get(a.id) ?? '',
      ...axes.flatMap((axis): Cell[] => [stance.get(axis)?.value ?? null, stance.get(axis)?.hits ?? 0]),
      a.dateStated,
    ]);
  }
}

/** `matches.csv`: every hit of every article (earlier versions included), by article then offset. */
export function writeMatchesCsv(out: TextOut, scores: readonly ArticleScore[], axes: readonly string[], concepts: ReadonlyMap<string, Concept>, bom: boolean): void {
  const columns: Column[] = [
    col('article_id'), col('outlet'), col('lang'), col('lexicon'), col('concept'), col('frame'), col('term'), col('matched'),
    col('voice'), col('negated', 'bool'), col('distanced', 'bool'), col('sentence'), col('start', 'int'), col('end', 'int'),
    ...axes.map((axis) => col(`axis_${axis}`, 'float')),
  ];
  const csv = new CsvWriter(out, columns, bom);
  for (const { article: a, analysis } of scores) {
    for (const m of sortMatches(analysis.matches)) {
      const values = concepts.get(m.concept)?.axes ?? {};
      csv.row([
        a.id, a.outlet, a.lang, m.lexicon, m.concept, m.frame, m.term, m.matched, m.voice, m.negated, m.distanced, m.sentence, m.start, m.end,
        ...axes.map((axis) => values[axis] ?? null),
      ]);
    }
  }
}

/** Matches by start, end, then concept id. */
export function sortMatches(matches: readonly Match[]): Match[] {
  return [...matches].sort((x, y) => x.start - y.start || x.end - y.end || compareText(x.concept, y.concept));
}

/** `outlets.csv`. */
export function writeOutletsCsv(out: TextOut, profiles: readonly OutletProfile[], axes: readonly string[], bom: boolean): void {
  const columns: Column[] = [
    col('outlet'), col('articles', 'int'), col('tokens', 'int'), col('hits', 'int'), col('hits_authorial', 'int'),
    ...axes.flatMap((axis) => [col(`stance_${axis}`, 'float'), col(`stance_${axis}_lo`, 'float'), col(`stance_${axis}_hi`, 'float'), col(`stance_${axis}_hits`, 'int')]),
    col('warning'),
    ...['headline', 'attributed', 'quoted'].map((voice) => col(`hits_${voice}`, 'int')),
    col('hits_negated', 'int'), col('hits_distanced', 'int'),
  ];
  const rows = profiles.map((p) => [
    p.outlet, p.articles, p.tokens, p.hits, p.hitsAuthorial,
    ...axes.flatMap((axis): Cell[] => {
      const s = p.stance.get(axis);
      return [s?.value ?? null, s?.lo ?? null, s?.hi ?? null, s?.hits ?? 0];
    }),
    p.warning, p.voices.headline, p.voices.attributed, p.voices.quoted, p.negated, p.distanced,
  ]);
  writeCsv(out, columns, rows, bom);
}

/** `outlet_concepts.csv` (a `warning` column follows the contract's). */
export function writeOutletConceptsCsv(out: TextOut, profiles: readonly OutletProfile[], bom: boolean): void {
  const columns: Column[] = [
    col('outlet'), col('concept'), col('frame'), col('articles_with_hit', 'int'), col('hits', 'int'), col('hits_authorial', 'int'),
    col('rate_per_1k', 'float'), col('rate_lo', 'float'), col('rate_hi', 'float'), col('warning'),
  ];
  const rows = profiles.flatMap((p) =>
    p.concepts.map((c) => [p.outlet, c.concept, c.frame, c.articlesWithHit, c.hits, c.hitsAuthorial, c.rate, c.lo, c.hi, c.warning]),
  );
  writeCsv(out, columns, rows, bom);
}

/** `contrasts.csv`. */
export function writeContrastsCsv(out: TextOut, profiles: readonly OutletProfile[], bom: boolean): void {
  const columns: Column[] = [
    col('outlet'), col('contrast'), col('label'), col('count', 'int'), col('share', 'float'), col('count_own', 'int'), col('share_own', 'float'),
  ];
  const rows = profiles.flatMap((p) => p.contrasts.map((c) => [p.outlet, c.contrast, c.label, c.count, c.share, c.countOwn, c.shareOwn]));
  writeCsv(out, columns, rows, bom);
}

/** `keyness.csv`: per outlet, z descending then term. */
export function writeKeynessCsv(out: TextOut, keyness: readonly OutletKeyness[], bom: boolean): void {
  const columns: Column[] = [
    col('outlet'), col('term'), col('n_target', 'int'), col('n_reference', 'int'), col('log_odds', 'float'), col('z', 'float'), col('in_lexicon', 'bool'),
  ];
  const rows = keyness.flatMap((k) => k.rows.map((r) => [k.outlet, r.term, r.nTarget, r.nReference, r.logOdds, r.z, r.inLexicon]));
  writeCsv(out, columns, rows, bom);
}

/** `clusters.csv`: every member of every cluster, by cluster id then article id. */
export function writeClustersCsv(out: TextOut, clusters: readonly EventCluster[], byId: ReadonlyMap<string, Article>, bom: boolean): void {
  const columns: Column[] = [col('cluster_id'), col('article_id'), col('outlet'), col('lang'), col('date'), col('title'), col('similarity', 'float')];
  const csv = new CsvWriter(out, columns, bom);
  for (const cluster of sortClusters(clusters)) {
    for (const id of [...cluster.members].sort(compareText)) {
      const a = byId.get(id);
      csv.row([cluster.id, id, a?.outlet ?? '', a?.lang ?? '', a?.date ?? '', a?.title ?? '', cluster.similarity.get(id) ?? null]);
    }
  }
}

/** `events.csv`: one row per cluster, by cluster id. */
export function writeEventsCsv(out: TextOut, clusters: readonly EventCluster[], byId: ReadonlyMap<string, Article>, bom: boolean): void {
  const columns: Column[] = [col('cluster_id'), col('size', 'int'), col('outlets'), col('languages'), col('date_from'), col('date_to'), col('top_terms')];
  const csv = new CsvWriter(out, columns, bom);
  for (const cluster of sortClusters(clusters)) {
    const facts = describeCluster([...cluster.members].sort(compareText), byId);
    csv.row([cluster.id, cluster.members.length, facts.outlets.join(';'), facts.languages.join(';'), facts.dateFrom, facts.dateTo, cluster.topTerms.join(';')]);
  }
}

function sortClusters(clusters: readonly EventCluster[]): EventCluster[] {
  return [...clusters].sort((a, b) => compareText(a.id, b.id));
}

/** Outlets, languages and date range of a cluster's members (dates left empty are ignored). */
export function describeCluster(members: readonly string[], byId: ReadonlyMap<string, Article>): { outlets: string[]; languages: string[]; dateFrom: string; dateTo: string } {
  const articles = members.map((id) => byId.get(id)).filter((a): a is Article => a !== undefined);
  const dates = articles.map((a) => a.date).filter((d) => d !== '').sort(compareText);
  return {
    outlets: unique(articles.map((a) => a.outlet)),
    languages: unique(articles.map((a) => a.lang)),
    dateFrom: dates[0] ?? '',
    dateTo: dates[dates.length - 1] ?? '',
  };
}

/** `versions.csv`: concepts added/removed are those of the matches inside each change's spans. */
export function writeVersionsCsv(out: TextOut, changes: readonly VersionChange[], scoresById: ReadonlyMap<string, ArticleScore>, bom: boolean): void {
  const columns: Column[] = [
    col('article_id'), col('from_version', 'int'), col('to_version', 'int'), col('change'), col('text'), col('concepts_added'), col('concepts_removed'),
  ];
  const indexed = changes.map((change, index) => ({ change, index }));
  indexed.sort(
    (x, y) =>
      compareText(x.change.toId, y.change.toId) ||
      x.change.fromVersion - y.change.fromVersion ||
      x.change.toVersion - y.change.toVersion ||
      x.index - y.index,
  );
  const csv = new CsvWriter(out, columns, bom);
  for (const { change } of indexed) {
    const before = conceptsIn(scoresById.get(change.fromId)?.analysis.matches ?? [], change.fromSpan);
    const after = conceptsIn(scoresById.get(change.toId)?.analysis.matches ?? [], change.toSpan);
    csv.row([
      change.toId, change.fromVersion, change.toVersion, change.change, change.text,
      [...after].filter((c) => !before.has(c)).sort(compareText).join(';'),
      [...before].filter((c) => !after.has(c)).sort(compareText).join(';'),
    ]);
  }
}

/** Concept ids of the matches lying wholly inside `span` (none for a null span). */
export function conceptsIn(matches: readonly Match[], span: { start: number; end: number } | null): Set<string> {
  if (span === null) return new Set();
  return new Set(matches.filter((m) => m.start >= span.start && m.end <= span.end).map((m) => m.concept));
}

/** `skipped.csv`, by source then reason. */
export function writeSkippedCsv(out: TextOut, skipped: readonly Skipped[], bom: boolean): void {
  const rows = [...skipped]
    .sort((a, b) => compareText(a.source, b.source) || compareText(a.reason, b.reason))
    .map((s) => [s.source, s.reason]);
  writeCsv(out, [col('source'), col('reason')], rows, bom);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)].sort(compareText);
}
