/**
 * Raw scraped page text and NewsSniffer version tables (seed 004) to `ParsedDoc`s.
 * Raw pages keep every non-blank line as a block, bullets and indentation included: cleaning
 * reads those shapes. Version tables are already article text, so they skip boilerplate cleaning.
 */
import type { ParsedDoc, MetaHints, Removed } from '../types.js';

/** NewsSniffer's header row: `Version 3 | Version 4 |`. */
const VERSION_HEADER = /^\s*Version\s+\d+\s*\|(\s*Version\s+\d+\s*\|)*\s*$/m;
/** Rows such as `(about 2 hours later) | |`: timing notes, not article text. */
const TIMING_CELL = /^\((about |less than |over )?[\w\s]+ (later|earlier|ago)\)$/i;

/** True when the text holds a NewsSniffer version table. */
export function isVersionTable(text: string): boolean {
  return VERSION_HEADER.test(text);
}

/** A raw page: one doc, blocks = its non-blank lines (right-trimmed, leading shape kept). */
export function parseRawText(text: string, source: string, stem: string): ParsedDoc {
  // trimEnd strips exactly `\s`; the end-anchored regex it replaces was tried at every position (top-10 in the profile).
  const blocks = text.split('\n').map((l) => l.trimEnd()).filter((l) => l !== '');
  return {
    id: stem, source, format: 'text', blocks, needsCleaning: true, meta: {},
    version: null, isLatest: true, storyId: stem, removed: [],
  };
}

/** A NewsSniffer page: one doc per version column, `<stem>@v<N>`; the highest N is the latest. */
export function parseVersionTable(text: string, source: string, stem: string): ParsedDoc[] {
  const lines = text.split('\n');
  const headerAt = lines.findIndex((l) => VERSION_HEADER.test(l));
  const header = lines[headerAt] ?? '';
  const versions = [...header.matchAll(/Version\s+(\d+)/g)].map((m) => Number(m[1]));
  const meta = readPreamble(lines.slice(0, headerAt));
  const columns: string[][] = versions.map(() => []);
  const removed: Removed[][] = versions.map(() => []);
  for (const line of lines.slice(headerAt + 1)) {
    if (/^[\s\-|:]*$/.test(line)) continue; // the `---|---|` rule and blank lines
    const cells = splitRow(line, versions.length);
    cells.forEach((cell, i) => {
      if (cell === '') return;
      if (TIMING_CELL.test(cell)) removed[i]?.push({ text: cell, reason: 'version-note' });
      else columns[i]?.push(cell);
    });
  }
  const latest = Math.max(...versions);
  return versions.map((n, i) => {
    const blocks = columns[i] ?? [];
    const title = blocks[0];
    const docMeta: MetaHints = { ...meta };
    if (title !== undefined) docMeta.title = title;
    return {
      id: `${stem}@v${n}`, source, format: 'version-table' as const, blocks: blocks.slice(1),
      needsCleaning: false, meta: docMeta, version: n, isLatest: n === latest, storyId: stem,
      removed: removed[i] ?? [],
    };
  });
}

/** The lines above the table name the source (`source 'rtcom'`) and the original URL. */
function readPreamble(lines: string[]): MetaHints {
  const meta: MetaHints = {};
  const joined = lines.join('\n');
  const source = /from the source '([^']+)'/.exec(joined)?.[1];
  if (source) meta.outlet = source;
  const url = /https?:\/\/[^\s<>"']+/.exec(joined)?.[0];
  if (url) meta.url = url.replace(/[.,;)]+$/, '');
  return meta;
}

/** Split `a | b |` into n cells; a cell may itself hold `|` when the row has too many pieces. */
function splitRow(line: string, n: number): string[] {
  const body = line.replace(/\s*\|\s*$/, '');
  const pieces = body.split(/\s\|(?:\s|$)|^\|\s/).map((c) => c.trim());
  if (pieces.length === n) return pieces;
  if (pieces.length < n) return [...pieces, ...Array<string>(n - pieces.length).fill('')];
  // More pieces than columns: a literal `|` inside text. Keep the row only if the halves agree.
  const half = Math.floor(pieces.length / n);
  return Array.from({ length: n }, (_, i) => pieces.slice(i * half, i === n - 1 ? undefined : (i + 1) * half).join(' | '));
}
