import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse as parseCsv } from 'csv-parse/sync';
import { csvDelimiter, parseJsonl, parseJsonRecords, parseRegularCsv, parseCsvRecords, splitParagraphs } from '../../src/ingest/parse-records.js';
import { parseInput, parseJsonlInPieces } from '../../src/ingest/parse-input.js';

const CSV_OPTIONS = { columns: true, info: true, skip_empty_lines: true, relax_column_count: true, bom: true } as const;

/** What csv-parse makes of a text, or 'error'. */
function csvParseRows(text: string): unknown {
  try {
    return (parseCsv(text, CSV_OPTIONS) as { record: unknown; info: { lines: number } }[]).map((r) => [r.record, r.info.lines]);
  } catch {
    return 'error';
  }
}

describe('parseRegularCsv (the one-pass CSV reader)', () => {
  it('reads quoted fields, doubled quotes, multi-line cells and empty lines as csv-parse does', () => {
    const text = 'id,text,title\na1,"He said ""no"".\n\nSecond paragraph",T\n\nb2,plain,\n';
    expect(parseRegularCsv(text)?.map((r) => [r.record, r.info.lines])).toEqual(csvParseRows(text));
    expect(parseRegularCsv(text)?.[0]?.record['text']).toBe('He said "no".\n\nSecond paragraph');
  });
  it('leaves irregular files to csv-parse: ragged rows, stray quotes, CR, BOM, duplicate or empty headers', () => {
    for (const t of ['id,text\na,b,c\n', 'id,text\na,b"c\n', 'id,text\r\na,b\r\n', '\uFEFFid,text\na,b\n', 'id,id\na,b\n', 'id,\na,b\n', 'id,text\na,"open\n']) {
      expect(parseRegularCsv(t)).toBeUndefined();
    }
  });
  it('whenever it answers, it answers like csv-parse', () => {
    const piece = fc.constantFrom('a', 'b', ',', '"', '""', '\n', ' ', 'x y', 'ع', 'id', 'text');
    fc.assert(fc.property(fc.boolean(), fc.array(piece, { maxLength: 18 }), (withHeader, parts) => {
      const text = (withHeader ? 'id,text\n' : '') + parts.join('');
      const fast = parseRegularCsv(text);
      if (fast !== undefined) expect(fast.map((r) => [r.record, r.info.lines])).toEqual(csvParseRows(text));
    }), { numRuns: 5000 });
  });
  it('parseCsvRecords names each record by its file line', () => {
    const { docs } = parseCsvRecords('id,text\nr1,"one\n\ntwo"\nr2,three\n', 'x/recs.csv', 'recs', {});
    expect(docs.map((d) => [d.id, d.source, d.blocks])).toEqual([['r1', 'x/recs.csv:4', ['one', 'two']], ['r2', 'x/recs.csv:5', ['three']]]);
  });
});

describe('splitParagraphs', () => {
  it('equals its definition on any white space', () => {
    const reference = (text: string): string[] => {
      const t = text.replace(/\r\n?/g, '\n').replace(/\u00A0/g, ' ');
      const parts = /\n[ \t]*\n/.test(t) ? t.split(/\n[ \t]*\n+/) : t.split('\n');
      return parts.map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p !== '');
    };
    const piece = fc.constantFrom('Word', ' ', '  ', '\t', '\n', '\r', '\r\n', '\u00A0', '\u3000', '.');
    fc.assert(fc.property(fc.array(piece, { maxLength: 24 }).map((p) => p.join('')), (t) => {
      expect(splitParagraphs(t)).toEqual(reference(t));
    }), { numRuns: 3000 });
  });
});

describe('record ids within one file', () => {
  it('skips a record whose id an earlier record of the file has, naming that record (JSONL and CSV)', () => {
    const line = (id: string, text: string) => JSON.stringify({ id, text });
    const jsonl = parseJsonl([line('1', 'First text.'), line('2', 'Second text.'), line('1', 'Third text.')].join('\n'), 'x.jsonl', 'x', {});
    expect(jsonl.docs.map((doc) => doc.id)).toEqual(['1', '2']);
    expect(jsonl.skipped).toEqual([{ source: 'x.jsonl:3', reason: 'record id "1" is also the id of x.jsonl:1 (ids must be unique within a file)' }]);
    const csv = parseCsvRecords('id,text\n7,First text.\n7,Second text.\n', 'y.csv', 'y', {});
    expect(csv.docs.map((doc) => doc.id)).toEqual(['7']);
    expect(csv.skipped).toEqual([{ source: 'y.csv:3', reason: 'record id "7" is also the id of y.csv:2 (ids must be unique within a file)' }]);
  });
});

describe('CSV field separators', () => {
  it('reads ; and tab separated files (what spreadsheets write in many locales) as comma separated ones', () => {
    const text = 'A long enough text, with a comma; and a semicolon.';
    const expected = parseCsvRecords(`id,title,text\n1,Talks,"${text}"\n`, 'x.csv', 'x', {}).docs;
    expect(expected.map((doc) => doc.blocks)).toEqual([[text]]);
    const bytes = (content: string) => new TextEncoder().encode(content);
    for (const [path, content] of [
      ['x.csv', `id;title;text\n1;Talks;"${text}"\n`],
      ['x.csv', `\uFEFFid\ttitle\ttext\n1\tTalks\t${text}\n`],
      ['x.tsv', `id\ttitle\ttext\n1\tTalks\t${text}\n`],
    ] as const) {
      const { docs, skipped } = parseInput({ path, bytes: bytes(content) });
      expect(skipped, content).toEqual([]);
      expect(docs.map(({ id, meta, blocks }) => ({ id, meta, blocks })), content).toEqual(expected.map(({ id, meta, blocks }) => ({ id, meta, blocks })));
    }
  });

  it('tells the separator from the header row only, quotes respected', () => {
    expect(csvDelimiter('id,title,text\n1;2;3\n')).toBe(',');
    expect(csvDelimiter('id;"a,b";text\n')).toBe(';');
    expect(csvDelimiter('id\ttext\n1,2\n')).toBe('\t');
    expect(csvDelimiter('text\nhello, world\n')).toBe(',');
  });
});

describe('record dates', () => {
  it('keeps the day a record states in any common form, and none where it cannot be read unambiguously (such dates crashed clustering)', () => {
    const dates = ['2024-03-16T23:30:00-05:00', '2024-03-16 10:00', 'March 16, 2024', '16 Mar 2024', '2024/03/16', '16 مارس 2024', '16/03/2024', '03/16/2024 9:15', '2024-02-30', '03/04/2024', '1710583200', 'yesterday'];
    const jsonl = dates.map((date, i) => JSON.stringify({ id: String(i), date, text: 'Some text of a record.' })).join('\n');
    const { docs, skipped } = parseJsonl(jsonl, 'd.jsonl', 'd', {});
    expect(skipped).toEqual([]);
    expect(docs.map((doc) => doc.meta.date ?? '')).toEqual([
      '2024-03-16', '2024-03-16', '2024-03-16', '2024-03-16', '2024-03-16', '2024-03-16', '2024-03-16', '2024-03-16', '', '', '', '',
    ]);
    // What could not be read is kept as written, to be reported; what was read is not.
    expect(docs.map((doc) => doc.meta.dateStated ?? '')).toEqual(['', '', '', '', '', '', '', '', '2024-02-30', '03/04/2024', '1710583200', 'yesterday']);
  });

  it('reads 03/04/2024 in the order the same file\'s other dates show (a European or US export), and not when they show none or both', () => {
    const csv = (dates: string[]) => `id,date,text\n${dates.map((date, i) => `${i},${date},Text ${i}.`).join('\n')}\n`;
    const read = (dates: string[]) => parseCsvRecords(csv(dates), 'x.csv', 'x', {}).docs.map((doc) => doc.meta.date ?? doc.meta.dateStated);
    // A day above 12 in the first place anywhere in the file: every date of the file puts the day first.
    expect(read(['03/04/2024', '25/03/2024', '01.02.2024'])).toEqual(['2024-04-03', '2024-03-25', '2024-02-01']);
    // Above 12 in the second place: month first.
    expect(read(['03/04/2024', '12/31/2023'])).toEqual(['2024-03-04', '2023-12-31']);
    // Nothing settles it, or the file contradicts itself: unread, kept as written.
    expect(read(['03/04/2024', '2024-05-01'])).toEqual(['03/04/2024', '2024-05-01']);
    expect(read(['03/04/2024', '25/03/2024', '03/25/2024'])).toEqual(['03/04/2024', '2024-03-25', '2024-03-25']);
    // Another file's dates say nothing about this one's.
    expect(parseCsvRecords(csv(['03/04/2024']), 'y.csv', 'y', {}).docs[0]?.meta).toMatchObject({ dateStated: '03/04/2024' });
    // JSON files and JSON Lines read in pieces settle over the whole file.
    const json = JSON.stringify([{ id: 'a', date: '03/04/2024', text: 'A.' }, { id: 'b', date: '13/04/2024', text: 'B.' }]);
    expect(parseJsonRecords(json, 'z.json', 'z', {}).docs.map((doc) => doc.meta.date)).toEqual(['2024-04-03', '2024-04-13']);
    const lines = Array.from({ length: 40 }, (_, i) => JSON.stringify({ id: String(i), date: i === 39 ? '30/01/2024' : '02/01/2024', text: `Record ${i} text.` }));
    const pieces = parseJsonlInPieces({ path: 'p.jsonl', bytes: Buffer.from(`${lines.join('\n')}\n`) }, {}, 200);
    expect(new Set(pieces.docs.map((doc) => doc.meta.date))).toEqual(new Set(['2024-01-02', '2024-01-30']));
  });
});

describe('records whose text is HTML', () => {
  it('take the text of the markup (paragraphs, entities decoded, scripts out), and keep plain text that merely holds a <', () => {
    const html = '<div class="article"><p>Moscow again spoke of the <b>Kiev regime</b> at the talks.</p><p>The delegations &amp; more.</p><script>var x = 1;</script></div>';
    const lines = [
      JSON.stringify({ id: 'h', content: html }),
      JSON.stringify({ id: 't', text: 'Inflation stayed < 3% and x > y, a plain text.' }),
      JSON.stringify({ id: 'e', text: '<div><p> </p><script>only();</script></div>' }),
    ];
    const { docs, skipped } = parseJsonl(lines.join('\n'), 'h.jsonl', 'h', {});
    expect(docs.map((doc) => [doc.id, doc.blocks])).toEqual([
      ['h', ['Moscow again spoke of the Kiev regime at the talks.', 'The delegations & more.']],
      ['t', ['Inflation stayed < 3% and x > y, a plain text.']],
    ]);
    expect(skipped).toEqual([{ source: 'h.jsonl:3', reason: 'record has no text (its HTML holds none)' }]);
  });
});

describe('record column names', () => {
  it('are matched ignoring case, spaces, _ and - when no column has the exact name (spreadsheet headers), first listed name first', () => {
    const csv = 'ID,Headline,Body,Text,Publisher,Published At,Language\n7,Talks,The body column.,The text column.,RT,2024-03-16T10:00:00Z,English\n';
    const [doc] = parseCsvRecords(csv, 'c.csv', 'c', {}).docs;
    expect(doc).toMatchObject({ id: '7', blocks: ['The text column.'], meta: { title: 'Talks', outlet: 'RT', date: '2024-03-16', lang: 'English' } });
    // Exact names win over loose ones; a --map name is matched as given.
    const [exact] = parseCsvRecords('Text,text\nLoose.,Exact.\n', 'e.csv', 'e', {}).docs;
    expect(exact?.blocks).toEqual(['Exact.']);
    expect(parseCsvRecords('Story\nA story.\n', 'm.csv', 'm', { text: 'story' }).skipped).toHaveLength(1);
  });
});

describe('JSON files of records', () => {
  const record = (id: string) => ({ id, title: 'Talks', text: `Record ${id} text, "quoted" and {braced} [bracketed].` });
  it('reads an array of objects, each with the line its object starts on, as JSON Lines would', () => {
    const pretty = JSON.stringify([record('1'), record('2'), 'not a record', record('3')], null, 2);
    const { docs, skipped } = parseJsonRecords(pretty, 'a.json', 'a', {});
    const startLines = pretty.split('\n').flatMap((line, i) => (/^ {2}[{"]/.test(line) ? [i + 1] : []));
    expect(docs.map((doc) => [doc.id, doc.source])).toEqual([['1', `a.json:${startLines[0]}`], ['2', `a.json:${startLines[1]}`], ['3', `a.json:${startLines[3]}`]]);
    expect(skipped).toEqual([{ source: `a.json:${startLines[2]}`, reason: 'not a JSON object' }]);
    const compact = parseJsonRecords(JSON.stringify([record('1'), record('2')]), 'c.json', 'c', {});
    expect(compact.docs.map((doc) => doc.source)).toEqual(['c.json:1', 'c.json:1']);
    expect(compact.docs[0]?.blocks).toEqual(['Record 1 text, "quoted" and {braced} [bracketed].']);
  });

  it('reads the one array of records an object holds, or one record object; refuses the ambiguous', () => {
    const wrapped = `{"meta": {"count": 2, "tags": ["x", "y"]},\n "articles": [\n${JSON.stringify(record('1'))},\n${JSON.stringify(record('2'))}\n]}`;
    expect(parseJsonRecords(wrapped, 'w.json', 'w', {}).docs.map((doc) => [doc.id, doc.source])).toEqual([['1', 'w.json:3'], ['2', 'w.json:4']]);
    expect(parseJsonRecords(JSON.stringify(record('9')), 'one.json', 'one', {}).docs.map((doc) => doc.id)).toEqual(['9']);
    const two = parseJsonRecords(JSON.stringify({ a: [record('1')], b: [record('2')] }), 't.json', 't', {});
    expect(two.docs).toEqual([]);
    expect(two.skipped[0]?.reason).toMatch(/several/);
    expect(parseJsonRecords('[{"id": 1,', 'bad.json', 'bad', {}).skipped[0]).toMatchObject({ source: 'bad.json', reason: expect.stringMatching(/^not valid JSON/) });
  });
});
