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
}

/** Per outlet, the set of lowered, bullet-stripped lines that are boilerplate. */
export function buildBoilerplateTable(pages: readonly PageLines[]): Map<string, Set<string>> {
  const seen = new Map<string, Map<string, { pages: number; stories: Set<string> }>>();
  for (const page of pages) {
    if (page.outlet === undefined) continue;
    const table = seen.get(page.outlet) ?? new Map<string, { pages: number; stories: Set<string> }>();
    seen.set(page.outlet, table);
    for (const key of new Set(page.blocks.map(lineKey))) {
      if (key === '') continue;
      const entry = table.get(key) ?? { pages: 0, stories: new Set<string>() };
      entry.pages++;
      entry.stories.add(page.storyId);
      table.set(key, entry);
    }
  }
  const out = new Map<string, Set<string>>();
  for (const [outlet, table] of seen) {
    const lines = new Set<string>();
    for (const [key, e] of table) if (e.pages >= MIN_PAGES && e.stories.size >= MIN_STORIES) lines.add(key);
    out.set(outlet, lines);
  }
  return out;
}
