import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseInput } from '../../src/ingest/index.js';
import { gunzipInput } from '../../src/ingest/parse-input.js';

const FIX = fileURLToPath(new URL('../fixtures/ingest/', import.meta.url));
const file = (name: string): { path: string; bytes: Uint8Array } => ({ path: `corpus/${name}`, bytes: readFileSync(`${FIX}${name}`) });
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('parseInput: forms', () => {
  it('raw page text: one doc, id = file stem, lines as blocks, needs cleaning', () => {
    const { docs, skipped } = parseInput(file('page-en.txt'));
    expect(skipped).toEqual([]);
    expect(docs).toHaveLength(1);
    const d = docs[0]!;
    expect([d.id, d.storyId, d.format, d.needsCleaning, d.version, d.isLatest]).toEqual(['page-en', 'page-en', 'text', true, null, true]);
    expect(d.source).toBe('corpus/page-en.txt');
    expect(d.blocks[0]).toBe('Sputnik');
    expect(d.blocks).toContain('  • By Lena Marsh');
  });

  it('a file with no extension is read as raw text', () => {
    const { docs } = parseInput({ path: 'inbox/README', bytes: bytes('A headline of a few words\n\nSome running text that says something.\n') });
    expect(docs[0]!.id).toBe('README');
    expect(docs[0]!.format).toBe('text');
  });

  it('NewsSniffer table: one doc per version, <stem>@v<N>, highest is latest, source and URL kept', () => {
    const { docs } = parseInput(file('versions.txt'));
    expect(docs.map((d) => [d.id, d.version, d.isLatest, d.storyId])).toEqual([
      ['versions@v1', 1, false, 'versions'], ['versions@v2', 2, true, 'versions']]);
    expect(docs[0]!.meta).toMatchObject({ title: 'Fictional bridge opens to traffic', outlet: 'rtcom', url: 'https://www.rt.com/news/000000-fictional-bridge/' });
    expect(docs[0]!.blocks).toContain('Drivers queued for an hour to be among the first to cross it.');
    expect(docs[1]!.blocks).not.toContain('Drivers queued for an hour to be among the first to cross it.');
    expect(docs[1]!.blocks).toContain('Cyclists will get a separate lane from next spring, the city added.');
    expect(docs[0]!.removed).toEqual([{ text: '(about 3 hours later)', reason: 'version-note' }]);
  });

  it('HTML: Readability paragraphs plus head metadata (og, canonical, JSON-LD)', () => {
    const { docs } = parseInput(file('page.html'));
    const d = docs[0]!;
    expect(d.format).toBe('html');
    expect(d.meta).toMatchObject({ title: 'Town library opens a reading garden', outlet: 'Reuters', date: '2021-06-02', byline: 'Omar Haddad', lang: 'en',
      url: 'https://www.reuters.com/world/fictional-reading-garden-2021-06-02/' });
    expect(d.blocks.some((b) => b.startsWith('The public library of the fictional town'))).toBe(true);
    expect(d.blocks.join('\n')).not.toContain('Business'); // the nav menu
  });

  it('HTML with no article is skipped with a reason naming the file', () => {
    const { docs, skipped } = parseInput(file('no-article.html'));
    // Either the parser finds nothing or cleaning will find no running text (see clean-corpus tests).
    expect(docs.length + skipped.length).toBe(1);
    if (skipped.length) expect(skipped[0]!.source).toBe('corpus/no-article.html');
  });

  it('JSONL: records keep their id/doc_id, else <stem>:<line>; bad lines are skipped as file:line', () => {
    const { docs, skipped } = parseInput(file('records.jsonl'));
    expect(docs.map((d) => d.id)).toEqual(['rec-1', 'rec-2', 'records:5']);
    expect(docs.map((d) => d.source)).toEqual(['corpus/records.jsonl:1', 'corpus/records.jsonl:2', 'corpus/records.jsonl:5']);
    expect(docs[0]!.blocks).toEqual(['First paragraph of a fictional record about a harbour.', 'Second paragraph, with more detail about boats.']);
    expect(docs[1]!.blocks).toEqual(['سطر أول عن مدينة خيالية.', 'سطر ثان عن الميناء.']); // single newlines split when no blank line
    expect(docs[0]!.needsCleaning).toBe(false);
    expect(docs[0]!.meta).toMatchObject({ title: 'Harbour record', outlet: 'bbc.com', date: '2022-03-01', lang: 'en' });
    expect(docs[1]!.meta).toMatchObject({ outlet: 'الجزيرة', date: '2022-03-02' });
    expect(skipped.map((s) => s.source)).toEqual(['corpus/records.jsonl:3', 'corpus/records.jsonl:4']);
    expect(skipped[0]!.reason).toMatch(/not valid JSON/);
    expect(skipped[1]!.reason).toMatch(/no text/);
  });

  it('CSV: --map names the columns; a record with empty text is skipped as file:line', () => {
    const map = { id: 'article_no', title: 'headline', text: 'story', outlet: 'publisher', date: 'day' };
    const { docs, skipped } = parseInput(file('records.csv'), { map });
    expect(docs.map((d) => [d.id, d.source, d.format])).toEqual([['A1', 'corpus/records.csv:4', 'csv']]);
    expect(docs[0]!.blocks).toEqual(['Heavy rain fell on the fictional valley overnight.', 'Roads reopened by noon.']);
    expect(docs[0]!.meta).toMatchObject({ title: 'Fictional storm report', outlet: 'Reuters', date: '2023-01-05' });
    expect(skipped).toEqual([{ source: 'corpus/records.csv:5', reason: 'record has no text (looked for story)' }]);
  });
});

describe('parseInput: bytes', () => {
  it('strips a BOM, normalises CRLF and NBSP', () => {
    const { docs } = parseInput(file('page-ar.txt'));
    const blocks = docs[0]!.blocks;
    expect(blocks[0]).toBe('مباشر');
    expect(blocks.join('\n')).not.toMatch(/[\r\u00A0\uFEFF]/);
    expect(blocks).toContain('افتتاح مكتبة جديدة في مدينة ساحلية خيالية');
  });

  it.each([
    ['empty file', new Uint8Array(0), /empty/],
    ['only whitespace', bytes(' \n\t\n'), /empty/],
    ['NUL bytes', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14]), /binary/],
    ['control characters', new Uint8Array(Array.from({ length: 40 }, (_, i) => (i % 2 ? 0x01 : 0x41))), /binary/],
    ['Latin-1, not UTF-8', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72]), /UTF-8/],
  ])('%s is skipped with a human reason naming the file', (_label, data, reason) => {
    const { docs, skipped } = parseInput({ path: 'in/bad.txt', bytes: data });
    expect(docs).toEqual([]);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.source).toBe('in/bad.txt');
    expect(skipped[0]!.reason).toMatch(reason);
  });

  it('a JSONL file with Windows line ends and a BOM parses normally', () => {
    const text = '\uFEFF{"id":"a","text":"One line\\u00a0here."}\r\n{"id":"b","text":"Two."}\r\n';
    const { docs, skipped } = parseInput({ path: 'x.ndjson', bytes: bytes(text) });
    expect(skipped).toEqual([]);
    expect(docs.map((d) => d.id)).toEqual(['a', 'b']);
  });
});

describe('gzip-compressed inputs', () => {
  const records = '{"id":"a","date":"25/03/2024","text":"One record."}\n{"id":"b","text":"Two."}\n';
  it('are read as the file they hold: the inner extension chooses the form, ids and sources as uncompressed', () => {
    const { docs, skipped } = parseInput({ path: 'in/export.jsonl.gz', bytes: gzipSync(records) });
    expect(skipped).toEqual([]);
    expect(docs.map((d) => [d.id, d.source, d.meta.date])).toEqual([['a', 'in/export.jsonl.gz:1', '2024-03-25'], ['b', 'in/export.jsonl.gz:2', undefined]]);
    const page = parseInput(file('page-en.txt'));
    const compressed = parseInput({ path: 'corpus/page-en.txt.gz', bytes: gzipSync(file('page-en.txt').bytes) });
    expect(compressed.docs.map((d) => ({ ...d, source: '' }))).toEqual(page.docs.map((d) => ({ ...d, source: '' })));
    // A page a scraper saved compressed under its plain name is read the same way.
    expect(parseInput({ path: 'corpus/page-en.txt', bytes: gzipSync(file('page-en.txt').bytes) }).docs).toEqual(page.docs);
  });

  it('a damaged or oversized archive, or a spreadsheet named on the command line, is skipped with a reason', () => {
    const truncated = gzipSync(records).subarray(0, 20);
    expect(parseInput({ path: 'in/cut.jsonl.gz', bytes: truncated }).skipped).toEqual([
      { source: 'in/cut.jsonl.gz', reason: 'gzip-compressed but cannot be decompressed (unexpected end of file)' },
    ]);
    expect(gunzipInput(gzipSync(Buffer.alloc(5000)), 4096)).toEqual({ reason: 'over 4096 bytes once decompressed: split it into smaller files' });
    expect(parseInput({ path: 'in/sheet.xlsx', bytes: new Uint8Array([0x50, 0x4b, 3, 4]) }).skipped[0]?.reason).toBe('a spreadsheet (.xlsx): save it as CSV (UTF-8) and run on that');
  });
});

describe('a JSON Lines file larger than one string can hold', () => {
  it('is read in pieces ending at line ends, exactly as in one text: line numbers, skips, ids across pieces, CRLF, Arabic', async () => {
    const { parseJsonlInPieces } = await import('../../src/ingest/parse-input.js');
    const record = (id: string, text: string) => JSON.stringify({ id, text, lang: 'ar' });
    const lines = [
      record('1', 'قال لافروف إن نظام كييف يرفض المفاوضات.'), '', '{bad json', record('2', 'Second record text.'),
      record('1', 'A repeated id, pieces apart.'), JSON.stringify(['not', 'an', 'object']), record('3', 'نص عربي آخر في السجل الثالث.'),
    ];
    const bytes = new TextEncoder().encode(`${lines.join('\r\n')}\r\n${record('4', 'Last, no line end.')}`);
    const whole = parseInput({ path: 'big.jsonl', bytes });
    for (const pieceBytes of [1, 7, 40, 100, bytes.length]) {
      expect(parseJsonlInPieces({ path: 'big.jsonl', bytes }, {}, pieceBytes), `pieces of ${pieceBytes} bytes`).toEqual(whole);
    }
    expect(whole.docs.map((doc) => doc.source)).toEqual(['big.jsonl:1', 'big.jsonl:4', 'big.jsonl:7', 'big.jsonl:8']);
    expect(whole.skipped.map((item) => item.source)).toEqual(['big.jsonl:3', 'big.jsonl:5', 'big.jsonl:6']);
  });
});
