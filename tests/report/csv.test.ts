import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { col, formatCell, formatFloat, guardFormula, writeCsv } from '../../src/report/csv.js';
import type { Cell, Column } from '../../src/report/csv.js';
import { MemorySink, writeOutput } from '../../src/report/output-sink.js';

/** The text `writeCsv` streams, gathered by an in-memory sink. */
function csvText(columns: readonly Column[], rows: readonly Cell[][], bom: boolean): string {
  const sink = new MemorySink();
  writeOutput(sink, 'x.csv', (out) => writeCsv(out, columns, rows, bom));
  return sink.files.get('x.csv') ?? '';
}

describe('guardFormula', () => {
  it('prefixes values a spreadsheet would run, and only those', () => {
    for (const bad of ['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx']) expect(guardFormula(bad)).toBe(`'${bad}`);
    for (const ok of ['Kyiv', ' =x', "'=x", 'نظام كييف', '']) expect(guardFormula(ok)).toBe(ok);
  });
});

describe('formatCell', () => {
  it('keeps numeric columns numeric, negative ones included', () => {
    expect(formatCell(-0.5, 'float')).toBe('-0.500000');
    expect(formatCell(-3, 'int')).toBe('-3');
    expect(formatCell('-3', 'text')).toBe("'-3");
    expect(formatCell(null, 'float')).toBe('');
    expect(formatCell(undefined, 'text')).toBe('');
    expect(formatCell(false, 'bool')).toBe('false');
  });

  it('writes floats to 6 places without a negative zero or non-finite values', () => {
    expect(formatFloat(1 / 3)).toBe('0.333333');
    expect(formatFloat(-1e-9)).toBe('0.000000');
    expect(formatFloat(Number.NaN)).toBe('');
    expect(formatFloat(Number.POSITIVE_INFINITY)).toBe('');
  });
});

describe('writeCsv', () => {
  const columns = [col('title'), col('n', 'int'), col('z', 'float')];

  it('writes RFC 4180 with \\n line ends and round-trips through a parser', () => {
    const text = csvText(columns, [['a "quoted", multi\nline', 1, 0.5], ['=HYPERLINK("http://x","y")', -2, -0.25]], false);
    expect(text).not.toContain('\r\n');
    expect(text.endsWith('\n')).toBe(true);
    const rows = parse(text) as string[][];
    expect(rows).toEqual([
      ['title', 'n', 'z'],
      ['a "quoted", multi\nline', '1', '0.500000'],
      ['\'=HYPERLINK("http://x","y")', '-2', '-0.250000'],
    ]);
  });

  it('adds a BOM only when asked', () => {
    expect(csvText(columns, [], true).startsWith('\uFEFFtitle,n,z\n')).toBe(true);
    expect(csvText(columns, [], false)).toBe('title,n,z\n');
  });

  it('refuses a row that does not fit the columns', () => {
    expect(() => csvText(columns, [['x']], false)).toThrow(/1 cells for 3 columns/);
  });

  it('writes the same bytes as csv-stringify (RFC 4180 quoting, \\n records, final \\n) for any text', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'ب', ' ', ',', '"', '\n', '\r', "'", '=', '-', '\t', 'é') });
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { maxLength: 6 }), (rows) => {
        const two = [col('a'), col('b')];
        const expected = stringify([['a', 'b'], ...rows.map((r) => r.map((v) => formatCell(v, 'text')))], { record_delimiter: '\n', eof: true });
        expect(csvText(two, rows, false)).toBe(expected);
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it('writes one line per row, the header with the BOM first', () => {
    const writes: string[] = [];
    writeCsv({ write: (text) => writes.push(text), close: () => undefined }, columns, [['a', 1, 0.5], ['b', 2, null]], true);
    expect(writes).toEqual(['\uFEFFtitle,n,z\n', 'a,1,0.500000\n', 'b,2,\n']);
  });
});
