/**
 * CSV writing (CONTRACT.md "CSV conventions"): RFC 4180, `\n` line ends, a header row, fixed
 * column order, floats to 6 places, optional BOM, and formula-injection guard on text columns only
 * (OWASP "CSV Injection": prefix `'` to `= + - @ TAB CR`).
 *
 * Fields are quoted by hand rather than through csv-stringify: the same bytes (see NEEDS_QUOTES;
 * `"` is doubled: RFC 4180 §2.6–2.7 — tests/report/csv.test.ts compares the two), but its
 * per-cell option handling made csv-stringify the largest cost of writing (0.5 s of 0.7 s on the
 * 10k benchmark corpus).
 */
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
const FORMULA_START = /^[=+\-@\t\r]/;
const BOM = '\uFEFF';
/**
 * Fields quoted: those holding `"`, `,` or LF — csv-stringify's rule with `record_delimiter: '\n'`
 * (it quotes a lone CR only when the record delimiter holds one), kept so outputs stay byte-identical.
 */
const NEEDS_QUOTES = /[",\n]/;

/** Prefix `'` to a text value a spreadsheet would run as a formula. */
export function guardFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
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
  return /^-0\.0+$/.test(text) ? text.slice(1) : text;
}

/** Write rows (already sorted) under `columns`; each row gives values in column order. */
export function writeCsv(columns: readonly Column[], rows: readonly Cell[][], bom: boolean): string {
  const lines = [joinFields(columns.map((column) => column.name))];
  for (const row of rows) {
    if (row.length !== columns.length) {
      throw new Error(`CSV row has ${row.length} cells for ${columns.length} columns (${columns[0]?.name ?? ''}…)`);
    }
    lines.push(joinFields(row.map((value, i) => formatCell(value, columns[i]?.kind ?? 'text'))));
  }
  lines.push('');
  return (bom ? BOM : '') + lines.join('\n');
}

/** One record: fields quoted where RFC 4180 needs it, joined by commas. */
function joinFields(fields: readonly string[]): string {
  return fields.map((field) => (NEEDS_QUOTES.test(field) ? `"${field.replaceAll('"', '""')}"` : field)).join(',');
}

/** Shorthand for column lists: `col('id')`, `col('tokens', 'int')`. */
export function col(name: string, kind: ColumnKind = 'text'): Column {
  return { name, kind };
}
