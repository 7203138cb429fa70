/**
 * CSV writing (CONTRACT.md "CSV conventions"): RFC 4180 via csv-stringify, `\n` line ends, a
 * header row, fixed column order, floats to 6 places, optional BOM, and formula-injection guard
 * on text columns only (OWASP "CSV Injection": prefix `'` to `= + - @ TAB CR`).
 */
import { stringify } from 'csv-stringify/sync';

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
  const records = [columns.map((column) => column.name)];
  for (const row of rows) {
    if (row.length !== columns.length) {
      throw new Error(`CSV row has ${row.length} cells for ${columns.length} columns (${columns[0]?.name ?? ''}…)`);
    }
    records.push(row.map((value, i) => formatCell(value, columns[i]?.kind ?? 'text')));
  }
  const body = stringify(records, { record_delimiter: '\n', eof: true });
  return bom ? BOM + body : body;
}

/** Shorthand for column lists: `col('id')`, `col('tokens', 'int')`. */
export function col(name: string, kind: ColumnKind = 'text'): Column {
  return { name, kind };
}
