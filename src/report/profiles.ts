/**
 * Article scores and outlet profiles (latest versions only, CONTRACT.md "Units and ids").
 * Every figure here is a sum over rows of `matches.csv` grouped by article and outlet.
 */
import { drawResamples, ratioInterval, resamplePairSums, resampleSums } from '../stats/bootstrap.js';
import type { Resamples } from '../stats/bootstrap.js';
import { compareText, stanceOf, sumStance } from '../stats/stance.js';
import type { Article, ArticleAnalysis, Concept, ContrastSet, Voice } from '../types.js';
import { VOICES } from '../types.js';

/** Fewer articles than this behind a figure earn a warning (small-sample caution). */
export const MIN_ARTICLES = 5;
/** Fewer hits than this behind a figure earn a warning. */
export const MIN_HITS = 10;

export interface AxisStance {
  value: number | null;
  hits: number;
}

export interface ArticleScore {
  article: Article;
  analysis: ArticleAnalysis;
  hits: number;
  hitsAuthorial: number;
  stance: Map<string, AxisStance>;
}

export interface OutletStance extends AxisStance {
  lo: number | null;
  hi: number | null;
}

export interface ConceptRate {
  concept: string;
  frame: string;
  articlesWithHit: number;
  hits: number;
  hitsAuthorial: number;
  rate: number;
  lo: number | null;
  hi: number | null;
  warning: string;
}

export interface ContrastShare {
  contrast: string;
  label: string;
  count: number;
  share: number;
  /** Occurrences in the outlet's own voice (authorial or headline), and their share; null when none. */
  countOwn: number;
  shareOwn: number | null;
}

export interface OutletProfile {
  outlet: string;
  articles: number;
  tokens: number;
  hits: number;
  hitsAuthorial: number;
  voices: Record<Voice, number>;
  negated: number;
  distanced: number;
  stance: Map<string, OutletStance>;
  /** Concepts with at least one hit in the outlet, sorted by id. */
  concepts: ConceptRate[];
  contrasts: ContrastShare[];
  warning: string;
}

const EMPTY_ANALYSIS: Omit<ArticleAnalysis, 'id'> = {
  tokens: 0,
  matches: [],
  contrastHits: [],
  termCounts: { keys: new Float64Array(0), counts: new Uint32Array(0) },
  entities: [],
};

/** Pair every article with its analysis (an article without one counts as empty, not an error). */
export function scoreArticles(
  articles: readonly Article[],
  analyses: ReadonlyMap<string, ArticleAnalysis>,
  axes: readonly string[],
  concepts: ReadonlyMap<string, Concept>,
): ArticleScore[] {
  return [...articles]
    .sort((a, b) => compareText(a.id, b.id))
    .map((article) => {
      const analysis = analyses.get(article.id) ?? { id: article.id, ...EMPTY_ANALYSIS };
      const stance = new Map<string, AxisStance>();
      for (const axis of axes) {
        const sums = sumStance(analysis.matches, axis, concepts);
        stance.set(axis, { value: stanceOf(sums), hits: sums.hits });
      }
      return {
        article,
        analysis,
        hits: analysis.matches.length,
        hitsAuthorial: analysis.matches.filter((m) => m.voice === 'authorial').length,
        stance,
      };
    });
}

/** Profiles of every outlet over its latest-version articles, sorted by outlet name. */
export function profileOutlets(
  scores: readonly ArticleScore[],
  axes: readonly string[],
  concepts: ReadonlyMap<string, Concept>,
  contrasts: readonly ContrastSet[],
  seed: number,
): OutletProfile[] {
  const byOutlet = new Map<string, ArticleScore[]>();
  for (const score of scores) {
    if (!score.article.isLatest) continue;
    const list = byOutlet.get(score.article.outlet) ?? [];
    list.push(score);
    byOutlet.set(score.article.outlet, list);
  }
  return [...byOutlet.keys()]
    .sort(compareText)
    .map((outlet) => profileOutlet(outlet, byOutlet.get(outlet) ?? [], axes, concepts, contrasts, seed));
}

function profileOutlet(
  outlet: string,
  scores: readonly ArticleScore[],
  axes: readonly string[],
  concepts: ReadonlyMap<string, Concept>,
  contrasts: readonly ContrastSet[],
  seed: number,
): OutletProfile {
  // Typed arrays only, here and below: resampleSums then sees one array type and stays fast.
  const tokens = Float64Array.from(scores, (s) => s.analysis.tokens);
  // One set of resamples per outlet: its rates and stances share the same bootstrap draws.
  const resamples = drawResamples(scores.length, seed, `outlet:${outlet}`);
  const voices = Object.fromEntries(VOICES.map((v) => [v, 0])) as Record<Voice, number>;
  let hits = 0;
  let negated = 0;
  let distanced = 0;
  for (const { analysis } of scores) {
    for (const match of analysis.matches) {
      voices[match.voice] += 1;
      if (match.negated) negated += 1;
      if (match.distanced) distanced += 1;
    }
    hits += analysis.matches.length;
  }
  const stance = new Map<string, OutletStance>();
  for (const axis of axes) stance.set(axis, poolStance(scores, axis, concepts, resamples));
  const profile: OutletProfile = {
    outlet,
    articles: scores.length,
    tokens: tokens.reduce((a, b) => a + b, 0),
    hits,
    hitsAuthorial: voices.authorial,
    voices,
    negated,
    distanced,
    stance,
    concepts: rateConcepts(scores, tokens, concepts, resamples),
    contrasts: shareContrasts(scores, contrasts),
    warning: '',
  };
  profile.warning = warnOutlet(profile, axes);
  return profile;
}

function poolStance(
  scores: readonly ArticleScore[],
  axis: string,
  concepts: ReadonlyMap<string, Concept>,
  resamples: Resamples,
): OutletStance {
  const sums = scores.map((s) => sumStance(s.analysis.matches, axis, concepts));
  const pooled = sums.reduce((a, b) => ({ num: a.num + b.num, den: a.den + b.den, hits: a.hits + b.hits }), { num: 0, den: 0, hits: 0 });
  const value = stanceOf(pooled);
  if (value === null) return { value, hits: 0, lo: null, hi: null };
  const [nums, dens] = resamplePairSums(Float64Array.from(sums, (s) => s.num), Float64Array.from(sums, (s) => s.den), resamples);
  const interval = ratioInterval(nums, dens);
  return { value, hits: pooled.hits, lo: interval.lo, hi: interval.hi };
}

/** Hits of one concept in an outlet: per-article counts (article order) and the totals. */
interface ConceptTally {
  counts: Float64Array;
  hits: number;
  hitsAuthorial: number;
  articlesWithHit: number;
  /** Frame of the first hit, for a concept the lexicon no longer defines. */
  firstFrame: string;
}

function rateConcepts(
  scores: readonly ArticleScore[],
  tokens: Float64Array,
  concepts: ReadonlyMap<string, Concept>,
  resamples: Resamples,
): ConceptRate[] {
  // One pass over the matches (not one per concept): the tallies of every concept at once.
  const tallies = new Map<string, ConceptTally>();
  scores.forEach((s, i) => {
    for (const m of s.analysis.matches) {
      let tally = tallies.get(m.concept);
      if (!tally) {
        tally = { counts: new Float64Array(scores.length), hits: 0, hitsAuthorial: 0, articlesWithHit: 0, firstFrame: m.frame };
        tallies.set(m.concept, tally);
      }
      if (tally.counts[i] === 0) tally.articlesWithHit += 1;
      tally.counts[i] = (tally.counts[i] ?? 0) + 1;
      tally.hits += 1;
      if (m.voice === 'authorial') tally.hitsAuthorial += 1;
    }
  });
  const totalTokens = tokens.reduce((a, b) => a + b, 0);
  // Every rate of the outlet has the same denominator: its resampled token sums, taken once.
  const tokenSums = resampleSums(tokens, resamples);
  return [...tallies.keys()].sort(compareText).map((id) => {
    const tally = tallies.get(id) as ConceptTally;
    const interval = ratioInterval(resampleSums(tally.counts, resamples), tokenSums, 1000);
    return {
      concept: id,
      frame: concepts.get(id)?.frame ?? tally.firstFrame,
      articlesWithHit: tally.articlesWithHit,
      hits: tally.hits,
      hitsAuthorial: tally.hitsAuthorial,
      rate: totalTokens === 0 ? 0 : (1000 * tally.hits) / totalTokens,
      lo: interval.lo,
      hi: interval.hi,
      warning: warnSample(scores.length, tally.hits),
    };
  });
}

/**
 * Share of each label among its set's occurrences (every label of a set the outlet uses at all
 * is listed, 0 included, so "never writes Kyiv" shows as a row).
 */
function shareContrasts(scores: readonly ArticleScore[], contrasts: readonly ContrastSet[]): ContrastShare[] {
  // Per set and label: all occurrences, and those in the outlet's own voice (quotes of others apart).
  const counts = new Map<string, Map<string, { all: number; own: number }>>();
  for (const { analysis } of scores) {
    for (const hit of analysis.contrastHits) {
      let labels = counts.get(hit.contrast);
      if (!labels) counts.set(hit.contrast, (labels = new Map()));
      let tally = labels.get(hit.label);
      if (!tally) labels.set(hit.label, (tally = { all: 0, own: 0 }));
      tally.all += 1;
      if (hit.voice === 'authorial' || hit.voice === 'headline') tally.own += 1;
    }
  }
  const rows: ContrastShare[] = [];
  for (const [contrast, labels] of counts) {
    const declared = contrasts.find((c) => c.id === contrast)?.labels ?? [];
    const all = new Set([...declared, ...labels.keys()]);
    let total = 0;
    let totalOwn = 0;
    for (const tally of labels.values()) {
      total += tally.all;
      totalOwn += tally.own;
    }
    for (const label of all) {
      const tally = labels.get(label) ?? { all: 0, own: 0 };
      rows.push({
        contrast, label, count: tally.all, share: total === 0 ? 0 : tally.all / total,
        countOwn: tally.own, shareOwn: totalOwn === 0 ? null : tally.own / totalOwn,
      });
    }
  }
  return rows.sort((a, b) => compareText(a.contrast, b.contrast) || compareText(a.label, b.label));
}

/** The small-sample warning for a figure, or '' when enough stands behind it. */
export function warnSample(articles: number, hits: number): string {
  const parts: string[] = [];
  if (articles < MIN_ARTICLES) parts.push(`fewer than ${MIN_ARTICLES} articles (${articles})`);
  if (hits < MIN_HITS) parts.push(`fewer than ${MIN_HITS} hits (${hits})`);
  return parts.join('; ');
}

function warnOutlet(profile: OutletProfile, axes: readonly string[]): string {
  const parts = [warnSample(profile.articles, profile.hits)];
  for (const axis of axes) {
    const stance = profile.stance.get(axis);
    if (stance && stance.value !== null && stance.hits < MIN_HITS) parts.push(`stance_${axis} on fewer than ${MIN_HITS} hits (${stance.hits})`);
  }
  return parts.filter((p) => p.length > 0).join('; ');
}
