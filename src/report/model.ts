/** Everything the report files are written from, computed once (pure). */
import { mergeCounts, scoreKeyness, subtractCounts } from '../stats/keyness.js';
import { mapOutlets } from '../stats/outlet-map.js';
import type { OutletMap } from '../stats/outlet-map.js';
import { compareText, listAxes } from '../stats/stance.js';
import type { Article, Concept } from '../types.js';
import type { ReportInput } from './index.js';
import { foldLexiconTerms } from './lexicon-forms.js';
import { profileOutlets, scoreArticles } from './profiles.js';
import type { ArticleScore, OutletProfile } from './profiles.js';
import type { OutletKeyness } from './tables.js';

/** Key terms kept per outlet in `keyness.csv`. */
export const KEYNESS_TOP = 30;
/** A key term must occur this often in the outlet to be listed (rarer ones are noise). */
export const KEYNESS_MIN_COUNT = 3;

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
  const seed = input.seed ?? 1;
  const axes = listAxes(input.bundle.concepts);
  const concepts = new Map(input.bundle.concepts.map((c) => [c.id, c]));
  const scores = scoreArticles(input.articles, input.analyses, axes, concepts);
  const profiles = profileOutlets(scores, axes, concepts, input.bundle.contrasts, seed);
  const clusterOf = new Map<string, string>();
  for (const cluster of [...input.clusters].sort((a, b) => compareText(a.id, b.id))) {
    for (const id of cluster.members) if (!clusterOf.has(id)) clusterOf.set(id, cluster.id);
  }
  const mapConcepts = [...new Set([...concepts.keys(), ...profiles.flatMap((p) => p.concepts.map((c) => c.concept))])].sort(compareText);
  const rows = profiles.map((p) => mapConcepts.map((id) => p.concepts.find((c) => c.concept === id)?.rate ?? 0));
  return {
    input,
    bom: input.bom,
    seed,
    axes,
    concepts,
    scores,
    scoresById: new Map(scores.map((s) => [s.article.id, s])),
    articlesById: new Map(input.articles.map((a) => [a.id, a])),
    clusterOf,
    profiles,
    keyness: computeKeyness(scores, input.bundle.concepts),
    map: mapOutlets(profiles.map((p) => p.outlet), rows),
    mapConcepts,
  };
}

/**
 * Each outlet vs the rest over the latest versions' term counts. With one outlet there is no
 * "rest", so there is no keyness (an empty table, said in the report).
 */
function computeKeyness(scores: readonly ArticleScore[], concepts: readonly Concept[]): OutletKeyness[] {
  const byOutlet = new Map<string, Map<string, number>[]>();
  for (const s of scores) {
    if (!s.article.isLatest) continue;
    const list = byOutlet.get(s.article.outlet) ?? [];
    list.push(s.analysis.termCounts);
    byOutlet.set(s.article.outlet, list);
  }
  if (byOutlet.size < 2) return [];
  const lexiconForms = foldLexiconTerms(concepts);
  const corpus = mergeCounts([...byOutlet.values()].flat());
  return [...byOutlet.keys()].sort(compareText).map((outlet) => {
    const target = mergeCounts(byOutlet.get(outlet) ?? []);
    const rows = scoreKeyness(target, subtractCounts(corpus, target), { top: KEYNESS_TOP, minCount: KEYNESS_MIN_COUNT });
    return { outlet, rows: rows.map((r) => ({ ...r, inLexicon: lexiconForms.has(r.term) })) };
  });
}
