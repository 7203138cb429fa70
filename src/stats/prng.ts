/**
 * Seeded randomness for the bootstrap (STYLE.md §9: seeded randomness only).
 *
 * mulberry32 (Tommy Ettinger, public domain, 2017): a 32-bit state generator, fast and good
 * enough for resampling indices; not for cryptography.
 */

/** A generator of floats in [0, 1). */
export type Random = () => number;

/** Create a mulberry32 generator from a 32-bit seed. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Derive a seed from the run seed and a label (FNV-1a over UTF-16 units), so every figure gets
 * its own stream and its interval does not depend on the order figures are computed in.
 */
export function deriveSeed(seed: number, label: string): number {
  let hash = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < label.length; i += 1) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
