/**
 * CSV writing (CONTRACT.md "CSV conventions"): RFC 4180, `\n` line ends, a header row, fixed
 * column order, floats to 6 places, optional BOM, and formula-injection guard on text columns only
 * (OWASP "CSV Injection": prefix `'` to `= + - @ TAB CR`). Rows go straight to the output, one
 * line per write, so no file is ever joined in memory.
 *
 * Fields are quoted by hand rather than through csv-stringify: the same bytes (see NEEDS_QUOTES;
 * `"` is doubled: RFC 4180 §2.6–2.7 — tests/report/csv.test.ts compares the two), but its
 * per-cell option handling made csv-stringify the largest cost of writing (0.5 s of 0.7 s on the
 * 10k benchmark corpus).
 */
import type { TextOut } from './output-sink.js';

/** How a column is written: text is guarded, numbers stay numbers. */
export type ColumnKind = 'text' | 'int' | 'float' | 'bool';

export interface Column {
  name: string;
  kind: ColumnKind;
}

/** A cell value before formatting; null and undefined are written as empty. */
export type Cell = string | number | boolean | null | undefined;

/** Fixed float precision of every CSV (CONTRACT.md). */
export const FLOAT_DIGITS = 6;
const NEGATIVE_ZERO = `-${(0).toFixed(FLOAT_DIGITS)}`;
/** First characters a spreadsheet runs as a formula: = + - @ TAB CR (as code units). */
const FORMULA_STARTS = new Set([0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d]);
const BOM = '\uFEFF';
/**
 * Fields quoted: those holding `"`, `,` or LF — csv-stringify's rule with `record_delimiter: '\n'`
 * (it quotes a lone CR only when the record delimiter holds one), kept so outputs stay byte-identical.
 */
const NEEDS_QUOTES = /[",\n]/;

/** Prefix `'` to a text value a spreadsheet would run as a formula. */
export function guardFormula(value: string): string {
  return FORMULA_STARTS.has(value.charCodeAt(0)) ? `'${value}` : value;
}

/** Format one cell by its column kind. */
export function formatCell(value: Cell, kind: ColumnKind): string {
  if (value === null || value === undefined) return '';
  switch (kind) {
    case 'text':
      return guardFormula(String(value));
    case 'bool':
      return value ? 'true' : 'false';
    case 'int':
      return typeof value === 'number' ? String(Math.round(value)) : String(value);
    case 'float':
      return typeof value === 'number' ? formatFloat(value) : String(value);
  }
}

/** A float to 6 places, without `-0.000000`; non-finite numbers are written as empty. */
export function formatFloat(value: number): string {
  if (!Number.isFinite(value)) return '';
  const text = value.toFixed(FLOAT_DIGITS);
  return text === NEGATIVE_ZERO ? text.slice(1) : text;
}

/**
 * Writes one CSV file into `out`: the (optional) BOM and the header at once, then a line per
 * `row`. The caller closes `out`.
 */
export class CsvWriter {
  private readonly kinds: readonly ColumnKind[];

  constructor(
    private readonly out: TextOut,
    private readonly columns: readonly Column[],
    bom: boolean,
  ) {
    this.kinds = columns.map((column) => column.kind);
    out.write(`${bom ? BOM : ''}${columns.map((column) => quoteField(column.name)).join(',')}\n`);
  }

  /** One record; `values` in column order. */
  row(values: readonly Cell[]): void {
    const { kinds } = this;
    if (values.length !== kinds.length) {
      throw new Error(`CSV row has ${values.length} cells for ${kinds.length} columns (${this.columns[0]?.name ?? ''}…)`);
    }
    // One string per line, built by concatenation: no arrays of formatted fields to join.
    let line = '';
    for (let i = 0; i < kinds.length; i += 1) {
      const value = values[i];
      const field = formatCell(value, kinds[i] ?? 'text');
      // Only a string can hold `"`, `,` or LF: formatted numbers and booleans never need quotes.
      line += (i === 0 ? '' : ',') + (typeof value === 'string' ? quoteField(field) : field);
    }
    this.out.write(`${line}\n`);
  }
}

/** Write a whole CSV (rows already sorted) into `out`. */
export function writeCsv(out: TextOut, columns: readonly Column[], rows: Iterable<readonly Cell[]>, bom: boolean): void {
  const csv = new CsvWriter(out, columns, bom);
  for (const row of rows) csv.row(row);
}

/** A field quoted where RFC 4180 needs it. */
function quoteField(field: string): string {
  return NEEDS_QUOTES.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** Shorthand for column lists: `col('id')`, `col('tokens', 'int')`. */
export function col(name: string, kind: ColumnKind = 'text'): Column {
  return { name, kind };
}
