/**
 * Seeded randomness for the benchmark corpus: the same seed gives the same stream on every
 * machine, so a corpus is reproducible from `(articles, seed)` alone.
 */

import type { Random } from '../../src/stats/prng.js';

export { createRandom } from '../../src/stats/prng.js';
export type { Random } from '../../src/stats/prng.js';

/** A whole number in [min, max], both included. */
export function pickInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** One item of a non-empty list. */
export function pickOne<T>(random: Random, items: readonly T[]): T {
  if (items.length === 0) throw new Error('internal: pickOne from an empty list');
  return items[Math.floor(random() * items.length)] as T;
}

/** `count` distinct items (all of them when the list is shorter), in random order. */
export function pickSome<T>(random: Random, items: readonly T[], count: number): T[] {
  return shuffle(random, items).slice(0, count);
}

/** A shuffled copy (Fisher–Yates). */
export function shuffle<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = copy[i] as T;
    copy[i] = copy[j] as T;
    copy[j] = swap;
  }
  return copy;
}

/** An item picked with probability proportional to its weight. */
export function pickWeighted<T>(random: Random, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let left = random() * total;
  for (const [item, weight] of items) {
    left -= weight;
    if (left < 0) return item;
  }
  const last = items[items.length - 1];
  if (last === undefined) throw new Error('internal: pickWeighted from an empty list');
  return last[0];
}

/**
 * A sampler of ranks 0..size-1 with P(rank r) ∝ 1 / (r + 1)^exponent (Zipf's law), by binary
 * search over the cumulative weights: O(log size) per draw, one Float64Array of `size`.
 */
export function createZipfSampler(size: number, exponent: number): (random: Random) => number {
  const cumulative = new Float64Array(size);
  let sum = 0;
  for (let rank = 0; rank < size; rank++) {
    sum += 1 / Math.pow(rank + 1, exponent);
    cumulative[rank] = sum;
  }
  return (random) => {
    const target = random() * sum;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] as number) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
