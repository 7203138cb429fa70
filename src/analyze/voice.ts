import type { Span, Token, Voice } from '../types.js';
import type { CompiledLexicon, CueKind } from '../lexicon/compile.js';
import { occurrencesAt, scanAll } from '../lexicon/matcher.js';
import type { TokenForms } from '../lexicon/matcher.js';
import { hasArabic } from '../text/arabic.js';
import { splitSentences } from '../text/sentences.js';
import { findQuotes, quoteAround } from '../text/quotes.js';
import type { Quote } from '../text/quotes.js';
import { Attribution, possessiveWordsPhrases } from './attribution.js';
import type { CueSpan } from './attribution.js';
import { isNegated } from './negation.js';
import { CUE, CueFlags, isExactNegator, voiceCuesFor } from './voice-cues.js';

/*
 * Voice and flags of lexicon hits (CONTRACT.md "Voice and flags"), from cheap cues only:
 * quotes (src/text/quotes.ts), reported content (./attribution.ts: speaker phrase vs content),
 * negation scope (./negation.ts), distancers and scare quotes (here). Cue lists are data:
 * lexicons/cues/<lang>.yaml and lexicons/cues/voice/<lang>.yaml (./voice-cues.ts).
 */

/** How far before a hit a distancer may stand (`the so-called Kiev regime`: 0 tokens between). */
const DISTANCER_WINDOW = 1;
/** Words between a naming verb and the hit: an article (`calls a …`); in Arabic the speaker and اسم. */
const NAMING_GAP_EN = 1;
const NAMING_GAP_AR = 3;
/** How far before a naming verb its `what` may stand: `what Russian President Vladimir Putin calls`. */
const NAMING_OPENER_WINDOW = 6;
/** A scare quote holds at most this many words (CONTRACT.md: "a short quote"). */
const SCARE_QUOTE_WORDS = 4;
/** Longest entity name looked back over when asking whether a token is part of one (`Sergey Viktorovich Lavrov`). */
const ENTITY_MAX_WORDS = 4;
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
  /** Which tokens lie in reported content, read per sentence on demand (src/analyze/attribution.ts). */
  attributed: Attribution;
  quotes: Quote[];
  /** Per token: 1 when an exact negator ends at it. */
  negatorEnd: Uint8Array;
  /** Voice cue flags, computed on demand (src/analyze/voice-cues.ts). */
  cues: CueFlags;
  /** Per token: the cue kinds of cue phrases that END at it (distancers). */
  cueEnds: Map<number, Set<CueKind>>;
  /** Per token: the cue kinds of cue phrases that START at it (distancers that follow a term). */
  cueStarts: Map<number, Set<CueKind>>;
  /** End of the speaker part of a `Speaker: claim` headline, or -1. */
  headlineColon: number;
}

/** The sentences of a text and the sentence of each of its tokens. */
export interface SentenceIndex {
  sentences: Span[];
  /** Sentence index of each token. */
  sentenceOf: Int32Array;
  /** Token range `[from, to)` of each sentence. */
  sentenceTokens: CueSpan[];
}

/**
 * Split `body` into sentences and place each token in one. Apart from the voice context because
 * matching asks only this of many articles (does a phrase run on across a sentence end?): an
 * article with candidate phrases but no hit then skips quotes and cues.
 */
export function indexSentences(body: string, tokens: readonly Token[]): SentenceIndex {
  const sentences = splitSentences(body);
  const sentenceOf = new Int32Array(tokens.length);
  const sentenceTokens: CueSpan[] = sentences.map(() => ({ from: tokens.length, to: tokens.length }));
  let s = 0;
  if (sentenceTokens.length > 0) sentenceTokens[0]!.from = 0;
  for (let i = 0; i < tokens.length; i++) {
    while (s < sentences.length - 1 && sentences[s]!.end <= tokens[i]!.start) {
      sentenceTokens[s]!.to = i;
      s++;
      sentenceTokens[s]!.from = i;
    }
    sentenceOf[i] = s;
  }
  return { sentences, sentenceOf, sentenceTokens };
}

export function buildVoiceContext(
  body: string,
  tokens: readonly Token[],
  forms: TokenForms,
  headlineEnd: number,
  lexicon: CompiledLexicon,
  { sentences, sentenceOf, sentenceTokens }: SentenceIndex = indexSentences(body, tokens),
): VoiceContext {
  const quotes = findQuotes(body);
  const isQuoted = (i: number): boolean => quoteAround(quotes, tokens[i]!.start, tokens[i]!.end) !== null;

  // Voice cues (speakers, complementizers, transparent words …) and entities, on demand.
  const cues = new CueFlags(voiceCuesFor(lexicon), tokens);
  const entityMemo = new Int8Array(tokens.length).fill(-1);
  const entity = (i: number): boolean => {
    if (entityMemo[i] === -1) {
      entityMemo[i] = 0;
      for (let j = i; j >= Math.max(0, i - ENTITY_MAX_WORDS + 1) && entityMemo[i] === 0; j--) {
        for (const o of occurrencesAt(lexicon.entities, forms, j)) if (o.to > i) entityMemo[i] = 1;
      }
    }
    return entityMemo[i] === 1;
  };

  const cueEnds = new Map<number, Set<CueKind>>();
  const cueStarts = new Map<number, Set<CueKind>>();
  const negatorEnd = new Uint8Array(tokens.length);
  const reporting: CueSpan[] = [];
  const attribution: CueSpan[] = [];
  const occurrences = scanAll(lexicon.cues, forms);
  // A reporting word inside a distancing phrase (`called` in `so-called`) reports no speech.
  const distancers = coverByDistancers(occurrences, tokens.length);
  for (const occurrence of occurrences) {
    for (const kind of occurrence.values) {
      if (kind === 'reporting' || kind === 'attribution') {
        if (!distancers.covers(occurrence)) (kind === 'reporting' ? reporting : attribution).push({ from: occurrence.from, to: occurrence.to });
      } else if (kind === 'negator') {
        // Negators match exactly: `noted` is not `not` + -ed (seed 002's "president noted that …").
        const norms: string[] = [];
        for (let i = occurrence.from; i < occurrence.to; i++) norms.push(tokens[i]!.norm);
        if (isExactNegator(cues.voiceCues, norms)) negatorEnd[occurrence.to - 1] = 1;
      } else {
        addKind(cueEnds, occurrence.to - 1, kind);
        addKind(cueStarts, occurrence.from, kind);
      }
    }
  }
  attribution.push(...possessiveWordsPhrases(body, tokens));
  // Longest reporting phrase per start (`pointed out` over `pointed`), in text order.
  const attributed = new Attribution({ body, tokens, sentenceTokens, sentenceOf, cues, entity, isQuoted, reporting: longestPerStart(reporting), attribution: longestPerStart(attribution), headlineEnd });
  return { body, tokens, headlineEnd, sentences, sentenceOf, attributed, quotes, negatorEnd, cues, cueEnds, cueStarts, headlineColon: headlineSpeakerColon(body, tokens, headlineEnd, cues) };
}

/**
 * `findHeadlineColon`, unless the words before the colon hold a kicker (`headline_kickers`): a
 * topic label, not a speaker — `Ukraine war: …`, `Live updates: …`, `Analysis: …`. Headlines are in
 * title case, so a capital tells no name from a kicker there.
 */
function headlineSpeakerColon(body: string, tokens: readonly Token[], headlineEnd: number, cues: CueFlags): number {
  const colon = findHeadlineColon(body, headlineEnd);
  for (let i = 0; colon !== -1 && i < tokens.length && tokens[i]!.end <= colon; i++) if ((cues.covers(i) & CUE.headlineKicker) !== 0) return -1;
  return colon;
}

/**
 * Which token spans lie inside a multi-word distancing phrase other than themselves. One pass
 * marks, per token, the longest such phrase covering it: comparing every reporting word with
 * every phrase was quadratic (a hostile 2 MB line of "said … so-called" took 81 s).
 */
function coverByDistancers(occurrences: readonly { from: number; to: number; values: readonly string[] }[], tokenCount: number) {
  const coverFrom = new Int32Array(tokenCount).fill(-1);
  const coverTo = new Int32Array(tokenCount).fill(-1);
  for (const o of occurrences) {
    if (o.to - o.from <= 1 || !o.values.includes('distancer')) continue;
    for (let i = o.from; i < o.to; i++) {
      if (o.to - o.from > coverTo[i]! - coverFrom[i]!) {
        coverFrom[i] = o.from;
        coverTo[i] = o.to;
      }
    }
  }
  return {
    covers(o: { from: number; to: number; values: readonly string[] }): boolean {
      const from = coverFrom[o.from]!;
      const to = coverTo[o.from]!;
      if (from === -1 || from > o.from || to < o.to) return false;
      // The phrase itself (`so-called` as both distancer and reporting cue) is not inside another.
      return !(from === o.from && to === o.to && o.values.includes('distancer'));
    },
  };
}

/** Keep one span per start token, the longest; drop spans inside an earlier one. */
function longestPerStart(spans: CueSpan[]): CueSpan[] {
  const sorted = [...spans].sort((a, b) => a.from - b.from || b.to - a.to);
  const out: CueSpan[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && span.from < last.to) continue;
    out.push(span);
  }
  return out;
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
  const attributed = ctx.attributed.isAttributed(from);
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
  return { voice, negated: isNegated(ctx, from), distanced: scare || isDistanced(ctx, from, to, sentenceIndex), sentence };
}

/** A short quote that is essentially the term itself: ≤ 4 words, at most one word besides the hit. */
function isScareQuote(ctx: VoiceContext, quote: Quote, from: number, to: number): boolean {
  let words = 0;
  for (let i = from; i >= 0 && ctx.tokens[i]!.start >= quote.innerStart; i--) words++;
  for (let i = from + 1; i < ctx.tokens.length && ctx.tokens[i]!.end <= quote.innerEnd; i++) words++;
  return words <= SCARE_QUOTE_WORDS && words - (to - from) <= 1;
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
  return isNamedByOthers(ctx, from, sentenceIndex) || isNamedByOthersAfter(ctx, to, sentenceIndex);
}

/**
 * `the special military operation, as Moscow calls it, …`, `the “referendum” (as the Kremlin terms
 * it)`: right after the hit (a comma or a bracket between at most), an `as_openers` word, then
 * within a few words a naming verb and its object (`naming_objects`: it, them …), no punctuation
 * from `as` on. The outlet hands the name to someone else, as with `what Moscow calls …`.
 */
function isNamedByOthersAfter(ctx: VoiceContext, to: number, sentenceIndex: number): boolean {
  const opener = to;
  if (opener >= ctx.tokens.length || ctx.sentenceOf[opener] !== sentenceIndex || (ctx.cues.starts(opener) & CUE.asOpener) === 0) return false;
  if (!/^[\s,(]*$/.test(ctx.body.slice(ctx.tokens[opener - 1]!.end, ctx.tokens[opener]!.start))) return false;
  for (let verb = opener + 1; verb < Math.min(ctx.tokens.length - 1, opener + 1 + NAMING_OPENER_WINDOW); verb++) {
    if (ctx.sentenceOf[verb + 1] !== sentenceIndex || punctuationBefore(ctx, verb)) return false;
    if ((ctx.cues.starts(verb) & CUE.namingVerb) !== 0 && (ctx.cues.starts(verb + 1) & CUE.namingObject) !== 0 && !punctuationBefore(ctx, verb + 1)) return true;
  }
  return false;
}

/**
 * `what Russia calls a special military operation`, `ما تسميه روسيا العملية العسكرية الخاصة`, `what
 * the Kremlin terms …`, `which Moscow calls …`: a naming verb (`naming_verbs`) just before the hit,
 * opened by `what` / `which` / `ما` (`naming_openers`) a few words before it. The outlet hands the
 * term to someone else, as `so-called` does (CONTRACT.md "Voice and flags": distanced), whoever
 * that is — the fixed `what it calls` of the distancer list covers only the speakers it names.
 * Between the verb and the hit stand at most an article (English) or, the verb coming first in
 * Arabic, the speaker and `اسم` (`ما يطلق عليه الكرملين اسم …`); no punctuation anywhere in between.
 */
function isNamedByOthers(ctx: VoiceContext, from: number, sentenceIndex: number): boolean {
  const arabic = hasArabic(ctx.tokens[from]!.norm);
  const gapMax = arabic ? NAMING_GAP_AR : NAMING_GAP_EN;
  for (let end = from - 1; end >= Math.max(0, from - 1 - gapMax); end--) {
    if (ctx.sentenceOf[end] !== sentenceIndex || punctuationBefore(ctx, end + 1)) return false;
    if ((ctx.cues.covers(end) & CUE.namingVerb) !== 0) {
      let start = end;
      while (start > 0 && (ctx.cues.covers(start - 1) & CUE.namingVerb) !== 0 && !punctuationBefore(ctx, start)) start--;
      for (let i = start - 1; i >= Math.max(0, start - NAMING_OPENER_WINDOW); i--) {
        if (ctx.sentenceOf[i] !== sentenceIndex || punctuationBefore(ctx, i + 1)) return false;
        // English names the speaker between opener and verb (`which Moscow calls`): `which calls the
        // invasion illegal` names nothing. Arabic puts the verb first (`ما تسميه روسيا`).
        if ((ctx.cues.starts(i) & CUE.namingOpener) !== 0) return arabic || i < start - 1;
      }
      return false;
    }
    if (!arabic && (ctx.cues.covers(end) & CUE.determiner) === 0) return false;
  }
  return false;
}

/** Punctuation between token `i - 1` and token `i` (quotation marks aside: `what it calls a “…”`). */
function punctuationBefore(ctx: VoiceContext, i: number): boolean {
  return /[.,;:!?،؛—–()]/.test(ctx.body.slice(ctx.tokens[i - 1]!.end, ctx.tokens[i]!.start));
}
