import type { Token } from '../types.js';
import { hasArabic } from '../text/arabic.js';
import { isStopWord } from '../text/terms.js';
import { CUE } from './voice-cues.js';

/**
 * Which words of a sentence are reported content. No parser: cue lists and word order only.
 *
 * - `Speaker VERB (that) content`: only the content (after the verb) is attributed; the speaker
 *   phrase and whatever precedes the verb are the outlet's own words ("Yesterday, the
 *   self-proclaimed … announced a mobilization": `self-proclaimed` is authorial).
 * - `content, Speaker VERB [tail].` (and `content, VERB Speaker.`): the words before the comma are
 *   the content; a following `, adding that …` continues it. The tail is tail words, numbers and
 *   (English) names: `…, Peskov told RIA Novosti on Monday.`
 * - `according to X, content` / `content, according to X`: X is authorial, the rest attributed.
 * - Arabic `قال X إن content`: the content starts after إن/أن; a sentence that opens with a
 *   reporting verb (وأضاف، وتابع …) is reported speech, the verb carrying its subject (pro-drop).
 * - A reporting verb needs a speaker (CONTRACT.md "Voice and flags"): a pronoun, a speaker noun, a
 *   lexicon entity or (English) a capitalised name near it; passive ("is said") and hearsay
 *   ("said to be") forms have none.
 */

/** How far before a verb its speaker may stand ("Oleksiy Arestovich, adviser to the head of …, claimed"). */
const SPEAKER_WINDOW = 10;
/** How far after an Arabic verb its complementizer may stand (`قال وزير الخارجية الروسي سيرغي لافروف، إن`). */
const AR_COMPLEMENTIZER_WINDOW = 16;
/**
 * An Arabic verb after a comma with at most this many words to the sentence end, and at least
 * `AR_CONTENT_MIN` words before the comma, is post-posed (`…، قال لافروف.`); a short lead-in
 * (`وفي وقت سابق، أعلن الجيش …`) is not content.
 */
const AR_TAIL_MAX = 4;
const AR_CONTENT_MIN = 6;
/**
 * The tail after `…، كما قال X` is at most this many words (the speaker, `للصحفيين`), and starts
 * with the speaker: كما is as often "also" (`…، كما أعلن الجيش السيطرة على بلدة.`, `… كما أعلنت
 * ضم المناطق.`), where the verb has an object of its own.
 */
const AR_AS_TAIL_MAX = 2;
/** Arabic relative pronouns, normalised (الذى/التى fold to these): a clause of their own starts there. */
const AR_RELATIVE_PRONOUNS: ReadonlySet<string> = new Set(['الذي', 'التي', 'الذين', 'اللذين', 'اللتين', 'اللواتي', 'اللاتي', 'والذي', 'والتي', 'والذين']);
/** English relative pronouns that open a clause a comma sets off (`…, which the ministry said …,`). */
const EN_RELATIVE_PRONOUNS: ReadonlySet<string> = new Set(['which', 'who', 'whom', 'whose']);
/** Prepositions: a determiner right after one is inside an object noun phrase, not the start of a name. */
const EN_PREPOSITIONS: ReadonlySet<string> = new Set(['of', 'over', 'in', 'on', 'at', 'for', 'with', 'from', 'by', 'to', 'against', 'about', 'into', 'near', 'across', 'under', 'behind', 'after', 'before', 'during', 'since', 'between', 'among', 'around', 'through', 'toward', 'towards', 'inside', 'outside', 'without', 'within', 'along', 'amid', 'upon']);
/** Auxiliaries and copulas that carry a clause on after a report set off by commas (`The Kiev regime, Lavrov claimed, was …`). */
const EN_RESUMING_VERBS: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'could', 'can', 'should', 'must', 'may', 'might', 'did', 'does', 'do', 'remains', 'remained', 'wants', 'wanted', 'planned', 'plans', 'sought', 'seeks']);
/** Coordinating conjunctions that may open a second report with a speaker of its own. */
const EN_COORDINATORS: ReadonlySet<string> = new Set(['and', 'but', 'while', 'whereas']);
/** After `as`, words that open a clause or a conjunction (`as the war began`, `as well as`), not a name given. */
const EN_AS_CLAUSE: ReadonlySet<string> = new Set(['the', 'this', 'these', 'those', 'well', 'long', 'soon', 'far', 'much', 'many', 'if', 'though', 'part', 'expected', 'usual']);
/** Conjunctions: a naming verb's object and the name given it never run across one (`labelled X illegitimate and called …`). */
const EN_CONJUNCTIONS: ReadonlySet<string> = new Set(['and', 'but', 'or', 'nor', 'while', 'whereas', 'although', 'though', 'because', 'if', 'unless', 'until', 'when']);
/** An inverted speaker (`…, said the ministry's spokesperson`) is at most this many words. */
const INVERTED_SPEAKER_MAX = 4;
/** Words before its first speaker word: `the`, `presidential` in `said presidential spokesman Peskov`. */
const INVERTED_MODIFIERS_MAX = 2;
/** A subject noun phrase: determiner plus at most this many words minus one ("the local election commission"). */
const SUBJECT_WORDS = 4;
/** `according to X` without a comma after X: X is taken to be this many words. */
const SOURCE_GUESS = 3;
/** `according to X,`: X ends at the first comma within this many words. */
const SOURCE_MAX = 10;
/** The first object of an `object_verbs` verb and the name given it span at most this many words (`calls the Russian-installed authorities in Kherson a …`). */
const OBJECT_MAX = 7;
/** What opens a quotation between two words (straight quotes open one when a space precedes them). */
const OPENING_QUOTE = /[“«‘]|\s["']$/;
/** Punctuation that ends a speaker phrase or a clause: comma, semicolon, colon, dash, closing quote. */
const BOUNDARY_CHARS = new Set([...',،;؛:—–"”»'].map((c) => c.charCodeAt(0)));
/** What may close the tail of a post-posed report: the sentence end or a comma-like mark (not a colon). */
const TAIL_END = /^[^:“"«]*[,،;؛—–][^:“"«]*$/;
const CAPITAL = /^\p{Lu}/u;

/** A reporting verb or attribution phrase found by the cue matcher: tokens `[from, to)`. */
export interface CueSpan {
  from: number;
  to: number;
  /** An attribution phrase that names its source itself (`In Zorin's words`): the content starts right after it. */
  namesSource?: boolean;
}

export interface AttributionInput {
  body: string;
  tokens: readonly Token[];
  /** Token range of each sentence. */
  sentenceTokens: readonly CueSpan[];
  /** Sentence index of each token. */
  sentenceOf: Int32Array;
  /** Voice cue flags (`CUE`) of the cue phrases covering / starting at a token. */
  cues: { covers(i: number): number; starts(i: number): number };
  /** True when a lexicon entity covers the token (a speaker). */
  entity: (i: number) => boolean;
  /** True when the token sits inside a quotation. */
  isQuoted: (i: number) => boolean;
  reporting: readonly CueSpan[];
  attribution: readonly CueSpan[];
  /** Offset where the headline ends (title case there: a capitalised verb is still a verb). */
  headlineEnd: number;
}

/**
 * Which tokens lie in reported content, worked out one sentence at a time and only for sentences
 * that are asked about (those holding a lexicon hit): most sentences hold none.
 */
export class Attribution {
  private readonly content: Uint8Array;
  /** Per sentence: 0 = not read yet, 1 = read. */
  private readonly done: Uint8Array;
  /** Reporting verbs and attribution phrases per sentence, in text order. */
  private readonly verbsOf: Map<number, CueSpan[]> = new Map();
  private readonly phrasesOf: Map<number, CueSpan[]> = new Map();

  constructor(private readonly input: AttributionInput) {
    this.content = new Uint8Array(input.tokens.length);
    this.done = new Uint8Array(input.sentenceTokens.length);
    for (const verb of input.reporting) push(this.verbsOf, input.sentenceOf[verb.from]!, verb);
    for (const phrase of input.attribution) push(this.phrasesOf, input.sentenceOf[phrase.from]!, phrase);
  }

  /** True when token `i` lies in reported content. */
  isAttributed(i: number): boolean {
    const s = this.input.sentenceOf[i]!;
    if (this.done[s] === 0) {
      this.done[s] = 1;
      readSentence(this.input, this.input.sentenceTokens[s]!, this.verbsOf.get(s) ?? [], this.phrasesOf.get(s) ?? [], this.content);
    }
    return this.content[i] === 1;
  }
}

/** A name in `in <Name>'s words` is at most this many words (`In the Russian foreign ministry's view`). */
const POSSESSOR_MAX = 4;
/** A possessive token (`Zorin's`: the tokenizer keeps an apostrophe between letters inside the word). */
const POSSESSIVE_END = /['’]s$/;

/** What `in <Name>'s …` may hold as the name's: words, or a point of view (`In the Kremlin's view`). */
const EN_POSSESSED_SOURCES: ReadonlySet<string> = new Set(['words', 'view', 'views', 'eyes', 'telling', 'account', 'version', 'opinion', 'estimation', 'reading']);

/**
 * `In Zorin's words, …`, `In the Kremlin's view, …`: the attribution phrase `in his words` with a
 * name in the pronoun's place, which a cue list cannot spell. `in`, optionally `the`, one to
 * POSSESSOR_MAX words, the first capitalised and the last possessive, optionally `own`, then a word of
 * EN_POSSESSED_SOURCES, with nothing but spaces between: the phrase as a span of tokens, read like
 * `according to` (after the comma, the sentence is the speaker's).
 */
export function possessiveWordsPhrases(body: string, tokens: readonly Token[]): CueSpan[] {
  const spans: CueSpan[] = [];
  const spaceOnly = (i: number): boolean => body.slice(tokens[i - 1]!.end, tokens[i]!.start).trim() === '';
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i]!.norm !== 'in') continue;
    const first = tokens[i + 1]!.norm === 'the' && spaceOnly(i + 1) ? i + 2 : i + 1;
    for (let j = first; j < first + POSSESSOR_MAX && j + 1 < tokens.length; j++) {
      const surface = body.slice(tokens[j]!.start, tokens[j]!.end);
      if ((j === first && !CAPITAL.test(surface)) || !spaceOnly(j)) break;
      if (!POSSESSIVE_END.test(surface)) continue;
      // `in Zorin's own words`
      const source = tokens[j + 1]!.norm === 'own' && j + 2 < tokens.length && spaceOnly(j + 2) ? j + 2 : j + 1;
      if (EN_POSSESSED_SOURCES.has(tokens[source]!.norm) && spaceOnly(j + 1)) spans.push({ from: i, to: source + 1, namesSource: true });
      break;
    }
  }
  return spans;
}

function push(map: Map<number, CueSpan[]>, key: number, span: CueSpan): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [span]);
  else list.push(span);
}

function readSentence(input: AttributionInput, sentence: CueSpan, reportingVerbs: readonly CueSpan[], phrases: readonly CueSpan[], content: Uint8Array): void {
  let hasVerb = false;
  // An `as` clause's verb that is a reporting verb too (`as the ministry described it`) is read
  // once, as the longer phrase: the object `it` belongs to the verb, not to its content.
  const asVerbs = asClauseVerbs(input, sentence);
  const verbs = asVerbs.length === 0 ? reportingVerbs : [...reportingVerbs.filter((verb) => !asVerbs.some((span) => span.from === verb.from)), ...asVerbs].sort((a, b) => a.from - b.from);
  for (const [v, verb] of verbs.entries()) {
    if (input.isQuoted(verb.from) || !isVerbToken(input, verb.from, sentence.from)) continue;
    const found = hasArabic(input.tokens[verb.from]!.norm) ? readArabicReport(input, verb, sentence, content) : readEnglishReport(input, verb, sentence, content, verbs[v + 1]);
    if (found) hasVerb = true;
  }
  if (readAsComplements(input, sentence, content)) hasVerb = true;
  for (const phrase of phrases) {
    if (input.isQuoted(phrase.from)) continue;
    if ((input.cues.starts(phrase.from) & CUE.speechSetting) !== 0) {
      // "In a statement, the ministry …": only when no reporting verb attributes the sentence.
      if (!hasVerb) mark(content, nextBoundary(input, phrase.to, sentence.to, sentence.to) ?? phrase.to, sentence.to);
      continue;
    }
    // `according to X`: X runs to the next comma (or Arabic complementizer); the rest is content.
    let xEnd = phrase.namesSource ? phrase.to : nextBoundary(input, phrase.to, sentence.to, phrase.to + SOURCE_MAX);
    if (xEnd === null) xEnd = Math.min(sentence.to, phrase.to + SOURCE_GUESS);
    mark(content, sentence.from, phrase.from);
    mark(content, xEnd, sentence.to);
  }
}

/**
 * `As Peskov put it, …`, `…, as the ministry described it.`: an `as_verbs` phrase opened by an
 * `as_openers` word a few words before it, with no punctuation between, reports speech like a
 * reporting verb (its speaker is checked as theirs is). Elsewhere the phrase reports nothing.
 */
function asClauseVerbs(input: AttributionInput, sentence: CueSpan): CueSpan[] {
  const spans: CueSpan[] = [];
  for (let k = sentence.from + 1; k < sentence.to; k++) {
    if ((input.cues.starts(k) & CUE.asVerb) === 0) continue;
    let to = k + 1;
    while (to < sentence.to && (input.cues.covers(to) & CUE.asVerb) !== 0 && !boundaryBefore(input, to)) to++;
    for (let j = k - 1; j >= Math.max(sentence.from, k - SPEAKER_WINDOW); j--) {
      if (boundaryBefore(input, j + 1)) break;
      if ((input.cues.covers(j) & CUE.asOpener) !== 0) {
        spans.push({ from: k, to });
        break;
      }
    }
    k = to - 1;
  }
  return spans;
}

/**
 * `Moscow views the invasion as a defensive war`, `refers to the war as a special military
 * operation`: an `as_complement_verbs` verb with a speaker before it reports the words from the
 * `as` after its object (within OBJECT_MAX words, no punctuation between) to the clause's end; its
 * object stays the outlet's words. Without such an `as` the verb reports nothing (`saw the ruins`,
 * `referred to the war`), nor in the passive (`is seen as`). True when it reported.
 */
function readAsComplements(input: AttributionInput, sentence: CueSpan, content: Uint8Array): boolean {
  let found = false;
  for (let k = sentence.from + 1; k < sentence.to; k++) {
    if ((input.cues.starts(k) & CUE.asComplementVerb) === 0 || input.isQuoted(k)) continue;
    let to = k + 1;
    while (to < sentence.to && (input.cues.covers(to) & CUE.asComplementVerb) !== 0 && !boundaryBefore(input, to)) to++;
    if (!isPassiveOrHearsay(input, k, k + 1, sentence) && hasSpeakerIn(input, Math.max(sentence.from, k - SPEAKER_WINDOW), k, sentence.from)) {
      for (let j = to + 1; j < Math.min(sentence.to, to + OBJECT_MAX + 1); j++) {
        if (boundaryBefore(input, j)) break;
        // `as he spoke`, `as the war entered its second year`, `as well as`: a clause or a
        // conjunction, not the name given (a name rarely opens with a pronoun or a demonstrative).
        if ((input.cues.covers(j) & CUE.asOpener) !== 0 && j + 1 < sentence.to && ((input.cues.covers(j + 1) & CUE.pronoun) !== 0 || EN_AS_CLAUSE.has(input.tokens[j + 1]!.norm))) break;
        if ((input.cues.covers(j) & CUE.asOpener) !== 0) {
          mark(content, j, relativeClauseEnd(input, k, to, sentence) ?? sentence.to);
          found = true;
          break;
        }
      }
    }
    k = to - 1;
  }
  return found;
}

function mark(content: Uint8Array, from: number, to: number): void {
  for (let i = from; i < to; i++) content[i] = 1;
}

/** The text between token `i - 1` and token `i`. */
function between(input: AttributionInput, i: number): string {
  return input.body.slice(input.tokens[i - 1]!.end, input.tokens[i]!.start);
}

/** Punctuation between token `i - 1` and token `i` (a character loop: the gap is mostly one space). */
function boundaryBefore(input: AttributionInput, i: number): boolean {
  const { body } = input;
  for (let k = input.tokens[i - 1]!.end, end = input.tokens[i]!.start; k < end; k++) if (BOUNDARY_CHARS.has(body.charCodeAt(k))) return true;
  return false;
}

/** The first token at or after `from` (before `limit`) that follows a boundary or is a complementizer, or null. */
function nextBoundary(input: AttributionInput, from: number, end: number, limit: number): number | null {
  for (let k = from; k < Math.min(end, limit); k++) {
    if (k > 0 && boundaryBefore(input, k)) return k;
    if ((input.cues.starts(k) & CUE.complementizer) !== 0 && hasArabic(input.tokens[k]!.norm)) return k + 1;
  }
  return null;
}

function isCapitalised(input: AttributionInput, i: number): boolean {
  const code = input.body.charCodeAt(input.tokens[i]!.start);
  // ASCII fast path; other scripts through the Unicode class (Arabic has no case).
  if (code < 128) return code >= 65 && code <= 90;
  return CAPITAL.test(input.body[input.tokens[i]!.start]!);
}

/** `United States`, `Washington Post`: a capitalised reporting word inside a sentence is a name, not a verb. */
function isVerbToken(input: AttributionInput, i: number, sentenceFrom: number): boolean {
  if (i === sentenceFrom || input.tokens[i]!.start < input.headlineEnd) return true;
  return !isCapitalised(input, i);
}

/** A token that can be (part of) a speaker. */
function isSpeaker(input: AttributionInput, i: number, sentenceFrom: number): boolean {
  // A capitalised word is a name, but a capitalised first word only if it is no function word ("The", "In", "Yesterday").
  if (isCapitalised(input, i) && (i > sentenceFrom || !isStopWord(input.tokens[i]!.norm))) return true;
  return (input.cues.covers(i) & (CUE.pronoun | CUE.speakerNoun)) !== 0 || input.entity(i);
}

function hasSpeakerIn(input: AttributionInput, from: number, to: number, sentenceFrom: number): boolean {
  for (let i = from; i < to; i++) if (isSpeaker(input, i, sentenceFrom)) return true;
  return hasSubjectPhrase(input, from, to);
}

/** A determiner a few words before `to` with no punctuation between: a subject noun phrase ("the local commission said"). */
function hasSubjectPhrase(input: AttributionInput, from: number, to: number): boolean {
  for (let i = to - 1; i >= Math.max(from, to - SUBJECT_WORDS); i--) {
    if ((input.cues.covers(i) & CUE.determiner) !== 0) return i < to - 1;
    if (i > from && boundaryBefore(input, i)) return false;
  }
  return false;
}

/**
 * Length of an inverted speaker right after the verb (`said Lavrov`, `said the ministry`, `said
 * presidential spokesman Dmitry Peskov`), 0 if none: speaker words, after at most
 * `INVERTED_MODIFIERS_MAX` other words (an article, a title's lower-case adjectives).
 */
function invertedSpeaker(input: AttributionInput, at: number, end: number, sentenceFrom: number): number {
  let k = at;
  let found = false;
  while (k < end && k - at < INVERTED_SPEAKER_MAX && (k === at || !boundaryBefore(input, k))) {
    // A pronoun after the verb is its object (`…, denies it.`), not an inverted speaker: English
    // inverts names and noun phrases (`said Peskov`, `said the ministry`), not `said it`.
    if (isSpeaker(input, k, sentenceFrom) && (input.cues.covers(k) & CUE.pronoun) === 0) found = true;
    else if (found || k - at >= INVERTED_MODIFIERS_MAX) break;
    k++;
  }
  return found ? k - at : 0;
}

function readEnglishReport(input: AttributionInput, verb: CueSpan, sentence: CueSpan, content: Uint8Array, next?: CueSpan): boolean {
  const { from: v0, to: v1 } = verb;
  // Passive ("is said", "has been reported"), hearsay ("said to be", "claimed as") and adjectival
  // ("following reported bombings") forms carry no speaker; a phrase verb says how it is used
  // itself ("he was quoted as saying").
  if (v1 - v0 === 1 && isPassiveOrHearsay(input, v0, v1, sentence)) return false;
  // `what Zorin calls a special military operation`: the outlet's own words, distancing the name
  // (src/analyze/voice.ts), as the fixed `what Moscow calls` of the distancer lists does.
  if ((input.cues.covers(v0) & CUE.namingVerb) !== 0 && openerIsObject(input, verb, sentence)) return false;

  // Post-posed: `content, Speaker VERB [tail].` or `content, VERB Speaker.`
  let b = -1;
  for (let j = v0; j > Math.max(sentence.from, v0 - SPEAKER_WINDOW); j--) {
    if (boundaryBefore(input, j)) {
      b = j;
      break;
    }
  }
  if (b > sentence.from) {
    let speaker = hasSpeakerIn(input, b, v0, sentence.from);
    let tail = v1;
    if (!speaker && onlyGap(input, b, v0)) {
      const n = invertedSpeaker(input, v1, sentence.to, sentence.from);
      speaker = n > 0;
      tail = v1 + n;
    }
    if (speaker) {
      // The tail holds tail words, numbers and names: where and when it was said, and to whom —
      // `…, Peskov told RIA Novosti.`, `…, said in an interview with Izvestia.`, `…, told TASS on
      // Monday.` A lower-case word of any other kind means the verb goes on with content of its own,
      // unless it opens the name of the verb's source (`…, TASS reported citing a ministry source.`).
      let k = tail;
      while (k < sentence.to && !boundaryBefore(input, k) && ((input.cues.covers(k) & CUE.tailWord) !== 0 || /^\d+$/.test(input.tokens[k]!.norm) || isCapitalised(input, k))) k++;
      const namesSource = k < sentence.to && !boundaryBefore(input, k) && (input.cues.covers(k) & CUE.sourceOpener) !== 0;
      // A colon or an opening quote after the verb introduces the content: that is pre-posed.
      const atEnd = k >= sentence.to || namesSource || TAIL_END.test(between(input, k));
      if (atEnd) {
        mark(content, sentence.from, b);
        if (k < sentence.to && (isContinuing(input, k) || resumesClause(input, k, sentence))) mark(content, objectEnd(input, { from: k, to: k + 1 }, sentence) ?? k, sentence.to);
        return true;
      }
    }
  }
  // Pre-posed: `Speaker VERB (that) content`.
  if (hasSpeakerIn(input, Math.max(sentence.from, v0 - SPEAKER_WINDOW), v0, sentence.from) || invertedSpeaker(input, v1, sentence.to, sentence.from) > 0) {
    mark(content, objectEnd(input, verb, sentence) ?? v1, relativeClauseEnd(input, v0, v1, sentence) ?? coordinatedReportStart(input, v1, next, sentence) ?? sentence.to);
    return true;
  }
  return false;
}

/**
 * Where the first object of an `object_verbs` verb ends and the name given it starts: `Moscow calls
 * [the war] a special military operation`, `describes [the invasion] as …`, `called [the vote]
 * "reunification"`. The object is the outlet's way of referring to the thing, the name is the
 * speaker's. The object: a determiner, then at least one word; the name starts at the next
 * determiner (not one inside a prepositional phrase), `as` (`as_openers`) or opening quotation
 * mark, at most OBJECT_MAX words after the verb and before punctuation or a conjunction; without
 * one, one word after the object's determiner. Null — the content starts at the verb — when a
 * preposition follows the verb (`calls for talks`) or a naming opener is the object.
 */
function objectEnd(input: AttributionInput, verb: CueSpan, sentence: CueSpan): number | null {
  if ((input.cues.covers(verb.from) & CUE.objectVerb) === 0 || openerIsObject(input, verb, sentence)) return null;
  let k = verb.to;
  // `calls for talks`, `called on Kyiv to …`: no object of the naming kind.
  if (k >= sentence.to || boundaryBefore(input, k) || EN_PREPOSITIONS.has(input.tokens[k]!.norm)) return null;
  if ((input.cues.covers(k) & CUE.determiner) !== 0) k++;
  for (let j = k + 1; j < Math.min(sentence.to, verb.to + OBJECT_MAX + 1); j++) {
    if (OPENING_QUOTE.test(between(input, j))) return j;
    if (boundaryBefore(input, j) || EN_CONJUNCTIONS.has(input.tokens[j]!.norm)) break;
    const flags = input.cues.covers(j);
    if ((flags & CUE.asOpener) !== 0) return j;
    // A determiner after a preposition opens a phrase inside the object (`the attack on the school`).
    if ((flags & CUE.determiner) !== 0 && !EN_PREPOSITIONS.has(input.tokens[j - 1]!.norm)) return j;
  }
  // No marked name (`calls the annexation illegal`, `branded the government neo-Nazis`): the
  // object is taken to be its determiner and one word, the name what follows.
  return Math.min(k + 1, sentence.to);
}

/**
 * `what the Kremlin calls a …`, `the war, which Moscow calls a …`: a naming opener a few words
 * before the verb, with a speaker between, is the verb's object (in `Russia, which calls its
 * invasion a …` it is the subject).
 */
function openerIsObject(input: AttributionInput, verb: CueSpan, sentence: CueSpan): boolean {
  for (let j = verb.from - 2; j >= Math.max(sentence.from, verb.from - SPEAKER_WINDOW); j--) {
    if (boundaryBefore(input, j + 1)) return false;
    if ((input.cues.covers(j) & CUE.namingOpener) !== 0) return true;
  }
  return false;
}

/**
 * `Moscow calls them neo-Nazis and Kyiv calls them heroes.`: a coordinating conjunction between
 * a report and the next reporting verb of its sentence, with the next verb's own speaker between
 * them, ends the first report's content there. Null when there is none (`said X and added Y`: the
 * speaker goes on).
 */
function coordinatedReportStart(input: AttributionInput, v1: number, next: CueSpan | undefined, sentence: CueSpan): number | null {
  if (next === undefined) return null;
  for (let k = v1 + 1; k < next.from - 1; k++) {
    if (EN_COORDINATORS.has(input.tokens[k]!.norm) && hasSpeakerIn(input, k + 1, next.from, sentence.from)) return k;
  }
  return null;
}

/**
 * Where the content of a verb inside a relative clause set off by commas ends: `The strike, which
 * the ministry said killed 12, came after …` reports `killed 12` alone, and what follows the
 * clause is the outlet's again. Null when the verb is in no such clause (its content runs to the
 * sentence end) or the clause does not close before it.
 */
function relativeClauseEnd(input: AttributionInput, v0: number, v1: number, sentence: CueSpan): number | null {
  for (let j = v0 - 1; j > sentence.from && j >= v0 - SPEAKER_WINDOW; j--) {
    if (j + 1 < v0 && boundaryBefore(input, j + 1)) return null;
    if (EN_RELATIVE_PRONOUNS.has(input.tokens[j]!.norm)) return boundaryBefore(input, j) ? nextBoundary(input, v1, sentence.to, sentence.to) : null;
  }
  return null;
}

function isPassiveOrHearsay(input: AttributionInput, v0: number, v1: number, sentence: CueSpan): boolean {
  // A participle used as an adjective reports nothing: `following reported bombings`, `the
  // claimed victory` (`not_speech_before`, right before the verb, no punctuation between).
  if (v0 > sentence.from && (input.cues.covers(v0 - 1) & CUE.notSpeechBefore) !== 0 && !boundaryBefore(input, v0)) return true;
  // After a possessive it is a noun: `the Pope's call for talks`, `Putin's claims`.
  if (v0 > sentence.from && !boundaryBefore(input, v0) && POSSESSIVE_END.test(input.body.slice(input.tokens[v0 - 1]!.start, input.tokens[v0 - 1]!.end))) return true;
  let p = v0 - 1;
  // "is saying" is progressive, not passive.
  if (input.tokens[v0]!.norm.endsWith('ing')) p = -1;
  while (p >= sentence.from && (input.cues.covers(p) & CUE.speakerGap) !== 0) p--;
  if (p >= sentence.from && (input.cues.covers(p) & CUE.passiveBefore) !== 0 && !boundaryBefore(input, p + 1)) return true;
  return v1 < sentence.to && (input.cues.starts(v1) & CUE.notSpeechAfter) !== 0 && !boundaryBefore(input, v1);
}

function onlyGap(input: AttributionInput, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if ((input.cues.covers(i) & CUE.speakerGap) === 0) return false;
  return true;
}

/**
 * `The Kiev regime, Lavrov claimed, was preparing a provocation.`: a report set off by commas inside
 * a clause, which goes on after it — the word after the closing comma is an auxiliary or a copula
 * that carries the interrupted clause on (anything else — `…, Zorin said, and the army …`, `…, he
 * said, in a televised address …` — may be the outlet's again). English only: an Arabic post-posed
 * report ends its sentence.
 */
function resumesClause(input: AttributionInput, k: number, sentence: CueSpan): boolean {
  if (!/^\s*,\s*$/.test(between(input, k)) || k <= sentence.from) return false;
  return EN_RESUMING_VERBS.has(input.tokens[k]!.norm);
}

/** `…, he said, adding that …`: a continuing word (or an English lower-case -ing word). */
function isContinuing(input: AttributionInput, k: number): boolean {
  if ((input.cues.starts(k) & CUE.continuing) !== 0) return true;
  const norm = input.tokens[k]!.norm;
  return !hasArabic(norm) && norm.endsWith('ing') && norm.length > 5 && !isCapitalised(input, k);
}

function readArabicReport(input: AttributionInput, verb: CueSpan, sentence: CueSpan, content: Uint8Array): boolean {
  const { from: v0, to: v1 } = verb;
  // Post-posed: `…، قال لافروف.` — a comma before the verb (or before gap words: `…، كما قال
  // لافروف.`) and a short tail with no complementizer. After gap words the comma may be missing
  // (`بدأت العملية في الشرق كما قال زورين أمس.`); the tail is then the speaker (AR_AS_TAIL_MAX).
  let clause = v0;
  while (clause > sentence.from && !boundaryBefore(input, clause) && (input.cues.covers(clause - 1) & CUE.speakerGap) !== 0) clause--;
  const postPosed = (): boolean =>
    clause === v0 ? boundaryBefore(input, clause) && sentence.to - v1 <= AR_TAIL_MAX : sentence.to - v1 <= AR_AS_TAIL_MAX && v1 < sentence.to && isSpeaker(input, v1, sentence.from);
  if (clause - sentence.from >= AR_CONTENT_MIN && postPosed()) {
    let k = v1;
    while (k < sentence.to && (input.cues.starts(k) & CUE.complementizer) === 0 && !boundaryBefore(input, k)) k++;
    if (k >= sentence.to || (input.cues.starts(k) & CUE.complementizer) === 0) {
      mark(content, sentence.from, clause);
      if (k < sentence.to && isContinuing(input, k)) mark(content, k, sentence.to);
      return true;
    }
  }
  // `قال X إن content` / `وأضاف: content`. An إن/أن inside a relative clause belongs to that
  // clause (`تؤكد استمرار الهجوم، الذي سبق أن أتاح …`), not to the verb: from a relative pronoun to
  // the next comma none counts (`وقال المسؤول، الذي طلب عدم الكشف عن اسمه، إن …` still reports).
  let inRelative = false;
  for (let k = v1; k < Math.min(sentence.to, v1 + AR_COMPLEMENTIZER_WINDOW); k++) {
    if (k > v1 && boundaryBefore(input, k)) inRelative = false;
    if (AR_RELATIVE_PRONOUNS.has(input.tokens[k]!.norm)) inRelative = true;
    if (inRelative) continue;
    if ((input.cues.starts(k) & CUE.complementizer) !== 0) {
      mark(content, k + 1, sentence.to);
      return true;
    }
    if (k > v1 && input.body.slice(input.tokens[k - 1]!.end, input.tokens[k]!.start).includes(':')) {
      mark(content, k, sentence.to);
      return true;
    }
  }
  // A sentence (or clause) that opens with the verb, or a speaker next to it.
  const opens = v0 === sentence.from || boundaryBefore(input, v0);
  if (opens || hasSpeakerIn(input, Math.max(sentence.from, v0 - 3), v0, sentence.from) || hasSpeakerIn(input, v1, Math.min(sentence.to, v1 + 3), sentence.from)) {
    mark(content, v1, sentence.to);
    return true;
  }
  return false;
}
