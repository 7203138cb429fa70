/**
 * The head of a flattened page: masthead, title, and the byline block under it. The title is the
 * headline-like line with the most evidence: it repeats nearby (the lead photo's caption), the
 * byline/date block follows it, running text follows it. Everything above it is page header.
 */
import type { MetaHints, OutletAlias } from '../types.js';
import { isProse, isHeadlineLike, markerReason, isFurniture, wordCount } from './line-shape.js';
import { parseDate, isDateLine, parseByline, parseSourceLine } from './metadata.js';
import { findOutlet } from '../ingest/outlets.js';

export interface Line {
  text: string;
  /** `text` in lower case (the boilerplate table's key), computed once per line. */
  key: string;
  bullet: boolean;
  /** Why the line is removed; null while it is kept. */
  reason: string | null;
}

export type Mark = (i: number, reason: string) => void;

/** Mastheads sit in the first lines of a scrape (after a skip link or a language switch at most). */
const MASTHEAD_LINES = 5;
/** How far after a candidate title its repeat (a caption of the lead photo) may sit. */
const TITLE_REPEAT_WINDOW = 6;

/**
 * The masthead: a known outlet's name alone on one of the first lines names the publisher; the
 * same name further down (footer) is removed too. Names elsewhere (tags, captions) name nothing.
 */
export function markMastheads(lines: Line[], outlets: readonly OutletAlias[], meta: MetaHints, mark: Mark): void {
  const firstProse = lines.findIndex((l) => isProse(l.text));
  const top = firstProse < 0 ? MASTHEAD_LINES : Math.min(MASTHEAD_LINES, firstProse);
  const head = lines.slice(0, top).find((l) => wordCount(l.text) <= 5 && findOutlet(l.text, outlets) !== undefined);
  const first = lines[0];
  if (head) meta.outlet = head.text;
  // An unknown masthead: the page's first line, short, repeated further down (header and footer).
  else if (first && !first.bullet && wordCount(first.text) <= 4 && !/[.:!?؟]$/.test(first.text)
    && lines.slice(1).some((l) => l.text === first.text)) meta.outlet = first.text;
  if (meta.outlet === undefined) return;
  const key = meta.outlet.toLowerCase();
  lines.forEach((l, i) => { if (l.key === key) mark(i, 'masthead'); });
}

/** Index of the title line, or -1. Evidence: repeats nearby, precedes byline/date, precedes prose. */
export function findTitle(lines: Line[], opts: { repeated: ReadonlySet<string>; knownTitle?: string }): number {
  const known = opts.knownTitle?.trim().toLowerCase();
  let best = -1;
  let bestScore = 0;
  lines.forEach((l, i) => {
    if (l.bullet || l.reason !== null || !isHeadlineLike(l.text) || opts.repeated.has(l.key)) return;
    let score = 0;
    if (known && (l.key === known || known.includes(l.key))) score += 3;
    if (someLine(lines, i + 1, i + 1 + TITLE_REPEAT_WINDOW, (o) => o.text === l.text)) score += 2;
    // The byline block follows the title directly; a line or two further is weaker evidence.
    if (lines[i + 1] && isBylineish(lines[i + 1]!.text)) score += 3;
    else if (someLine(lines, i + 2, i + 4, (o) => isBylineish(o.text))) score += 1;
    let next: Line | undefined;
    for (let k = i + 1; k < lines.length && next === undefined; k++) if (lines[k]!.text !== l.text) next = lines[k];
    if (next && !next.bullet && isProse(next.text)) score += 1;
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  return best;
}

/** `lines.slice(from, to).some(test)` without copying: findTitle asks this for every line (quadratic copies). */
function someLine(lines: readonly Line[], from: number, to: number, test: (l: Line) => boolean): boolean {
  for (let k = from; k < Math.min(to, lines.length); k++) if (test(lines[k]!)) return true;
  return false;
}

export function findKnownTitle(lines: Line[], known: string | undefined): number {
  const key = known?.trim().toLowerCase();
  if (!key) return -1;
  return lines.slice(0, 3).findIndex((l) => l.key === key);
}

function isBylineish(text: string): boolean {
  return parseByline(text) !== undefined || parseSourceLine(text) !== undefined || isDateLine(text);
}

/** Everything above the title: menus (bullets), the ticker run right above it, other header. */
export function markHeader(lines: Line[], t: number, mark: Mark): void {
  let tickerFrom = t;
  while (tickerFrom > 0 && !lines[tickerFrom - 1]!.bullet && isTickerItem(lines[tickerFrom - 1]!.text)) tickerFrom--;
  const isRun = t - tickerFrom >= 2;
  for (let i = 0; i < t; i++) {
    const l = lines[i]!;
    if (markerReason(l.text) === 'ticker') mark(i, 'ticker');
    else if (isRun && i >= tickerFrom) mark(i, 'ticker');
    else mark(i, l.bullet ? 'menu' : 'header');
  }
}

function isTickerItem(text: string): boolean {
  return wordCount(text) >= 4 && !isFurniture(text) && markerReason(text) === undefined;
}

/** Byline block right after the title: byline, source, date, reading time, close buttons. */
export function readBylineBlock(lines: Line[], from: number, meta: MetaHints, mark: Mark): number {
  let i = Math.max(from, 0);
  for (; i < lines.length && i < from + 8; i++) {
    const l = lines[i]!;
    const by = parseByline(l.text);
    if (by !== undefined) {
      meta.byline ??= by;
      mark(i, 'byline');
    } else if (isDateLine(l.text)) {
      const d = parseDate(l.text);
      if (d && !meta.date) meta.date = d;
      mark(i, 'date');
    } else if (parseSourceLine(l.text) !== undefined) {
      continue; // read with the other Source: lines
    } else if (isFurniture(l.text)) {
      mark(i, 'menu');
    } else break;
  }
  return i;
}

