/** One input file to parsed docs: the form is told from the extension, then the content. */
import { gunzipSync } from 'node:zlib';
import type { InputFile, ParsedDoc, Skipped } from '../types.js';
import { decodeText, extensionOf, fileStem, isGzip, otherFileTypeHint } from './decode.js';
import { isVersionTable, parseRawText, parseVersionTable } from './parse-text.js';
import { parseHtmlPage } from './parse-html.js';
import { parseCsvRecords, parseJsonl, parseJsonRecords, RecordFile } from './parse-records.js';

export interface ParseOptions {
  /** `--map field=column` for records: our field name → the file's column name. */
  map?: Record<string, string>;
}

/**
 * Parse one input. Never throws for bad input: what cannot be read is returned in `skipped`. A
 * gzip-compressed file (`x.jsonl.gz`, or a page saved compressed under any name) is read as the
 * file it holds, named by what is left of its name.
 */
export function parseInput(file: InputFile, options: ParseOptions = {}): { docs: ParsedDoc[]; skipped: Skipped[] } {
  // A spreadsheet or an archive named on the command line: what to do instead, before any decompressing.
  const hint = otherFileTypeHint(`.${extensionOf(file.path)}`);
  if (hint !== undefined) return { docs: [], skipped: [{ source: file.path, reason: hint }] };
  if (!isGzip(file.bytes)) return parseContent(file, options);
  const inflated = gunzipInput(file.bytes);
  if ('reason' in inflated) return { docs: [], skipped: [{ source: file.path, reason: inflated.reason }] };
  return parseContent({ path: file.path, bytes: inflated.bytes }, options);
}

/**
 * Decompressed bytes at most: a JSON Lines file this large is still read (in pieces); beyond it a
 * small archive could fill the memory (a "zip bomb").
 */
const MAX_INFLATED_BYTES = 2 ** 31;

/** A gzip file's content, or why it cannot be had (`limit`: for tests). */
export function gunzipInput(bytes: Uint8Array, limit = MAX_INFLATED_BYTES): { bytes: Uint8Array } | { reason: string } {
  try {
    return { bytes: gunzipSync(bytes, { maxOutputLength: limit }) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      return { reason: `over ${formatBytes(limit)} once decompressed: split it into smaller files` };
    }
    return { reason: `gzip-compressed but cannot be decompressed (${(error as Error).message})` };
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 2 ** 30 ? `${bytes / 2 ** 30} GiB` : `${bytes} bytes`;
}

function parseContent(file: InputFile, options: ParseOptions): { docs: ParsedDoc[]; skipped: Skipped[] } {
  const ext = extensionOf(file.path);
  const map = options.map ?? {};
  if ((ext === 'jsonl' || ext === 'ndjson') && file.bytes.length > JSONL_PIECE_BYTES) return parseJsonlInPieces(file, map);
  const decoded = decodeText(file.bytes);
  if (!decoded.ok) return { docs: [], skipped: [{ source: file.path, reason: decoded.reason }] };
  const { text } = decoded;
  const stem = fileStem(file.path);
  switch (ext) {
    case 'jsonl':
    case 'ndjson':
      return parseJsonl(text, file.path, stem, map);
    case 'json':
      return parseJsonRecords(text, file.path, stem, map);
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

/**
 * Bytes of a JSON Lines file decoded at a time. A JavaScript string holds at most 2^29 − 24
 * characters (V8), so a larger export cannot be one text: it is read in pieces that end at a line
 * end (a UTF-8 sequence never spans one), each a few hundred thousand records at most.
 */
const JSONL_PIECE_BYTES = 64 << 20;

/** `parseJsonl` over a large file, piece by piece, with the file's own line numbers (`pieceBytes`: for tests). */
export function parseJsonlInPieces(file: InputFile, map: Record<string, string>, pieceBytes = JSONL_PIECE_BYTES): { docs: ParsedDoc[]; skipped: Skipped[] } {
  const stem = fileStem(file.path);
  const { bytes } = file;
  const part = { firstLine: 1, file: new RecordFile(), out: { docs: [] as ParsedDoc[], skipped: [] as Skipped[] } };
  for (let start = 0; start < bytes.length; ) {
    const nextLine = bytes.indexOf(0x0a, Math.min(bytes.length, start + pieceBytes));
    const end = nextLine < 0 ? bytes.length : nextLine + 1;
    const piece = bytes.subarray(start, end);
    const decoded = decodeText(piece);
    let lines = 0;
    if (decoded.ok) {
      parseJsonl(decoded.text, file.path, stem, map, part);
      // Numbered as one text would be (decodeText makes a lone CR a line end too).
      for (let at = decoded.text.indexOf('\n'); at >= 0; at = decoded.text.indexOf('\n', at + 1)) lines += 1;
    } else {
      if (!decoded.reason.startsWith('empty file')) part.out.skipped.push({ source: `${file.path}:${part.firstLine}`, reason: `the lines from here to byte ${end}: ${decoded.reason}` });
      for (let at = piece.indexOf(0x0a); at >= 0; at = piece.indexOf(0x0a, at + 1)) lines += 1;
    }
    part.firstLine += lines;
    start = end;
  }
  part.file.settleDates(part.out.docs);
  return part.out;
}

function fromHtml(text: string, path: string, stem: string): { docs: ParsedDoc[]; skipped: Skipped[] } {
  const doc = parseHtmlPage(text, path, stem);
  if (doc.blocks.length === 0) return { docs: [], skipped: [{ source: path, reason: 'no article text found in the HTML' }] };
  return { docs: [doc], skipped: [] };
}
