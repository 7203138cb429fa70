/** Everything the report files are written from, computed once (pure). */
import { mapOutlets } from '../stats/outlet-map.js';
import type { OutletMap } from '../stats/outlet-map.js';
import { compareText, listAxes } from '../stats/stance.js';
import type { Article, Concept, EventCluster } from '../types.js';
import type { ReportInput } from './index.js';
import { foldLexiconTerms } from './lexicon-forms.js';
import { rankOutletKeyness } from './outlet-keyness.js';
import type { OutletKeyRows } from './outlet-keyness.js';
import { profileOutlets, scoreArticles } from './profiles.js';
import type { ArticleScore, OutletProfile } from './profiles.js';
import type { OutletKeyness } from './tables.js';

export interface ReportModel {
  input: ReportInput;
  bom: boolean;
  seed: number;
  axes: string[];
  concepts: Map<string, Concept>;
  scores: ArticleScore[];
  scoresById: Map<string, ArticleScore>;
  articlesById: Map<string, Article>;
  clusterOf: Map<string, string>;
  profiles: OutletProfile[];
  keyness: OutletKeyness[];
  map: OutletMap;
  /** Concept ids, sorted, in the column order of the outlet map. */
  mapConcepts: string[];
}

/** Score articles, profile outlets, compute keyness and the outlet map. */
export function buildModel(input: ReportInput): ReportModel {
  return withClusters(buildModelBeforeClusters(input), input.clusters);
}

/** The model without its event clusters: everything but `clusterOf` (empty) and `input.clusters` (ignored). */
export function buildModelBeforeClusters(input: Omit<ReportInput, 'clusters'>): ReportModel {
  const scored = scoreReport(input);
  return completeModel(input, scored, profileOutlets(scored.scores, scored.axes, scored.concepts, input.bundle.contrasts, scored.seed));
}

/** The first part of the model: what the per-article files and the outlet profiles are made from. */
export interface ScoredReport {
  seed: number;
  axes: string[];
  concepts: Map<string, Concept>;
  /** One per article, sorted by id. */
  scores: ArticleScore[];
}

/** Score every article (the start of `buildModelBeforeClusters`). */
export function scoreReport(input: Omit<ReportInput, 'clusters'>): ScoredReport {
  const axes = listAxes(input.bundle.concepts);
  const concepts = new Map(input.bundle.concepts.map((c) => [c.id, c]));
  return { seed: input.seed ?? 1, axes, concepts, scores: scoreArticles(input.articles, input.analyses, axes, concepts) };
}

/** The rest of `buildModelBeforeClusters`, once the outlet profiles of `scored` are made. */
export function completeModel(input: Omit<ReportInput, 'clusters'>, scored: ScoredReport, profiles: OutletProfile[]): ReportModel {
  const { seed, axes, concepts, scores } = scored;
  const mapConcepts = [...new Set([...concepts.keys(), ...profiles.flatMap((p) => p.concepts.map((c) => c.concept))])].sort(compareText);
  const rows = profiles.map((p) => mapConcepts.map((id) => p.concepts.find((c) => c.concept === id)?.rate ?? 0));
  return {
    input: { ...input, clusters: [] },
    bom: input.bom,
    seed,
    axes,
    concepts,
    scores,
    scoresById: new Map(scores.map((s) => [s.article.id, s])),
    articlesById: new Map(input.articles.map((a) => [a.id, a])),
    clusterOf: new Map(),
    profiles,
    keyness: withLexiconFlags(input.keyness ?? rankOutletKeyness(input.articles, input.analyses, input.vocabulary), input.bundle.concepts),
    map: mapOutlets(profiles.map((p) => p.outlet), rows),
    mapConcepts,
  };
}

/** `model` with its event clusters put in. */
export function withClusters(model: ReportModel, clusters: EventCluster[]): ReportModel {
  const clusterOf = new Map<string, string>();
  for (const cluster of [...clusters].sort((a, b) => compareText(a.id, b.id))) {
    for (const id of cluster.members) if (!clusterOf.has(id)) clusterOf.set(id, cluster.id);
  }
  return { ...model, input: { ...model.input, clusters }, clusterOf };
}

/** Mark each key term found in a lexicon (the report lists the others as suggestions). */
function withLexiconFlags(keyness: readonly OutletKeyRows[], concepts: readonly Concept[]): OutletKeyness[] {
  const lexiconForms = foldLexiconTerms(concepts);
  return keyness.map(({ outlet, rows }) => ({ outlet, rows: rows.map((r) => ({ ...r, inLexicon: lexiconForms.has(r.term) })) }));
}
