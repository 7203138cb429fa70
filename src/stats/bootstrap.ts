/**
 * Percentile bootstrap over units (articles) for ratio statistics (Efron & Tibshirani 1993,
 * *An Introduction to the Bootstrap*, ch. 6 and 13: resample units with replacement, take the
 * 2.5th and 97.5th percentiles of the replicated statistic).
 */
import { createRandom, deriveSeed } from './prng.js';

/** Replicates per interval: B = 1000 is Efron & Tibshirani's advice for percentile intervals. */
export const BOOTSTRAP_REPLICATES = 1000;
/** Two-sided 95% interval. */
const LOWER_QUANTILE = 0.025;
const UPPER_QUANTILE = 0.975;

/** An interval; both ends null when no replicate had a defined statistic. */
export interface Interval {
  lo: number | null;
  hi: number | null;
}

/**
 * Draw resample plans once per group of units: `plans[b]` holds `n` indices drawn with replacement.
 * Shared by every figure of one outlet so its rates and stances come from the same resamples.
 */
export function drawResamples(n: number, seed: number, label: string, replicates = BOOTSTRAP_REPLICATES): Uint32Array[] {
  const random = createRandom(deriveSeed(seed, label));
  const plans: Uint32Array[] = [];
  for (let b = 0; b < replicates; b += 1) {
    const plan = new Uint32Array(n);
    for (let i = 0; i < n; i += 1) plan[i] = Math.floor(random() * n);
    plans.push(plan);
  }
  return plans;
}

/**
 * Percentile interval of a pooled ratio Σ numerator / Σ denominator over resampled units.
 * A replicate whose denominator sums to 0 has no statistic and is left out (the ratio is
 * undefined there, not 0); `scale` multiplies the ratio (1000 for a per-1k rate).
 */
export function bootstrapRatio(
  numerators: ArrayLike<number>,
  denominators: ArrayLike<number>,
  plans: readonly Uint32Array[],
  scale = 1,
): Interval {
  const values: number[] = [];
  for (const plan of plans) {
    let num = 0;
    let den = 0;
    for (const index of plan) {
      num += numerators[index] ?? 0;
      den += denominators[index] ?? 0;
    }
    if (den !== 0) values.push((scale * num) / den);
  }
  if (values.length === 0) return { lo: null, hi: null };
  values.sort((a, b) => a - b);
  return { lo: quantile(values, LOWER_QUANTILE), hi: quantile(values, UPPER_QUANTILE) };
}

/** Quantile of sorted values by linear interpolation (Hyndman & Fan 1996, type 7, R's default). */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('quantile of an empty sample');
  const h = (sorted.length - 1) * p;
  const lower = Math.floor(h);
  const a = sorted[lower] ?? 0;
  const b = sorted[Math.min(lower + 1, sorted.length - 1)] ?? a;
  return a + (h - lower) * (b - a);
}
