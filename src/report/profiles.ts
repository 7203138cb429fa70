/**
 * Article scores and outlet profiles (latest versions only, CONTRACT.md "Units and ids").
 * Every figure here is a sum over rows of `matches.csv` grouped by article and outlet.
 */
import { drawResamples, ratioInterval, resamplePairSums, resampleSums } from '../stats/bootstrap.js';
import type { Interval } from '../stats/bootstrap.js';
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

/**
 * What one outlet's confidence intervals are computed from: per-article values (latest versions,
 * in id order) as plain typed arrays, so the bootstrap can run in another thread
 * (`src/workers/bootstrap-pool.ts`) while this one writes files.
 */
export interface OutletSamples {
  /** Names the outlet's bootstrap stream (`drawResamples(…, "outlet:<name>")`). */
  outlet: string;
  /** Tokens per article: the denominator of every concept rate. */
  tokens: Float64Array;
  /** Per axis (in `axes` order): stance numerators and denominators per article; null when the pooled stance is undefined. */
  stance: ({ num: Float64Array; den: Float64Array } | null)[];
  /**
   * Per concept with a hit (in id order): the articles with hits (positions in `tokens`, ascending)
   * and their hits. Sparse: most articles have no hit of a given concept, and at 50k articles the
   * dense arrays were ~40 MB per copy.
   */
  concepts: { units: Int32Array; hits: Float64Array }[];
}

/** The intervals of `OutletSamples`, in the same order. */
export interface OutletIntervals {
  stance: Interval[];
  concepts: Interval[];
}

/** An outlet's profile before its intervals (`lo`/`hi` null), with what the intervals need. */
export interface OutletTally {
  profile: OutletProfile;
  samples: OutletSamples;
}

/** Profiles of every outlet over its latest-version articles, sorted by outlet name. */
export function profileOutlets(
  scores: readonly ArticleScore[],
  axes: readonly string[],
  concepts: ReadonlyMap<string, Concept>,
  contrasts: readonly ContrastSet[],
  seed: number,
): OutletProfile[] {
  return tallyOutlets(scores, axes, concepts, contrasts).map((tally) => withIntervals(tally, outletIntervals(tally.samples, seed), axes));
}

/** Every figure of `profileOutlets` but the intervals: one pass over the latest versions' matches. */
export function tallyOutlets(
  scores: readonly ArticleScore[],
  axes: readonly string[],
  concepts: ReadonlyMap<string, Concept>,
  contrasts: readonly ContrastSet[],
): OutletTally[] {
  const byOutlet = new Map<string, ArticleScore[]>();
  for (const score of scores) {
    if (!score.article.isLatest) continue;
    const list = byOutlet.get(score.article.outlet) ?? [];
    list.push(score);
    byOutlet.set(score.article.outlet, list);
  }
  return [...byOutlet.keys()]
    .sort(compareText)
    .map((outlet) => tallyOutlet(outlet, byOutlet.get(outlet) ?? [], axes, concepts, contrasts));
}

/**
 * The bootstrap intervals of one outlet. One set of resamples per outlet: its rates and stances
 * share the same draws. Pure and deterministic: the same in any thread.
 */
export function outletIntervals(samples: OutletSamples, seed: number): OutletIntervals {
  const resamples = drawResamples(samples.tokens.length, seed, `outlet:${samples.outlet}`);
  const stance = samples.stance.map((sums): Interval => {
    if (sums === null) return { lo: null, hi: null };
    const [nums, dens] = resamplePairSums(sums.num, sums.den, resamples);
    return ratioInterval(nums, dens);
  });
  // Every rate of the outlet has the same denominator: its resampled token sums, taken once.
  const tokenSums = resampleSums(samples.tokens, resamples);
  const counts = new Float64Array(samples.tokens.length);
  const conceptIntervals = samples.concepts.map(({ units, hits }) => {
    units.forEach((unit, k) => (counts[unit] = hits[k] ?? 0));
    const interval = ratioInterval(resampleSums(counts, resamples), tokenSums, 1000);
    units.forEach((unit) => (counts[unit] = 0));
    return interval;
  });
  return { stance, concepts: conceptIntervals };
}

/** `tally`'s profile with its intervals put in (and the warnings that depend on them). */
export function withIntervals(tally: OutletTally, intervals: OutletIntervals, axes: readonly string[]): OutletProfile {
  const { profile } = tally;
  if (intervals.stance.length !== axes.length || intervals.concepts.length !== profile.concepts.length) {
    throw new Error(`internal: intervals of outlet "${profile.outlet}" do not fit its profile`);
  }
  const stance = new Map<string, OutletStance>();
  axes.forEach((axis, k) => {
    const pooled = profile.stance.get(axis) ?? { value: null, hits: 0, lo: null, hi: null };
    stance.set(axis, { ...pooled, lo: intervals.stance[k]?.lo ?? null, hi: intervals.stance[k]?.hi ?? null });
  });
  const concepts = profile.concepts.map((rate, k) => ({ ...rate, lo: intervals.concepts[k]?.lo ?? null, hi: intervals.concepts[k]?.hi ?? null }));
  const done: OutletProfile = { ...profile, stance, concepts, warning: '' };
  done.warning = warnOutlet(done, axes);
  return done;
}

function tallyOutlet(
  outlet: string,
  scores: readonly ArticleScore[],
  axes: readonly string[],
  concepts: ReadonlyMap<string, Concept>,
  contrasts: readonly ContrastSet[],
): OutletTally {
  // Typed arrays only, here and in the bootstrap: resampleSums then sees one array type and stays fast.
  const tokens = Float64Array.from(scores, (s) => s.analysis.tokens);
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
  const stanceSamples: OutletSamples['stance'] = [];
  for (const axis of axes) {
    const pooled = poolStance(scores, axis, concepts);
    stance.set(axis, pooled.stance);
    stanceSamples.push(pooled.samples);
  }
  const rated = rateConcepts(scores, tokens, concepts);
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
    concepts: rated.rates,
    contrasts: shareContrasts(scores, contrasts),
    warning: '',
  };
  return { profile, samples: { outlet, tokens, stance: stanceSamples, concepts: rated.counts } };
}

function poolStance(
  scores: readonly ArticleScore[],
  axis: string,
  concepts: ReadonlyMap<string, Concept>,
): { stance: OutletStance; samples: { num: Float64Array; den: Float64Array } | null } {
  const sums = scores.map((s) => sumStance(s.analysis.matches, axis, concepts));
  const pooled = sums.reduce((a, b) => ({ num: a.num + b.num, den: a.den + b.den, hits: a.hits + b.hits }), { num: 0, den: 0, hits: 0 });
  const value = stanceOf(pooled);
  if (value === null) return { stance: { value, hits: 0, lo: null, hi: null }, samples: null };
  return {
    stance: { value, hits: pooled.hits, lo: null, hi: null },
    samples: { num: Float64Array.from(sums, (s) => s.num), den: Float64Array.from(sums, (s) => s.den) },
  };
}

/** Hits of one concept in an outlet: per-article counts (articles with hits, in article order) and the totals. */
interface ConceptTally {
  units: number[];
  counts: number[];
  hits: number;
  hitsAuthorial: number;
  articlesWithHit: number;
  /** Frame of the first hit, for a concept the lexicon no longer defines. */
  firstFrame: string;
}

/** Concept rates without intervals, sorted by id, with each concept's hits per article. */
function rateConcepts(
  scores: readonly ArticleScore[],
  tokens: Float64Array,
  concepts: ReadonlyMap<string, Concept>,
): { rates: ConceptRate[]; counts: OutletSamples['concepts'] } {
  // One pass over the matches (not one per concept): the tallies of every concept at once.
  const tallies = new Map<string, ConceptTally>();
  scores.forEach((s, i) => {
    for (const m of s.analysis.matches) {
      let tally = tallies.get(m.concept);
      if (!tally) {
        tally = { units: [], counts: [], hits: 0, hitsAuthorial: 0, articlesWithHit: 0, firstFrame: m.frame };
        tallies.set(m.concept, tally);
      }
      const last = tally.units.length - 1;
      if (tally.units[last] === i) tally.counts[last] = (tally.counts[last] ?? 0) + 1;
      else {
        tally.units.push(i);
        tally.counts.push(1);
        tally.articlesWithHit += 1;
      }
      tally.hits += 1;
      if (m.voice === 'authorial') tally.hitsAuthorial += 1;
    }
  });
  const totalTokens = tokens.reduce((a, b) => a + b, 0);
  const ids = [...tallies.keys()].sort(compareText);
  const rates = ids.map((id): ConceptRate => {
    const tally = tallies.get(id) as ConceptTally;
    return {
      concept: id,
      frame: concepts.get(id)?.frame ?? tally.firstFrame,
      articlesWithHit: tally.articlesWithHit,
      hits: tally.hits,
      hitsAuthorial: tally.hitsAuthorial,
      rate: totalTokens === 0 ? 0 : (1000 * tally.hits) / totalTokens,
      lo: null,
      hi: null,
      warning: warnSample(scores.length, tally.hits),
    };
  });
  return {
    rates,
    counts: ids.map((id) => {
      const tally = tallies.get(id) as ConceptTally;
      return { units: Int32Array.from(tally.units), hits: Float64Array.from(tally.counts) };
    }),
  };
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
