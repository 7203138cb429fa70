/**
 * Percentile bootstrap over units (articles) for ratio statistics (Efron & Tibshirani 1993,
 * *An Introduction to the Bootstrap*, ch. 6 and 13: resample units with replacement, take the
 * 2.5th and 97.5th percentiles of the replicated statistic).
 *
 * A replicate is kept as how often it drew each unit (its multiplicities), not as its list of
 * draws: the sum of a statistic over a replicate is then Σ m_i · x_i over the units with x_i ≠ 0,
 * and most units have no hit of a given concept. Measured on the 10k benchmark corpus: rate
 * intervals over every outlet × concept took 7.3 s when each replicate re-read all n draws.
 */
import { createRandom, deriveSeed } from './prng.js';

/** Replicates per interval: B = 1000 is Efron & Tibshirani's advice for percentile intervals. */
export const BOOTSTRAP_REPLICATES = 1000;
/** Two-sided 95% interval. */
const LOWER_QUANTILE = 0.025;
const UPPER_QUANTILE = 0.975;
/**
 * Values that are multiples of 2^-10 (counts, token totals, voice weights × axis values such as
 * 0.25 × 0.5) add up exactly in floating point, in any order, while sums stay below 2^53 · 2^-10.
 * Only for them are multiplicity sums used; other values are added draw by draw in the original
 * order, so every interval is bit-identical to a draw-by-draw sum either way.
 */
const EXACT_SCALE = 1024;
const EXACT_LIMIT = Number.MAX_SAFE_INTEGER / EXACT_SCALE;

/** An interval; both ends null when no replicate had a defined statistic. */
export interface Interval {
  lo: number | null;
  hi: number | null;
}

/**
 * B replicates of n units drawn with replacement. `counts[i * replicates + b]` is how often
 * replicate `b` drew unit `i` (a unit's row is contiguous: sums over sparse units read in order).
 */
export interface Resamples {
  units: number;
  replicates: number;
  counts: Uint8Array | Uint16Array | Uint32Array;
  /** Seed of the draw stream, to replay the draws in order (`forEachDraw`). */
  streamSeed: number;
}

/**
 * Draw the replicates once per group of units. Shared by every figure of one outlet so its rates
 * and stances come from the same resamples. Draw `k` of replicate `b` is unit
 * `floor(random() · n)` of one seeded mulberry32 stream, replicates in order.
 */
export function drawResamples(n: number, seed: number, label: string, replicates = BOOTSTRAP_REPLICATES): Resamples {
  const streamSeed = deriveSeed(seed, label);
  // mulberry32 of src/stats/prng.ts, inlined: calling the generator's closure once per draw made
  // drawing 2.3× slower (10 M draws for the 10k benchmark corpus, 50 M at 50k). `forEachDraw`
  // replays the stream through `createRandom`; tests/stats/bootstrap.test.ts checks they agree.
  let state = streamSeed >>> 0;
  // One byte per unit and replicate; a unit drawn 256 times or more (needs n ≥ 256 and is
  // vanishingly rare) widens the table.
  let counts: Uint8Array | Uint16Array | Uint32Array = new Uint8Array(n * replicates);
  let max = 255;
  for (let b = 0; b < replicates; b += 1) {
    for (let k = 0; k < n; k += 1) {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = Math.imul(state ^ (state >>> 15), state | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      const random = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      const at = Math.floor(random * n) * replicates + b;
      if ((counts[at] ?? 0) === max) {
        counts = max === 255 ? Uint16Array.from(counts) : Uint32Array.from(counts);
        max = max === 255 ? 65_535 : 4_294_967_295;
      }
      counts[at] = (counts[at] ?? 0) + 1;
    }
  }
  return { units: n, replicates, counts, streamSeed };
}

/** Replay the draws in their original order: `visit(b, unit)` for each draw of each replicate. */
export function forEachDraw(resamples: Resamples, visit: (replicate: number, unit: number) => void): void {
  const random = createRandom(resamples.streamSeed);
  const n = resamples.units;
  for (let b = 0; b < resamples.replicates; b += 1) {
    for (let k = 0; k < n; k += 1) visit(b, Math.floor(random() * n));
  }
}

/**
 * Σ values over the draws of each replicate. Costs O(B) per unit with a non-zero value (plus one
 * pass over the units); bit-identical to adding draw by draw (see EXACT_SCALE).
 */
export function resampleSums(values: ArrayLike<number>, resamples: Resamples): Float64Array {
  const { units, replicates, counts } = resamples;
  if (values.length !== units) throw new Error(`resampleSums: ${values.length} values for ${units} units`);
  if (fitsPackedLanes(values, resamples)) return packedCountSums(values, resamples);
  const sums = new Float64Array(replicates);
  if (!addsUpExactly(values)) {
    forEachDraw(resamples, (b, unit) => {
      sums[b] = (sums[b] ?? 0) + (values[unit] ?? 0);
    });
    return sums;
  }
  for (let i = 0; i < units; i += 1) {
    const x = values[i] ?? 0;
    if (x === 0) continue;
    const row = i * replicates;
    // No branch on m = 0: adding 0 · x (±0) leaves a sum unchanged, and the loop stays tight.
    for (let b = 0; b < replicates; b += 1) sums[b] = (sums[b] ?? 0) + (counts[row + b] ?? 0) * x;
  }
  return sums;
}

/**
 * `resampleSums` of two value vectors over the same units (a ratio's numerator and denominator),
 * reading each multiplicity once for both. Measured on outlets of 330 and 1,650 articles: the
 * stance sums (dense: most articles have hits on an axis) take 60–70% of the time of two calls.
 */
export function resamplePairSums(first: ArrayLike<number>, second: ArrayLike<number>, resamples: Resamples): [Float64Array, Float64Array] {
  const { units, replicates, counts } = resamples;
  if (first.length !== units || second.length !== units || !addsUpExactly(first) || !addsUpExactly(second)) {
    return [resampleSums(first, resamples), resampleSums(second, resamples)];
  }
  const firstSums = new Float64Array(replicates);
  const secondSums = new Float64Array(replicates);
  for (let i = 0; i < units; i += 1) {
    const x = first[i] ?? 0;
    const y = second[i] ?? 0;
    if (x === 0 && y === 0) continue;
    const row = i * replicates;
    // Adding m · 0 (±0) leaves a sum unchanged, as in resampleSums.
    for (let b = 0; b < replicates; b += 1) {
      const m = counts[row + b] ?? 0;
      firstSums[b] = (firstSums[b] ?? 0) + m * x;
      secondSums[b] = (secondSums[b] ?? 0) + m * y;
    }
  }
  return [firstSums, secondSums];
}

/** Is the platform little-endian (byte 0 of a 32-bit word is its lowest)? */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
/** A 16-bit lane's capacity. */
const LANE_LIMIT = 65_536;

/**
 * Can `packedCountSums` add these values? Non-negative integers (hit counts) whose largest
 * replicate sum — at most n · max x, as a replicate draws n units in all — fits a 16-bit lane,
 * over byte multiplicities whose rows are whole, aligned 32-bit words.
 */
function fitsPackedLanes(values: ArrayLike<number>, resamples: Resamples): boolean {
  const { counts, replicates } = resamples;
  if (!LITTLE_ENDIAN || !(counts instanceof Uint8Array) || replicates % 4 !== 0 || counts.byteOffset % 4 !== 0) return false;
  let largest = 0;
  for (let i = 0; i < values.length; i += 1) {
    const x = values[i] ?? 0;
    if (!Number.isInteger(x) || x < 0) return false;
    largest = Math.max(largest, x);
  }
  return values.length * largest < LANE_LIMIT;
}

/**
 * `resampleSums` of small counts, four replicates at a time: the multiplicities of replicates
 * 4j … 4j+3 of a unit are the four bytes of word j of its row, and bytes 0 and 2 (then 1 and 3)
 * are multiplied and added as two 16-bit lanes of one 32-bit integer. `fitsPackedLanes` makes
 * sure no lane carries into the next, so every sum is the exact integer the plain loop gives.
 * Measured on outlets of 330 and 1,650 articles (the 10k and 50k benchmark corpora): half the
 * time of one replicate at a time; these concept-rate sums were the largest cost of the profiles.
 */
function packedCountSums(values: ArrayLike<number>, resamples: Resamples): Float64Array {
  const { units, replicates, counts } = resamples;
  const words = replicates / 4;
  const packed = new Uint32Array(counts.buffer, counts.byteOffset, units * words);
  const even = new Uint32Array(words);
  const odd = new Uint32Array(words);
  for (let i = 0; i < units; i += 1) {
    const x = values[i] ?? 0;
    if (x === 0) continue;
    const row = i * words;
    for (let j = 0; j < words; j += 1) {
      const word = packed[row + j] ?? 0;
      even[j] = (even[j] ?? 0) + (word & 0x00ff00ff) * x;
      odd[j] = (odd[j] ?? 0) + ((word >>> 8) & 0x00ff00ff) * x;
    }
  }
  const sums = new Float64Array(replicates);
  for (let j = 0; j < words; j += 1) {
    const e = even[j] ?? 0;
    const o = odd[j] ?? 0;
    sums[4 * j] = e & 0xffff;
    sums[4 * j + 1] = o & 0xffff;
    sums[4 * j + 2] = e >>> 16;
    sums[4 * j + 3] = o >>> 16;
  }
  return sums;
}

/**
 * Percentile interval of the replicated ratio `scale · numerator / denominator` from per-replicate
 * sums. A replicate whose denominator sums to 0 has no statistic and is left out (the ratio is
 * undefined there, not 0); `scale` multiplies the ratio (1000 for a per-1k rate).
 */
export function ratioInterval(numeratorSums: Float64Array, denominatorSums: Float64Array, scale = 1): Interval {
  const values = scratchOf(numeratorSums.length);
  let kept = 0;
  for (let b = 0; b < numeratorSums.length; b += 1) {
    const den = denominatorSums[b] ?? 0;
    if (den !== 0) values[kept++] = (scale * (numeratorSums[b] ?? 0)) / den;
  }
  if (kept === 0) return { lo: null, hi: null };
  const sample = values.subarray(0, kept);
  return { lo: selectQuantile(sample, LOWER_QUANTILE), hi: selectQuantile(sample, UPPER_QUANTILE) };
}

/** Reused by every interval: ~3,000 intervals per run each needed a fresh array of B floats. */
let scratch = new Float64Array(BOOTSTRAP_REPLICATES);

function scratchOf(length: number): Float64Array {
  if (scratch.length < length) scratch = new Float64Array(length);
  return scratch;
}

/**
 * Percentile interval of a pooled ratio Σ numerator / Σ denominator over resampled units.
 * When several figures share a denominator (rates per token), take `resampleSums` of it once and
 * call `ratioInterval` instead.
 */
export function bootstrapRatio(
  numerators: ArrayLike<number>,
  denominators: ArrayLike<number>,
  resamples: Resamples,
  scale = 1,
): Interval {
  return ratioInterval(resampleSums(numerators, resamples), resampleSums(denominators, resamples), scale);
}

/** Quantile of sorted values by linear interpolation (Hyndman & Fan 1996, type 7, R's default). */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) throw new Error('quantile of an empty sample');
  const h = (sorted.length - 1) * p;
  const lower = Math.floor(h);
  const a = sorted[lower] ?? 0;
  const b = sorted[Math.min(lower + 1, sorted.length - 1)] ?? a;
  return a + (h - lower) * (b - a);
}

/**
 * `quantile` of unsorted values, found by selection instead of a full sort (reorders `values`).
 * Type 7 reads only the order statistics ⌊h⌋ and ⌊h⌋ + 1, so the result is bit-identical to
 * sorting first. Measured: ~60 µs → ~23 µs per interval of B = 1000 replicates; the 10k benchmark
 * corpus has ~3,200 of them (one per outlet × concept), sorting them took ~0.2 s of the report.
 * Values must not hold NaN (ratios of finite sums with non-zero denominators never do).
 */
export function selectQuantile(values: Float64Array, p: number): number {
  if (values.length === 0) throw new Error('quantile of an empty sample');
  const h = (values.length - 1) * p;
  const lower = Math.floor(h);
  selectInPlace(values, lower, 0, values.length - 1);
  const a = values[lower] ?? 0;
  if (lower + 1 >= values.length) return a;
  // Everything after `lower` is ≥ a after selection: the next order statistic is their minimum.
  let b = values[lower + 1] ?? a;
  for (let i = lower + 2; i < values.length; i += 1) b = Math.min(b, values[i] ?? b);
  return a + (h - lower) * (b - a);
}

/**
 * Reorder `values[left..right]` so that `values[k]` holds the value it would have if that range
 * were sorted, with nothing greater before it and nothing smaller after it (Hoare's FIND,
 * CACM 4(7), 1961; median-of-three pivot).
 */
function selectInPlace(values: Float64Array, k: number, left: number, right: number): void {
  while (left < right) {
    const pivot = medianOfThree(values[left] ?? 0, values[(left + right) >> 1] ?? 0, values[right] ?? 0);
    let i = left;
    let j = right;
    while (i <= j) {
      while ((values[i] ?? 0) < pivot) i += 1;
      while ((values[j] ?? 0) > pivot) j -= 1;
      if (i <= j) {
        const swap = values[i] ?? 0;
        values[i] = values[j] ?? 0;
        values[j] = swap;
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

function medianOfThree(a: number, b: number, c: number): number {
  return a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
}

/**
 * Do sums of n draws of these values come out exactly, in any order? True for multiples of 2^-10
 * when n · max |x| (the largest partial sum) stays below 2^53 · 2^-10.
 */
function addsUpExactly(values: ArrayLike<number>): boolean {
  let largest = 0;
  for (let i = 0; i < values.length; i += 1) {
    const x = values[i] ?? 0;
    if (!Number.isInteger(x * EXACT_SCALE)) return false;
    largest = Math.max(largest, Math.abs(x));
  }
  return values.length * largest < EXACT_LIMIT;
}
