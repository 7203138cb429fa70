import type { Span } from '../types.js';

/**
 * Abbreviations after which a full stop does not end a sentence (titles, ranks, months, Latin).
 * Lower-cased, without the stop. Single letters (initials, `U.S.`) are handled separately.
 */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cmdr', 'adm', 'sgt', 'cpl',
  'gov', 'sen', 'rep', 'rev', 'hon', 'pres', 'st', 'jr', 'sr', 'mt', 'ft', 'no', 'vs', 'etc', 'approx',
  'inc', 'ltd', 'co', 'corp', 'dept', 'est', 'fig', 'al', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
  'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'e.g', 'i.e',
]);

/** Sentence-final marks: Latin `. ! ?`, ellipsis, Arabic question mark `؟`. */
const TERMINATORS = new Set(['.', '!', '?', '…', '؟']);
const BOUNDARY = /[\n.!?…؟]/g;
/** Closing quotes and brackets that belong to the sentence they close. */
const CLOSERS = new Set(['"', '”', '’', "'", '»', ')', ']', '“']);

/**
 * Split `text` into sentence spans with exact offsets (leading and trailing white space left out).
 * A sentence ends at a terminator (plus any closing quotes) followed by white space, unless the
 * stop follows an abbreviation (`Mr.`, `Gen.`), an initial (`J.`) or a dotted acronym (`U.S.`)
 * and the next word does not start a new sentence by itself; a line break always ends one, since
 * headlines and paragraphs carry no final stop.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    // Jump to the next line break or terminator: a regex scan beats a character loop (profiled).
    BOUNDARY.lastIndex = i;
    const next = BOUNDARY.exec(text);
    if (next === null) break;
    i = next.index;
    const ch = text[i]!;
    if (ch === '\n') {
      push(i);
      start = i + 1;
      continue;
    }
    if (!TERMINATORS.has(ch)) continue;
    let end = i + 1;
    while (end < text.length && (TERMINATORS.has(text[end]!) || CLOSERS.has(text[end]!)) && !isQuoteSeam(text, end)) end++;
    if (end < text.length && !/\s/.test(text[end]!) && !isQuoteSeam(text, end)) {
      i = end - 1;
      continue;
    }
    if (ch === '.' && isAbbreviation(text, i)) {
      i = end - 1;
      continue;
    }
    push(end);
    start = end;
    i = end - 1;
  }
  push(text.length);
  return spans.some((span) => span.end - span.start > MAX_SENTENCE_CHARS) ? spans.flatMap((span) => capSentence(text, span)) : spans;
}

/**
 * Longest span treated as one sentence. Voice reads each hit's sentence, so an unbounded
 * "sentence" (a 50 MB line with no stop, measured: 2 MB took 81 s) makes analysis quadratic.
 * News sentences stay far below this, Arabic ones with their long comma chains included.
 */
const MAX_SENTENCE_CHARS = 3000;

/** Split an over-long span at whitespace into pieces of at most MAX_SENTENCE_CHARS. */
function capSentence(text: string, span: Span): Span[] {
  const pieces: Span[] = [];
  let start = span.start;
  while (span.end - start > MAX_SENTENCE_CHARS) {
    let cut = start + MAX_SENTENCE_CHARS;
    while (cut > start + MAX_SENTENCE_CHARS / 2 && !/\s/.test(text[cut]!)) cut--;
    if (cut <= start + MAX_SENTENCE_CHARS / 2) cut = start + MAX_SENTENCE_CHARS; // no space near: hard cut
    pieces.push({ start, end: cut });
    start = cut;
    while (start < span.end && /\s/.test(text[start]!)) start++;
  }
  if (span.end > start) pieces.push({ start, end: span.end });
  return pieces;
}

/** `…on the table.”“In order to…`: a closing quote right before an opening one, with no space (seen on RT pages). */
function isQuoteSeam(text: string, at: number): boolean {
  return text[at] === '“' && text[at - 1] === '”';
}

/** True when the stop at `dot` closes an abbreviation or an initial rather than a sentence. */
function isAbbreviation(text: string, dot: number): boolean {
  let s = dot;
  while (s > 0 && /[\p{L}.]/u.test(text[s - 1]!)) s--;
  const word = text.slice(s, dot);
  if (word.length === 0) return false;
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return true;
  // An initial (`J.`) or dotted acronym (`U.S.`, `D.C.`): single letters separated by stops.
  if (/^(\p{Lu}\.)*\p{Lu}$/u.test(word)) {
    // `…in the U.S. The next…`: an acronym may end a sentence; a capitalised common sentence
    // starter after it is taken as a new sentence. A single initial before a name never is.
    if (word.length === 1) return true;
    const next = /\s+(\p{L}+)/u.exec(text.slice(dot + 1, dot + 40));
    return next === null || !SENTENCE_STARTERS.has(next[1]!);
  }
  return false;
}

/** Words that, capitalised after a dotted acronym, start a new sentence. */
const SENTENCE_STARTERS = new Set(['The', 'It', 'He', 'She', 'They', 'We', 'This', 'That', 'In', 'On', 'But', 'And', 'A', 'An', 'There', 'His', 'Her', 'Their', 'Its', 'According', 'However', 'Meanwhile']);
