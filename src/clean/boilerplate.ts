/**
 * The per-outlet line-frequency table: a line that two or more pages of one outlet share, across
 * two or more stories, is that outlet's boilerplate (menus, footers, section blurbs). Versions of
 * one story share their text, so they count as one story.
 */
import { lineKey } from './line-shape.js';

/** Pages and stories that must share a line before it counts as boilerplate. */
const MIN_PAGES = 2;
const MIN_STORIES = 2;

export interface PageLines {
  /** Outlet key the page belongs to; pages with no known outlet are not pooled. */
  outlet: string | undefined;
  storyId: string;
  blocks: readonly string[];
  /** The blocks' `lineKey`s when the caller has them (then `blocks` is not read again). */
  keys?: readonly string[];
}

/** Pages sharing a line, and whether they span two stories (MIN_STORIES = 2 needs no more). */
interface LineCount {
  pages: number;
  firstStory: string;
  stories: number;
}

/** Per outlet, the set of lowered, bullet-stripped lines that are boilerplate. */
export function buildBoilerplateTable(pages: readonly PageLines[]): Map<string, Set<string>> {
  // A line seen once maps to its story id; it gets a counter only when seen again. Most lines
  // (the articles' own text) are seen once: a Set of stories per line, then an object per line,
  // were the largest allocations of cleaning (bench/ingest.ts).
  const seen = new Map<string, Map<string, string | LineCount>>();
  for (const page of pages) {
    if (page.outlet === undefined) continue;
    const table = seen.get(page.outlet) ?? new Map<string, string | LineCount>();
    seen.set(page.outlet, table);
    for (const key of new Set(page.keys ?? page.blocks.map(lineKey))) {
      if (key === '') continue;
      const entry = table.get(key);
      if (entry === undefined) table.set(key, page.storyId); // one page: below MIN_PAGES (2) whatever its story
      else if (typeof entry === 'string') table.set(key, { pages: 2, firstStory: entry, stories: entry === page.storyId ? 1 : 2 });
      else {
        entry.pages++;
        if (entry.stories < MIN_STORIES && entry.firstStory !== page.storyId) entry.stories++;
      }
    }
  }
  const out = new Map<string, Set<string>>();
  for (const [outlet, table] of seen) {
    const lines = new Set<string>();
    for (const [key, e] of table) if (typeof e !== 'string' && e.pages >= MIN_PAGES && e.stories >= MIN_STORIES) lines.add(key);
    out.set(outlet, lines);
  }
  return out;
}
