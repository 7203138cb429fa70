/**
 * The optional manifest: a CSV with a `file` column and any of title/outlet/credit/date/url/lang/
 * byline/tags, setting or overriding what a page says about itself.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import type { InputFile, MetaHints } from '../types.js';
import { decodeText, baseName } from './decode.js';

const META_COLUMNS = ['title', 'outlet', 'credit', 'date', 'url', 'lang', 'byline'] as const;

/** Read a manifest; throws `file:line: …` when it cannot be used (it is user input, never guessed). */
export function parseManifest(file: InputFile): Map<string, MetaHints> {
  const decoded = decodeText(file.bytes);
  if (!decoded.ok) throw new Error(`${file.path}:1: manifest unreadable: ${decoded.reason}`);
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parseCsv(decoded.text, { columns: true, info: true, skip_empty_lines: true, trim: true }) as typeof rows;
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 1;
    throw new Error(`${file.path}:${line}: manifest is not valid CSV: ${(err as Error).message}`);
  }
  const out = new Map<string, MetaHints>();
  for (const { record, info } of rows) {
    const name = record['file'];
    if (name === undefined) throw new Error(`${file.path}:1: manifest has no \`file\` column — add one naming each input file`);
    if (name === '') throw new Error(`${file.path}:${info.lines}: empty \`file\` value`);
    const meta: MetaHints = {};
    for (const key of META_COLUMNS) {
      const v = record[key];
      if (v) meta[key] = v;
    }
    if (meta.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(meta.date)) {
      throw new Error(`${file.path}:${info.lines}: date "${meta.date}" is not YYYY-MM-DD`);
    }
    if (record['tags']) meta.tags = record['tags'].split(/[;|]/).map((t) => t.trim()).filter(Boolean);
    out.set(name, meta);
  }
  return out;
}

/** The manifest entry for a source: exact path first, then path suffix, then basename. */
export function manifestEntry(manifest: Map<string, MetaHints> | undefined, source: string): MetaHints | undefined {
  if (!manifest || manifest.size === 0) return undefined;
  const path = source.replace(/:\d+$/, '').replace(/\\/g, '/');
  const exact = manifest.get(path);
  if (exact) return exact;
  for (const [key, meta] of manifest) {
    const k = key.replace(/\\/g, '/').replace(/^\.\//, '');
    if (path === k || path.endsWith(`/${k}`)) return meta;
  }
  return manifest.get(baseName(path));
}
