/**
 * JSONL/NDJSON and CSV records: one article per record, already clean text (no boilerplate pass).
 * Field names follow common corpus dumps; `--map field=column` names other columns.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { DayOrderEvidence, parseDateField } from '../clean/metadata.js';
import type { ParsedDoc, Skipped, MetaHints } from '../types.js';
import { foldWhitespace } from './decode.js';
import { htmlToBlocks } from './parse-html.js';

/**
 * Our fields and the column names corpora commonly use for them, first match wins. Matched
 * exactly first, then ignoring case, spaces and `_`/`-` (spreadsheets capitalise headers: `Text`,
 * `Published At`), except for `--map`ped names, which are matched as given.
 */
const FIELD_NAMES: Record<string, string[]> = {
  id: ['id', 'doc_id', 'docid', 'article_id'],
  text: ['text', 'body', 'content', 'article', 'articleBody', 'article_text', 'full_text', 'maintext'],
  title: ['title', 'headline'],
  outlet: ['outlet', 'source', 'site', 'publisher', 'source_name', 'site_name', 'media'],
  date: ['date', 'published', 'published_at', 'pubdate', 'date_published', 'publish_date', 'published_date', 'datePublished'],
  url: ['url', 'link', 'source_url'],
  lang: ['lang', 'language'],
  credit: ['credit'],
  byline: ['byline', 'author', 'authors'],
};

/** A column name as the loose match compares it: lower case, without spaces, `_` and `-`. */
function looseName(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

const LOOSE_FIELD_NAMES: Record<string, string[]> = Object.fromEntries(
  Object.entries(FIELD_NAMES).map(([field, names]) => [field, names.map(looseName)]),
);

export type ParsedRecords = { docs: ParsedDoc[]; skipped: Skipped[] };

/**
 * Parse JSON Lines: each line one object; a bad line is skipped as `file:line`. `part`: for a file
 * read in pieces (src/ingest/parse-input.ts), the piece's first line number, the file's state and
 * the results of the pieces before it.
 */
export function parseJsonl(
  text: string, source: string, stem: string, map: Record<string, string>,
  part?: { firstLine: number; file: RecordFile; out: ParsedRecords },
): ParsedRecords {
  const out = part?.out ?? { docs: [], skipped: [] };
  const { docs, skipped } = out;
  const file = part?.file ?? new RecordFile();
  const firstLine = part?.firstLine ?? 1;
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const number = firstLine + i;
    const where = `${source}:${number}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      skipped.push({ source: where, reason: `not valid JSON (${(err as Error).message})` });
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      skipped.push({ source: where, reason: 'not a JSON object' });
      return;
    }
    addRecord(value as Record<string, unknown>, where, `${stem}:${number}`, 'jsonl', map, { docs, skipped }, file);
  });
  // A file read in pieces is settled by its reader once every piece is in.
  if (part === undefined) file.settleDates(docs);
  return out;
}

/**
 * What the records of one file share while it is read: the ids seen (id → where), and what its
 * date values show of how it writes numeric dates (`03/04/2024` is read once another value of the
 * file, `25/03/2024`, shows the day comes first).
 */
export class RecordFile {
  readonly ids = new Map<string, string>();
  readonly dayOrder = new DayOrderEvidence();

  /** Read the dates of `docs` (this file's) that only the file's day order could read. */
  settleDates(docs: readonly ParsedDoc[]): void {
    const order = this.dayOrder.order();
    if (order === undefined) return;
    for (const doc of docs) {
      if (doc.meta.dateStated === undefined) continue;
      const day = parseDateField(doc.meta.dateStated, order);
      if (day === undefined) continue;
      doc.meta.date = day;
      delete doc.meta.dateStated;
    }
  }
}

/**
 * A JSON file of records, as scrapers and APIs export them: an array of objects, or an object
 * holding one such array (`{"articles": [...]}`), or one record object. Each record's `source` is
 * `file:line` with the line its object starts on, as for JSON Lines.
 */
export function parseJsonRecords(text: string, source: string, stem: string, map: Record<string, string>): ParsedRecords {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { docs: [], skipped: [{ source, reason: `not valid JSON (${(err as Error).message})` }] };
  }
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  let list: unknown[] | undefined;
  let key: string | undefined;
  if (Array.isArray(value)) list = value;
  else if (isObject(value)) {
    const arrays = Object.entries(value).filter(([, v]) => Array.isArray(v) && v.some(isObject));
    if (arrays.length === 1) [key, list] = arrays[0] as [string, unknown[]];
    else if (arrays.length === 0) list = [value];
  }
  if (list === undefined) {
    return { docs: [], skipped: [{ source, reason: 'a JSON file of records must hold an array of objects, or an object with one such array (this one has several)' }] };
  }
  const lines = key === undefined && !Array.isArray(value) ? [1] : elementLines(text, key);
  const out: ParsedRecords = { docs: [], skipped: [] };
  const file = new RecordFile();
  list.forEach((item, i) => {
    const line = lines[i] ?? 1;
    const where = `${source}:${line}`;
    if (!isObject(item)) out.skipped.push({ source: where, reason: 'not a JSON object' });
    else addRecord(item, where, `${stem}:${line}`, 'jsonl', map, out, file);
  });
  file.settleDates(out.docs);
  return out;
}

/**
 * The line each element of a JSON text's record array starts on: the root array's, or (`key`) the
 * array under that key of the root object. One pass over the characters, strings skipped.
 */
function elementLines(text: string, key: string | undefined): number[] {
  const lines: number[] = [];
  // Per open container: 'o' object, 'a' array, 't' the record array.
  const stack: string[] = [];
  let line = 1;
  let lastString = '';
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\n') {
      line += 1;
      continue;
    }
    if (char === ' ' || char === '\t' || char === '\r') continue;
    if (expectElement && char !== ']') {
      lines.push(line);
      expectElement = false;
    }
    if (char === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      lastString = text.slice(i + 1, j);
      i = j;
    } else if (char === '{') stack.push('o');
    else if (char === '[') {
      const isTarget = key === undefined ? stack.length === 0 : stack.length === 1 && stack[0] === 'o' && lastString === key;
      stack.push(isTarget ? 't' : 'a');
      expectElement = isTarget;
    } else if (char === '}' || char === ']') stack.pop();
    else if (char === ',' && stack[stack.length - 1] === 't') expectElement = true;
  }
  return lines;
}

/** Parse a CSV with a header row; a record's line is its 1-based line in the file (header = 1). */
export function parseCsvRecords(text: string, source: string, stem: string, map: Record<string, string>): ParsedRecords {
  const docs: ParsedDoc[] = [];
  const skipped: Skipped[] = [];
  const delimiter = csvDelimiter(text);
  let rows: CsvRow[] | undefined = delimiter === ',' ? parseRegularCsv(text) : undefined;
  try {
    rows ??= parseCsv(text, { columns: true, info: true, skip_empty_lines: true, relax_column_count: true, bom: true, delimiter }) as CsvRow[];
  } catch (err) {
    return { docs, skipped: [{ source, reason: `CSV could not be parsed: ${(err as Error).message}` }] };
  }
  if (rows.length === 0) return { docs, skipped: [{ source, reason: 'CSV has no records (a header row at most)' }] };
  const file = new RecordFile();
  for (const { record, info } of rows) {
    const line = info.lines;
    addRecord(record, `${source}:${line}`, `${stem}:${line}`, 'csv', map, { docs, skipped }, file);
  }
  file.settleDates(docs);
  return { docs, skipped };
}

type CsvRow = { record: Record<string, string>; info: { lines: number } };

/**
 * The field separator of a CSV, told from its header row: `,`, or `;` (what spreadsheets write
 * where the decimal mark is a comma: French, German, Russian locales…) or a tab (a `.tsv` saved
 * as `.csv`, a paste from a spreadsheet) when the header holds more of that and no comma outside
 * quotes. A header row is a few names, so a separator it lacks is not the file's.
 */
export function csvDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '\n') break;
    else if (!quoted && (char === ',' || char === ';' || char === '\t')) counts[char] += 1;
  }
  if (counts[','] > 0) return ',';
  return counts[';'] >= counts['\t'] ? (counts[';'] > 0 ? ';' : ',') : '\t';
}

/**
 * The common CSV, read in one pass: RFC 4180 quoting, LF line ends, every row as wide as a
 * header of distinct non-empty names. Anything else is undefined, and csv-parse reads it (with
 * its error messages and its lenient rules): it ran at about 18 MB/s, this at several times that
 * (bench/ingest.ts). Rows are as csv-parse gives them: header names as keys, `info.lines` the
 * line the row ends on, empty lines skipped.
 */
export function parseRegularCsv(text: string): CsvRow[] | undefined {
  if (text.includes('\r') || text.charCodeAt(0) === 0xfeff || text.startsWith('\n')) return undefined;
  const rows: string[][] = [];
  const ends: number[] = [];
  let line = 1;
  let fields: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (fields.length === 0 && text[i] === '\n') { // an empty line
      line++;
      i++;
      continue;
    }
    let value: string;
    if (text[i] === '"') {
      let out = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) return undefined; // unclosed quote
        for (let k = text.indexOf('\n', from); k >= 0 && k < q; k = text.indexOf('\n', k + 1)) line++;
        out += text.slice(from, q);
        if (text[q + 1] === '"') {
          out += '"';
          from = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      if (i < text.length && text[i] !== ',' && text[i] !== '\n') return undefined; // text after a closing quote
      value = out;
    } else {
      let end = i;
      while (end < text.length && text[end] !== ',' && text[end] !== '\n') end++;
      value = text.slice(i, end);
      if (value.includes('"')) return undefined; // a quote inside an unquoted field
      i = end;
    }
    fields.push(value);
    if (i < text.length && text[i] === ',') {
      i++;
      if (i === text.length) fields.push(''); // `a,b,` at the very end: a last empty field
      else continue;
    }
    rows.push(fields);
    ends.push(line);
    fields = [];
    if (i < text.length) {
      line++;
      i++;
    }
  }
  const header = rows[0];
  if (!header || header.some((h) => h === '' || h === '__proto__') || new Set(header).size !== header.length) return undefined;
  const out: CsvRow[] = [];
  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r]!;
    if (cells.length !== header.length) return undefined; // ragged rows: csv-parse's relaxed rules apply
    const record: Record<string, string> = {};
    header.forEach((h, k) => { record[h] = cells[k]!; });
    out.push({ record, info: { lines: ends[r]! } });
  }
  return out;
}

/**
 * One record as a doc, or skipped with the reason. `file.ids`: the file's ids so far: a
 * record whose id an earlier record of the file has is skipped, naming the first — an export that
 * lists an article twice, or gives two articles one id. Ids across files are made unique later
 * (src/clean/clean-corpus.ts `uniqueIds`); two records of one file have no path to tell them apart.
 */
function addRecord(
  record: Record<string, unknown>, where: string, fallbackId: string, format: 'jsonl' | 'csv',
  map: Record<string, string>, out: ParsedRecords, file: RecordFile,
): void {
  const { docs, skipped } = out;
  const text = field(record, 'text', map);
  if (text === undefined || text.trim() === '') {
    skipped.push({ source: where, reason: `record has no text (looked for ${namesFor('text', map).join(', ')})` });
    return;
  }
  const id = field(record, 'id', map)?.trim() || fallbackId;
  const first = file.ids.get(id);
  if (first !== undefined) {
    skipped.push({ source: where, reason: `record id "${id}" is also the id of ${first} (ids must be unique within a file)` });
    return;
  }
  file.ids.set(id, where);
  const meta: MetaHints = {};
  for (const key of ['title', 'outlet', 'date', 'url', 'lang', 'credit', 'byline'] as const) {
    const value = field(record, key, map)?.trim();
    if (value) meta[key] = value;
  }
  // Exports write dates many ways (2024-03-16T10:00:00Z, March 16, 2024, 16 مارس 2024, 16/03/2024):
  // the day as stated, or none when it cannot be read unambiguously (03/04/2024 in a file whose
  // other dates do not settle the order, a Unix time) — never guessed; the value is kept to be reported.
  if (meta.date !== undefined) {
    file.dayOrder.add(meta.date);
    const day = parseDateField(meta.date);
    if (day === undefined) {
      meta.dateStated = meta.date;
      delete meta.date;
    } else meta.date = day;
  }
  // Scrapers often store the article's HTML (`content`, `articleBody`): its text, not its tags, is the article.
  const { blocks, removed } = MARKUP.test(text) ? htmlToBlocks(text) : { blocks: splitParagraphs(text), removed: [] };
  if (blocks.length === 0) {
    skipped.push({ source: where, reason: 'record has no text (its HTML holds none)' });
    return;
  }
  docs.push({
    id, source: where, format, blocks, needsCleaning: false, meta,
    version: null, isLatest: true, storyId: id, removed,
  });
}

/**
 * A record text that is HTML: a paragraph, line-break or block tag. Text that merely holds a `<`
 * (`a < b`, `<3`) is not; an inline tag alone (`<b>`) is not enough either — a block tag is
 * what scraped article HTML has.
 */
const MARKUP = /<(?:p|div|br|article|section|h[1-6]|ul|ol|li|blockquote|figure|table)\b[^>]*>/i;

/** Paragraphs on blank lines, or on single newlines when the text has no blank line. */
export function splitParagraphs(text: string): string[] {
  // Copies only when needed: the unconditional replaces here were 45% of JSONL parse time (bench/ingest.ts).
  let t = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  if (t.includes('\u00A0')) t = t.replace(/\u00A0/g, ' ');
  const parts = /\n[ \t]*\n/.test(t) ? t.split(/\n[ \t]*\n+/) : t.split('\n');
  return parts.map(foldWhitespace).filter((p) => p !== '');
}

function namesFor(key: string, map: Record<string, string>): string[] {
  const mapped = map[key];
  return mapped !== undefined ? [mapped] : FIELD_NAMES[key] ?? [key];
}

function field(record: Record<string, unknown>, key: string, map: Record<string, string>): string | undefined {
  for (const name of namesFor(key, map)) {
    if (!Object.prototype.hasOwnProperty.call(record, name)) continue;
    const value = valueOf(record[name]);
    if (value !== undefined) return value;
  }
  if (map[key] !== undefined) return undefined;
  // In the order of the names, as the exact match: `Text` before `Body`.
  const loose = LOOSE_FIELD_NAMES[key];
  if (loose === undefined) return undefined;
  let best: { rank: number; value: string } | undefined;
  for (const column of Object.keys(record)) {
    const rank = loose.indexOf(looseName(column));
    if (rank < 0 || (best !== undefined && best.rank <= rank)) continue;
    const value = valueOf(record[column]);
    if (value !== undefined) best = { rank, value };
  }
  return best?.value;
}

function valueOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}
