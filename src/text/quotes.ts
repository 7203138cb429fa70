/** A quotation: `start`/`end` include the marks; `innerStart`/`innerEnd` are the quoted words. */
export interface Quote {
  start: number;
  end: number;
  innerStart: number;
  innerEnd: number;
  /** True when no closing mark was found and the quote runs to the end of its paragraph. */
  open: boolean;
}

const LETTER = /[\p{L}\p{N}]/u;
const QUOTE_CHARS = /["“„«”‹‘'’]/g;

/** Opening mark → the marks that close it. Straight quotes close themselves. */
const DOUBLE_PAIRS: ReadonlyMap<string, string> = new Map([
  ['“', '”'],
  ['„', '“”'],
  ['«', '»'],
  ['"', '"'],
  ['”', '”'], // Arabic and some English sites open with ” too (”…”)
  ['‹', '›'],
]);

/**
 * Find quotations in `text`: double marks of any style (“…” „…“ «…» "…"), and single ones
 * (‘…’ '…') when they stand at word edges — an apostrophe inside a word (`Kirby’s`, `don’t`) or
 * after an `s` (`nationalists’`) is not a mark. A quote left open runs to the end of its paragraph
 * (a blank line, or a line break in the headline), as is the convention in multi-paragraph quotes.
 * One level of nesting: single quotes inside a double quote are part of it.
 */
export function findQuotes(text: string): Quote[] {
  const quotes: Quote[] = [];
  // The next blank line at or after i, found once per paragraph: `i` only moves forward, and a
  // search per quote mark was quadratic on hostile text (one 4 MB paragraph of quotes: 56% of time).
  let blank = -1;
  let i = 0;
  while (i < text.length) {
    // Jump to the next quotation-mark candidate (a regex scan is far faster than a char loop).
    QUOTE_CHARS.lastIndex = i;
    const next = QUOTE_CHARS.exec(text);
    if (next === null) break;
    i = next.index;
    const ch = text[i]!;
    const before = i > 0 ? text[i - 1]! : ' ';
    const after = i + 1 < text.length ? text[i + 1]! : ' ';
    const closers = DOUBLE_PAIRS.get(ch);
    const opensDouble = closers !== undefined && (ch !== '”' || (!LETTER.test(before) && LETTER.test(after)));
    const opensSingle = (ch === '‘' || ch === "'" || ch === '’') && !LETTER.test(before) && LETTER.test(after);
    if (!opensDouble && !opensSingle) {
      i++;
      continue;
    }
    if (blank !== text.length && blank < i) {
      blank = text.indexOf('\n\n', i);
      if (blank === -1) blank = text.length;
    }
    const paragraphEnd = trimEnd(text, i, blank);
    const close = opensDouble ? findDoubleClose(text, i + 1, paragraphEnd, closers!) : findSingleClose(text, i + 1, paragraphEnd);
    if (close === -1) {
      if (opensSingle) {
        // An unmatched single mark is far more often an apostrophe (`'90s`) than an open quote.
        i++;
        continue;
      }
      quotes.push({ start: i, end: paragraphEnd, innerStart: i + 1, innerEnd: paragraphEnd, open: true });
      i = paragraphEnd;
      continue;
    }
    quotes.push({ start: i, end: close + 1, innerStart: i + 1, innerEnd: close, open: false });
    i = close + 1;
  }
  return quotes;
}

/** The paragraph end before `end`, trailing white space trimmed, so an open quote ends on its last character. */
function trimEnd(text: string, from: number, end: number): number {
  let e = end;
  while (e > from && /\s/.test(text[e - 1]!)) e--;
  return e;
}

function findDoubleClose(text: string, from: number, limit: number, closers: string): number {
  for (let j = from; j < limit; j++) {
    const ch = text[j]!;
    if (!closers.includes(ch)) continue;
    // A straight `"` that opens a new quote right after a word would be odd; accept any.
    if (ch === '”' && closers === '”' && j + 1 < limit && LETTER.test(text[j + 1]!) && !LETTER.test(text[j - 1]!)) continue;
    return j;
  }
  return -1;
}

function findSingleClose(text: string, from: number, limit: number): number {
  for (let j = from; j < limit; j++) {
    const ch = text[j]!;
    if (ch !== '’' && ch !== "'") continue;
    const before = text[j - 1]!;
    const after = j + 1 < text.length ? text[j + 1]! : ' ';
    // Inside a word (`Kirby’s` is one token already, but `'90s` is not): not a close.
    if (LETTER.test(before) && LETTER.test(after)) continue;
    if (!LETTER.test(after)) return j;
  }
  return -1;
}

/** The quote containing `[start, end)`, or null. */
export function quoteAround(quotes: readonly Quote[], start: number, end: number): Quote | null {
  // Quotes are sorted and disjoint: binary search for the last one starting at or before `start`.
  let lo = 0;
  let hi = quotes.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (quotes[mid]!.innerStart <= start) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found === -1) return null;
  const q = quotes[found]!;
  return end <= q.innerEnd ? q : null;
}
