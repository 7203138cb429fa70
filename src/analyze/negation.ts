import type { Token } from '../types.js';
import { CUE } from './voice-cues.js';

/**
 * How many words before a hit its negator may stand ("did not call it an invasion": 4).
 * Only `negation_transparent` words may stand in between, so the negator governs the term.
 */
const NEGATION_WINDOW = 5;
/** A clause boundary between a negator and the hit cancels the negation ("no doubt, the …", "لا، بل"). */
const CLAUSE_BREAK = /[,;:.!?،؛؟—–]/;

export interface NegationInput {
  body: string;
  tokens: readonly Token[];
  sentenceOf: Int32Array;
  /** Per token: 1 when an exact negator ends at it. */
  negatorEnd: Uint8Array;
  /** Voice cue flags of the cue phrases covering a token (`CUE.negationTransparent`). */
  cues: { covers(i: number): number };
}

/**
 * True when a negator governs the hit starting at token `from`: it stands before the hit, in the
 * same sentence and clause, with only transparent words between ("not a special military
 * operation", "ليس غزوا", "لم تكن عملية عسكرية خاصة"). A negator after the term ("The Kiev regime is
 * not independent") or one that governs another word ("not only in Kiev", "will never talk to the
 * Kiev regime", "لا يزال نظام كييف") does not negate the term: the framing word is still used.
 */
export function isNegated(input: NegationInput, from: number): boolean {
  // Most hits have no negator anywhere near: a scan of a byte array settles them.
  let near = false;
  for (let i = from - 1; i >= Math.max(0, from - NEGATION_WINDOW) && !near; i--) near = input.negatorEnd[i] === 1;
  if (!near) return false;
  const hitStart = input.tokens[from]!.start;
  const sentence = input.sentenceOf[from];
  for (let i = from - 1; i >= Math.max(0, from - NEGATION_WINDOW); i--) {
    if (input.sentenceOf[i] !== sentence) return false;
    if (CLAUSE_BREAK.test(input.body.slice(input.tokens[i]!.end, i + 1 === from ? hitStart : input.tokens[i + 1]!.start))) return false;
    if (input.negatorEnd[i] === 1) return true;
    if ((input.cues.covers(i) & CUE.negationTransparent) === 0) return false;
  }
  return false;
}
