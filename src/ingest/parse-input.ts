/** One input file to parsed docs: the form is told from the extension, then the content. */
import type { InputFile, ParsedDoc, Skipped } from '../types.js';
import { decodeText, extensionOf, fileStem } from './decode.js';
import { isVersionTable, parseRawText, parseVersionTable } from './parse-text.js';
import { parseHtmlPage } from './parse-html.js';
import { parseCsvRecords, parseJsonl } from './parse-records.js';

export interface ParseOptions {
  /** `--map field=column` for records: our field name → the file's column name. */
  map?: Record<string, string>;
}

/** Parse one input. Never throws for bad input: what cannot be read is returned in `skipped`. */
export function parseInput(file: InputFile, options: ParseOptions = {}): { docs: ParsedDoc[]; skipped: Skipped[] } {
  const decoded = decodeText(file.bytes);
  if (!decoded.ok) return { docs: [], skipped: [{ source: file.path, reason: decoded.reason }] };
  const { text } = decoded;
  const stem = fileStem(file.path);
  const ext = extensionOf(file.path);
  const map = options.map ?? {};
  switch (ext) {
    case 'jsonl':
    case 'ndjson':
      return parseJsonl(text, file.path, stem, map);
    case 'csv':
    case 'tsv':
      return parseCsvRecords(text, file.path, stem, map);
    case 'html':
    case 'htm':
    case 'xhtml':
      return fromHtml(text, file.path, stem);
    default:
      if (isVersionTable(text)) return { docs: parseVersionTable(text, file.path, stem), skipped: [] };
      if (ext !== 'txt' && /^\s*<(!doctype html|html)[\s>]/i.test(text)) return fromHtml(text, file.path, stem);
      return { docs: [parseRawText(text, file.path, stem)], skipped: [] };
  }
}

function fromHtml(text: string, path: string, stem: string): { docs: ParsedDoc[]; skipped: Skipped[] } {
  const doc = parseHtmlPage(text, path, stem);
  if (doc.blocks.length === 0) return { docs: [], skipped: [{ source: path, reason: 'no article text found in the HTML' }] };
  return { docs: [doc], skipped: [] };
}
