/**
 * Boilerplate out of one flattened page (blocks = lines), with the reason for every line removed,
 * and the page's own metadata read on the way (title, byline, date, credit, tags, masthead).
 *
 * Order of evidence: the page head (masthead, title, byline block: page-head.ts), list markers,
 * what repeats across the outlet's pages (`repeated`, from the corpus table), then line shapes. Nothing is cut wholesale at a marker such as
 * "Related News": only the run of link-like lines after it goes, the article continues after it.
 */
import type { MetaHints, OutletAlias, Removed } from '../types.js';
import {
  isBulleted, lineText, isProse, isHeadlineLike, markerReason, isReadPrefixLine,
  isPhotoCredit, isFurniture, isTimestampLine, isCopyrightLine, isCallToAction, isContactLine, isUnrenderedWidget, isBreadcrumbOf, wordCount, endsSentence,
} from './line-shape.js';
import { parseDate, isDateLine, parseByline, parseSourceLine, agencySignOff, canonicalCredit } from './metadata.js';
import { markMastheads, findTitle, findKnownTitle, markHeader, readBylineBlock, type Line, type Mark } from './page-head.js';

export interface PageOptions {
  /** Lines (as `lineKey`) the outlet's other pages repeat: boilerplate. */
  repeated: ReadonlySet<string>;
  outlets: readonly OutletAlias[];
  /** Title already known (HTML `<title>`/og:title, a version table's first row). */
  knownTitle?: string;
  /**
   * `text`: a flattened scrape, all rules (everything above the title is page header; short
   * non-sentences are menus). `html`: Readability's output, already mostly article, so only the
   * rules for chrome it keeps (lists after markers, captions, credits, furniture, repeats, bylines).
   */
  kind: 'text' | 'html';
  /** The blocks' `lineText` and `lineKey`, when the caller has computed them already (cleanCorpus, for the boilerplate table). */
  lines?: { texts: readonly string[]; keys: readonly string[] };
}

export interface CleanedPage {
  title: string;
  paragraphs: string[];
  removed: Removed[];
  meta: MetaHints;
  /** Credits in page order, canonical names; the `Source:` line when the page has one. */
  credits: string[];
  /** The `Source:` value, kept apart: it names the publisher when nothing else does. */
  sourceLine?: string;
}

/** Most lines a tag list holds (tags are a handful of short names). */
const MAX_TAG_WORDS = 4;
/** A stand-alone date line has few words besides the date (`12 مايو/ أيار 2020 - 14:05`). */
const MAX_DATE_LINE_WORDS = 7;
/** Lines shorter than this are never dropped as in-page duplicates. */
const MIN_DUPLICATE_WORDS = 4;
export function cleanPage(blocks: readonly string[], opts: PageOptions): CleanedPage {
  const lines: Line[] = blocks.map((b, i) => {
    const text = opts.lines?.texts[i] ?? lineText(b);
    return { text, key: opts.lines?.keys[i] ?? text.toLowerCase(), bullet: isBulleted(b), reason: null };
  });
  const meta: MetaHints = {};
  const credits: string[] = [];
  let sourceLine: string | undefined;
  const mark = (i: number, reason: string): void => {
    const l = lines[i];
    if (l && l.reason === null) l.reason = reason;
  };

  markMastheads(lines, opts.outlets, meta, mark);
  markMarkerRuns(lines, mark);
  // Readability's output starts below the headline; only a repeat of the known title is looked for.
  const t = opts.kind === 'text' ? findTitle(lines, opts) : findKnownTitle(lines, opts.knownTitle);
  const title = t >= 0 ? lines[t]!.text : (opts.knownTitle ?? '').trim();
  if (t >= 0) {
    mark(t, 'title');
    if (opts.kind === 'text') markHeader(lines, t, mark);
  }
  const bodyStart = readBylineBlock(lines, t + 1, meta, mark);
  const titleKey = title.toLowerCase();

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const src = parseSourceLine(l.text);
    if (src !== undefined) {
      sourceLine ??= src;
      mark(i, 'credit');
      continue;
    }
    // Sign-offs count inside the article only: not in link lists, not the masthead's own name.
    const agency = l.reason === null || l.reason === 'title' ? agencySignOff(l.text, opts.outlets) : undefined;
    if (agency !== undefined && i >= Math.max(t, 0)) {
      if (!credits.includes(agency)) credits.push(agency);
      mark(i, 'credit');
    }
    if (isDateLine(l.text) && wordCount(l.text) <= MAX_DATE_LINE_WORDS) {
      // Only a date next to the title is the article's; others date related links.
      const d = parseDate(l.text);
      if (d && !meta.date && i < bodyStart + 2 && i >= t - 3) meta.date = d;
      mark(i, 'date');
    }
    // `key` is the table's own key string: its hash is already computed (a fresh toLowerCase was this loop's top line).
    if (opts.repeated.has(l.key)) mark(i, 'repeated');
    if (isTimestampLine(l.text)) mark(i, 'date');
    if (isCopyrightLine(l.text) || isContactLine(l.text) || isCallToAction(l.text)) mark(i, 'footer');
    // `key` is the line lower-cased: the title's test needs no copy of every line.
    if (isUnrenderedWidget(l.text) || (i !== t && titleKey !== '' && l.key.endsWith(titleKey) && isBreadcrumbOf(l.text, title))) mark(i, 'menu');
  }

  markCaptions(lines, title, opts.kind, mark);
  markKickerTeasers(lines, mark);
  if (opts.kind === 'text') {
    const tagsAt = markTagsAndFooter(lines, bodyStart, t >= 0, meta, mark);
    markShapes(lines, bodyStart, tagsAt, mark);
    markDuplicates(lines, title, mark); // not in HTML: there repeats are table rows and list items
  } else lines.forEach((l, i) => { if (isFurniture(l.text)) mark(i, 'menu'); });

  const removed: Removed[] = [];
  const paragraphs: string[] = [];
  lines.forEach((l) => {
    if (l.reason === null) paragraphs.push(l.text);
    else if (l.reason !== 'title') removed.push({ text: l.text, reason: l.reason });
  });
  const publisher = meta.outlet !== undefined ? canonicalCredit(meta.outlet, opts.outlets) : undefined;
  const out: CleanedPage = { title, paragraphs, removed, meta, credits: credits.map((c) => canonicalCredit(c, opts.outlets)).filter((c) => c !== publisher) };
  if (sourceLine !== undefined) {
    out.sourceLine = sourceLine;
    out.credits = [canonicalCredit(sourceLine, opts.outlets)];
  }
  return out;
}

/** Captions: a line doubled right after itself, a line / credit / same line, photo credits. */
function markCaptions(lines: Line[], title: string, kind: 'text' | 'html', mark: Mark): void {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const next = lines[i + 1];
    const after = lines[i + 2];
    if (isPhotoCredit(l.text)) mark(i, 'caption');
    if (l.text === title || kind === 'html') continue; // HTML repeats are table cells, not captions
    if (next && next.text === l.text && (l.bullet || !isProse(l.text) || wordCount(l.text) < 40)) {
      mark(i, 'caption');
      mark(i + 1, 'caption');
    } else if (next && after && after.text === l.text && wordCount(next.text) <= 5) {
      mark(i, 'caption');
      mark(i + 1, 'caption');
      mark(i + 2, 'caption');
    }
  }
}

/** Pairs of a kicker and a teaser headline a run must hold to be a list of other stories. */
const MIN_TEASER_PAIRS = 2;

/**
 * Teasers for other stories as tabloids print them inside an article: a kicker in capitals
 * (`TIME TRAVELLER`, `‘NAÏVE AND TRUSTING’`) over a headline (`Conspiracy theorists say they've
 * spotted …`), pair after pair. Two pairs in a row make the run: an article's own subheading in
 * capitals is followed by running text, not by another headline.
 */
function markKickerTeasers(lines: Line[], mark: Mark): void {
  const isPair = (i: number): boolean =>
    lines[i]?.reason === null && lines[i + 1]?.reason === null && isKicker(lines[i]!.text) && isHeadlineLike(lines[i + 1]!.text) && !endsSentence(lines[i + 1]!.text);
  for (let i = 0; i < lines.length; i++) {
    let pairs = 0;
    while (isPair(i + 2 * pairs)) pairs++;
    if (pairs < MIN_TEASER_PAIRS) continue;
    for (let k = i; k < i + 2 * pairs; k++) mark(k, 'related-list');
    i += 2 * pairs - 1;
  }
}

/** A kicker: one to five words in capitals (quotes and marks allowed), no lower-case letter. */
function isKicker(text: string): boolean {
  // Length, then no lower-case letter: one of the two fails at the start of almost every line.
  if (text.length > MAX_KICKER_CHARS || /\p{Ll}/u.test(text)) return false;
  const words = wordCount(text);
  return words >= 1 && words <= MAX_KICKER_WORDS && /\p{Lu}.*\p{Lu}/u.test(text);
}

/** Words of a kicker line, and characters (a quick first test). */
const MAX_KICKER_WORDS = 5;
const MAX_KICKER_CHARS = 80;

/** Markers whose following run of link-like lines is part of the list (ticker/menu markers only mark themselves). */
const LIST_REASONS = new Set(['related-list', 'most-read', 'read-next', 'comments']);

/**
 * A list marker and the run of link-like lines after it. The run ends at the first running text,
 * or at a line that a byline follows (the article's title under a list that sits above it).
 */
function markMarkerRuns(lines: Line[], mark: Mark): void {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (isReadPrefixLine(l.text)) {
      mark(i, 'related-list');
      continue;
    }
    const reason = markerReason(l.text);
    if (reason === undefined) continue;
    mark(i, reason);
    if (!LIST_REASONS.has(reason)) continue;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const o = lines[j]!;
      if (!o.bullet && isProse(o.text) && markerReason(o.text) === undefined) break;
      const next = lines[j + 1]?.text ?? '';
      if (!o.bullet && (parseByline(next) !== undefined || isDateLine(next))) break;
      mark(j, reason);
    }
    i = j - 1;
  }
}

/**
 * A run of 2+ short bulleted names after the text is the tag list; on a raw page with a found
 * title it also ends the article, and what follows is page footer. Returns its index or -1.
 */
function markTagsAndFooter(lines: Line[], from: number, endsArticle: boolean, meta: MetaHints, mark: Mark): number {
  const hasTextBefore = (i: number): boolean => lines.slice(from, i).some((l) => l.reason === null && isProse(l.text));
  for (let i = from; i < lines.length; i++) {
    let j = i;
    while (j < lines.length && lines[j]!.bullet && wordCount(lines[j]!.text) <= MAX_TAG_WORDS && !/[.!?؟]$/.test(lines[j]!.text)) j++;
    if (j - i < 2 || !hasTextBefore(i)) continue;
    meta.tags = lines.slice(i, j).map((l) => l.text);
    for (let k = i; k < j; k++) mark(k, 'tags');
    if (endsArticle) for (let k = j; k < lines.length; k++) mark(k, 'footer');
    return i;
  }
  return -1;
}

/** Shape rules for what is left: bullets and short non-sentences are menus unless they sit between paragraphs. */
function markShapes(lines: Line[], from: number, tagsAt: number, mark: Mark): void {
  const kept = (i: number): boolean => lines[i]?.reason === null;
  const proseNear = (i: number, step: number): boolean => {
    for (let k = i + step; k >= 0 && k < lines.length; k += step) {
      if (kept(k)) return isProse(lines[k]!.text);
    }
    return false;
  };
  const lastProse = lines.reduce((last, l, i) => (l.reason === null && isProse(l.text) ? i : last), -1);
  lines.forEach((l, i) => {
    if (l.reason !== null) return;
    if (isFurniture(l.text)) return mark(i, 'menu');
    if (isProse(l.text)) return;
    // A subheading: a short line with running text on both sides stays.
    if (!l.bullet && isHeadlineLike(l.text) && i > from && proseNear(i, -1) && proseNear(i, 1) && (tagsAt < 0 || i < tagsAt)) return;
    if (l.bullet && wordCount(l.text) >= 8 && proseNear(i, -1)) return; // a list inside the text
    mark(i, i > lastProse ? 'footer' : l.bullet ? 'menu' : 'short-line');
  });
}

/** In-page duplicates: keep the first copy. The title's repeat is a duplicate too. */
function markDuplicates(lines: Line[], title: string, mark: Mark): void {
  const seen = new Set<string>([title.toLowerCase()]);
  lines.forEach((l, i) => {
    // Short repeats (numbers, names in a table) are data, not duplicated chrome.
    if (l.reason !== null || wordCount(l.text) < MIN_DUPLICATE_WORDS) return;
    if (seen.has(l.key)) mark(i, 'duplicate');
    seen.add(l.key);
  });
}
