import type { Span, Token, Voice } from '../types.js';
import type { CompiledLexicon, CueKind } from '../lexicon/compile.js';
import { scanAll } from '../lexicon/matcher.js';
import type { TokenForms } from '../lexicon/matcher.js';
import { splitSentences } from '../text/sentences.js';
import { findQuotes, quoteAround } from '../text/quotes.js';
import type { Quote } from '../text/quotes.js';

/** How far before a hit a negator may stand (tokens), within the same clause. */
const NEGATION_WINDOW = 4;
/** How far before a hit a distancer may stand (`the so-called Kiev regime`: 0 tokens between). */
const DISTANCER_WINDOW = 1;
/** A scare quote holds at most this many words (CONTRACT.md: "a short quote"). */
const SCARE_QUOTE_WORDS = 4;
/** A clause boundary between a negator and the hit cancels the negation. */
const CLAUSE_BREAK = /[,;:.!?،؛؟—–]/;
/** Longest headline speaker before `Speaker: claim` (`Russian MoD:`, `Iranian Intelligence Minister X:`). */
const HEADLINE_SPEAKER_WORDS = 7;

/** The context voice and flags are read from, built once per article. */
export interface VoiceContext {
  body: string;
  tokens: readonly Token[];
  headlineEnd: number;
  sentences: Span[];
  /** Sentence index of each token. */
  sentenceOf: Int32Array;
  attributed: boolean[];
  quotes: Quote[];
  /** Per token: the cue kinds of cue phrases that END at it (negators, distancers). */
  cueEnds: Map<number, Set<CueKind>>;
  /** Per token: the cue kinds of cue phrases that START at it (distancers that follow a term). */
  cueStarts: Map<number, Set<CueKind>>;
  /** End of the speaker part of a `Speaker: claim` headline, or -1. */
  headlineColon: number;
}

export function buildVoiceContext(body: string, tokens: readonly Token[], forms: TokenForms, headlineEnd: number, lexicon: CompiledLexicon): VoiceContext {
  const sentences = splitSentences(body);
  const sentenceOf = new Int32Array(tokens.length);
  let s = 0;
  for (let i = 0; i < tokens.length; i++) {
    while (s < sentences.length - 1 && sentences[s]!.end <= tokens[i]!.start) s++;
    sentenceOf[i] = s;
  }
  const attributed = new Array<boolean>(sentences.length).fill(false);
  const cueEnds = new Map<number, Set<CueKind>>();
  const cueStarts = new Map<number, Set<CueKind>>();
  const occurrences = scanAll(lexicon.cues, forms);
  // A reporting word inside a distancing phrase (`called` in `so-called`) reports no speech.
  const distancerSpans = occurrences.filter((o) => o.values.includes('distancer') && o.to - o.from > 1);
  for (const occurrence of occurrences) {
    for (const kind of occurrence.values) {
      const insideDistancer = distancerSpans.some((d) => d !== occurrence && d.from <= occurrence.from && d.to >= occurrence.to);
      if ((kind === 'reporting' || kind === 'attribution') && !insideDistancer) attributed[sentenceOf[occurrence.from]!] = true;
      addKind(cueEnds, occurrence.to - 1, kind);
      addKind(cueStarts, occurrence.from, kind);
    }
  }
  return { body, tokens, headlineEnd, sentences, sentenceOf, attributed, quotes: findQuotes(body), cueEnds, cueStarts, headlineColon: findHeadlineColon(body, headlineEnd) };
}

function addKind(map: Map<number, Set<CueKind>>, at: number, kind: CueKind): void {
  let set = map.get(at);
  if (set === undefined) {
    set = new Set();
    map.set(at, set);
  }
  set.add(kind);
}

/** `Lavrov: Kiev regime …`, `Russian MoD: Kiev refused …` — a short speaker then a colon. */
function findHeadlineColon(body: string, headlineEnd: number): number {
  if (headlineEnd <= 0) return -1;
  const headline = body.slice(0, headlineEnd);
  const colon = headline.search(/[:：]/);
  if (colon <= 0) return -1;
  const speakerWords = headline.slice(0, colon).trim().split(/\s+/).length;
  return speakerWords <= HEADLINE_SPEAKER_WORDS ? colon : -1;
}

export interface VoiceResult {
  voice: Voice;
  negated: boolean;
  distanced: boolean;
  sentence: Span;
}

/** Voice and flags of the hit on tokens `[from, to)` (CONTRACT.md "Voice and flags"). */
export function voiceOf(ctx: VoiceContext, from: number, to: number): VoiceResult {
  const start = ctx.tokens[from]!.start;
  const end = ctx.tokens[to - 1]!.end;
  const sentenceIndex = ctx.sentenceOf[from]!;
  const sentence = ctx.sentences[sentenceIndex] ?? { start, end };
  const attributed = ctx.attributed[sentenceIndex] === true;
  const quote = quoteAround(ctx.quotes, start, end);
  let voice: Voice;
  let scare = false;
  if (quote !== null) {
    voice = 'quoted';
    scare = !quote.open && !attributed && isScareQuote(ctx, quote, from, to);
  } else if (attributed || (start < ctx.headlineEnd && ctx.headlineColon !== -1 && start > ctx.headlineColon)) {
    voice = 'attributed';
  } else if (start < ctx.headlineEnd) {
    voice = 'headline';
  } else {
    voice = 'authorial';
  }
  return { voice, negated: isNegated(ctx, from, sentenceIndex), distanced: scare || isDistanced(ctx, from, to, sentenceIndex), sentence };
}

/** A short quote that is essentially the term itself: ≤ 4 words, at most one word besides the hit. */
function isScareQuote(ctx: VoiceContext, quote: Quote, from: number, to: number): boolean {
  let words = 0;
  for (let i = from; i >= 0 && ctx.tokens[i]!.start >= quote.innerStart; i--) words++;
  for (let i = from + 1; i < ctx.tokens.length && ctx.tokens[i]!.end <= quote.innerEnd; i++) words++;
  return words <= SCARE_QUOTE_WORDS && words - (to - from) <= 1;
}

function isNegated(ctx: VoiceContext, from: number, sentenceIndex: number): boolean {
  const hitStart = ctx.tokens[from]!.start;
  for (let i = from - 1; i >= Math.max(0, from - NEGATION_WINDOW); i--) {
    if (ctx.sentenceOf[i] !== sentenceIndex) return false;
    if (CLAUSE_BREAK.test(ctx.body.slice(ctx.tokens[i]!.end, hitStart))) return false;
    if (ctx.cueEnds.get(i)?.has('negator') === true) return true;
  }
  return false;
}

function isDistanced(ctx: VoiceContext, from: number, to: number, sentenceIndex: number): boolean {
  for (let i = from - 1; i >= Math.max(0, from - 1 - DISTANCER_WINDOW); i--) {
    if (ctx.sentenceOf[i] !== sentenceIndex) break;
    if (ctx.cueEnds.get(i)?.has('distancer') === true) return true;
  }
  for (let i = to; i < Math.min(ctx.tokens.length, to + 1 + DISTANCER_WINDOW); i++) {
    if (ctx.sentenceOf[i] !== sentenceIndex) break;
    if (ctx.cueStarts.get(i)?.has('distancerAfter') === true) return true;
  }
  return false;
}
