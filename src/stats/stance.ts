/**
 * Stance per axis (CONTRACT.md "Stance"): a weighted mean of the axis values of the hits, where
 * the weight says how much the hit is the outlet's own voice.
 */
import type { Concept, Match, Voice } from '../types.js';

/** Own voice counts fully; reported speech half; quotes a quarter (CONTRACT.md default). */
export const VOICE_WEIGHTS: Readonly<Record<Voice, number>> = {
  authorial: 1,
  headline: 1,
  attributed: 0.5,
  quoted: 0.25,
};

/** Sums behind a stance: numerator Σ w·v, denominator Σ w·|v|, and the hits that carry weight. */
export interface StanceSums {
  num: number;
  den: number;
  hits: number;
}

/** Weight of one hit: 0 when negated (the term is denied, not used). */
export function weighHit(match: Pick<Match, 'voice' | 'negated'>): number {
  return match.negated ? 0 : VOICE_WEIGHTS[match.voice];
}

/**
 * Sums of one article's hits on one axis. A distanced hit ("so-called …") counts with its axis
 * value reversed; a hit with weight 0 or no value on the axis is not evidence and not counted.
 */
export function sumStance(matches: readonly Match[], axis: string, concepts: ReadonlyMap<string, Concept>): StanceSums {
  const sums: StanceSums = { num: 0, den: 0, hits: 0 };
  for (const match of matches) {
    const value = concepts.get(match.concept)?.axes[axis];
    if (value === undefined || value === 0) continue;
    const weight = weighHit(match);
    if (weight === 0) continue;
    const signed = match.distanced ? -value : value;
    sums.num += weight * signed;
    sums.den += weight * Math.abs(value);
    sums.hits += 1;
  }
  return sums;
}

/** Stance in [-1, 1], or null when nothing stands behind it (never 0 for "no evidence"). */
export function stanceOf(sums: StanceSums): number | null {
  return sums.den === 0 ? null : sums.num / sums.den;
}

/** Every axis declared by the concepts, sorted (CONTRACT.md: union of the lexicons' axes). */
export function listAxes(concepts: readonly Concept[]): string[] {
  const axes = new Set<string>();
  for (const concept of concepts) for (const axis of Object.keys(concept.axes)) axes.add(axis);
  return [...axes].sort(compareText);
}

/** Code-unit order: locale-free, so sorting is the same on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
