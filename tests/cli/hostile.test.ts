import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, REPO, runFramescope, tempDir } from '../helpers/cli.js';

const GOOD_PARAGRAPH =
  'Foreign ministers met in Geneva on Monday to discuss a ceasefire, and officials said the talks would resume next week.';

/** A folder of hostile inputs beside a few good ones (all written here, nothing real). */
function buildHostileCorpus(): string {
  const dir = tempDir('framescope-hostile-');
  const write = (name: string, content: string | Uint8Array) => writeFileSync(join(dir, name), content);
  write('good-page.txt', `Example Wire\n\nTalks resume in Geneva\n\n${GOOD_PARAGRAPH}\n\nThe Kiev regime was not mentioned by name.\n`);
  write(
    'bidi-and-zero-width.txt',
    `Example Wire\n\nTalks\u200B resume\n\n\u202E${GOOD_PARAGRAPH}\u202C Moscow again spoke of the \u2066«نظام كييف»\u2069.\uFEFF\n`,
  );
  write('header-only.csv', 'id,title,text\n');
  write('binary.txt', Uint8Array.from({ length: 512 }, (_, i) => (i * 37) % 256));
  write('latin1.txt', Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72, 0x0a]));
  write('empty.txt', '');
  write('whitespace.txt', '   \n\t\n  ');
  write(
    'records.jsonl',
    [
      JSON.stringify({ id: 'ok-1', outlet: 'Example Wire', title: 'Talks', lang: 'en', text: GOOD_PARAGRAPH }),
      '{"id": "broken", "text": ',
      JSON.stringify({ id: 'no-text', outlet: 'Example Wire', title: 'Nothing here' }),
      JSON.stringify(['not', 'an', 'object']),
      JSON.stringify({ id: 'constructor', outlet: '__proto__', title: 'Prototype words', lang: 'en', text: GOOD_PARAGRAPH }),
    ].join('\n'),
  );
  write('unbalanced.csv', 'id,title,text\n1,"Open quote,never closed\n');
  write('deep.html', `<html><body>${'<div>'.repeat(5000)}${GOOD_PARAGRAPH}${'</div>'.repeat(5000)}</body></html>`);
  write('no-article.html', '<html><head><title>Menu</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav></body></html>');
  write('long-line.txt', `Example Wire\n\n${'The talks went on. '.repeat(120_000)}\n`);
  write('picture.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47]));
  mkdirSync(join(dir, 'nested'));
  write(join('nested', 'crlf-bom.txt'), `\uFEFFExample Wire\r\n\r\nTalks resume\r\n\r\n${GOOD_PARAGRAPH.replace(/ /g, '\u00A0')}\r\n`);
  return dir;
}

beforeAll(() => buildOnce());

describe('a run over hostile files', () => {
  it('skips each bad input with a reason, analyses the good ones, and loses nothing', () => {
    const corpus = buildHostileCorpus();
    const out = join(tempDir(), 'out');
    const result = runFramescope(['analyze', corpus, '--out', out]);
    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(0);

    const skipped = parse(readFileSync(join(out, 'skipped.csv'), 'utf8'), { columns: true }) as { source: string; reason: string }[];
    const skippedSources = skipped.map((row) => row.source.replace(corpus, '').replace(/^[\\/]/, ''));
    for (const bad of ['binary.txt', 'latin1.txt', 'empty.txt', 'whitespace.txt', 'records.jsonl:2', 'records.jsonl:3', 'records.jsonl:4', 'picture.png', 'no-article.html', 'header-only.csv']) {
      expect(skippedSources, `${bad} is listed in skipped.csv`).toContain(bad);
    }
    for (const row of skipped) expect(row.reason.length, `reason for ${row.source}`).toBeGreaterThan(3);

    const articles = readFileSync(join(out, 'articles.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; source: string; body: string });
    const ids = articles.map((article) => article.id);
    for (const good of ['good-page', 'bidi-and-zero-width', 'ok-1', 'constructor', 'crlf-bom']) expect(ids).toContain(good);
    expect(articles.find((a) => a.id === 'crlf-bom')?.body).not.toContain('\r');
    // Invisible controls are gone from the analysed text, so they split no word and hide no line.
    expect(articles.find((a) => a.id === 'bidi-and-zero-width')?.body).not.toMatch(/[\u200B\u202E\u2066\uFEFF]/);
    expect(ids).toContain('deep');

    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { counts: { inputs: number; skipped: number } };
    const analysedInputs = new Set(articles.map((article) => article.source)).size;
    expect(run.counts.inputs).toBe(analysedInputs + skipped.length);
  });

  it('a malformed manifest or outlets.yaml is a usage error naming file and line (exit 1), not an internal error', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'manifest.csv'), 'file,outlet\n"a.txt,X\n');
    const lexicons = join(dir, 'lexicons');
    cpSync(join(REPO, 'lexicons'), lexicons, { recursive: true });
    writeFileSync(join(lexicons, 'outlets.yaml'), 'outlets:\n  - name: RT\n  - aliases: [nameless]\n');
    for (const [args, message] of [
      [['analyze', 'corpora/demo', '--manifest', join(dir, 'manifest.csv'), '--out', join(dir, 'o1')], /manifest\.csv:2: manifest is not valid CSV/],
      [['analyze', 'corpora/demo', '--lexicons', lexicons, '--out', join(dir, 'o2')], /outlets\.yaml:3: outlet entry has no `name:`/],
      [['kwic', 'kiev_regime', 'corpora/demo', '--lexicons', lexicons], /outlets\.yaml:3: outlet entry has no `name:`/],
    ] as const) {
      const result = runFramescope([...args]);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toContain('internal error');
      expect(result.code, result.stderr).toBe(1);
    }
  });

  it('a corpus organised by outlet with repeated file names, a report kept inside it and ids repeated in an export: every article once, unique ids (each was an internal error)', () => {
    const dir = tempDir();
    for (const outlet of ['rt', 'bbc']) {
      mkdirSync(join(dir, outlet));
      writeFileSync(join(dir, outlet, 'page1.txt'), `Example Wire\n\nTalks resume in Geneva (${outlet})\n\n${GOOD_PARAGRAPH}\n`);
      const record = (id: string, text: string) => JSON.stringify({ id, outlet: outlet.toUpperCase(), title: 'Talks', lang: 'en', text });
      writeFileSync(join(dir, outlet, 'articles.jsonl'), `${record('1', GOOD_PARAGRAPH)}\n${record('1', `${GOOD_PARAGRAPH} Again.`)}\n`);
    }
    const out = join(dir, 'report');
    for (const run of [1, 2]) {
      const result = runFramescope(['analyze', dir, join(dir, 'rt'), '--out', out, '--quiet']);
      expect(result.stderr, `run ${run}`).not.toContain('internal error');
      expect(result.code, `run ${run}`).toBe(0);
      const ids = readFileSync(join(out, 'articles.jsonl'), 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { id: string }).id);
      expect(ids.sort(), `run ${run}`).toEqual(['bbc/articles:1', 'bbc/page1', 'rt/articles:1', 'rt/page1']);
      const skipped = (parse(readFileSync(join(out, 'skipped.csv'), 'utf8'), { columns: true }) as { source: string; reason: string }[]).map((row) => row.reason);
      expect(skipped.filter((reason) => reason.includes('ids must be unique within a file')), `run ${run}`).toHaveLength(2);
      // The second run finds the first run's report in the corpus and leaves it out.
      expect(skipped.filter((reason) => reason.startsWith('a framescope report folder')), `run ${run}`).toHaveLength(run - 1);
    }
  });

  it('refuses an --out that is an input folder or holds one, even with --force (the report replaced the corpus)', () => {
    const dir = tempDir();
    const corpus = join(dir, 'corpus');
    cpSync(join(REPO, 'corpora/demo'), corpus, { recursive: true });
    const before = readFileSync(join(corpus, 'records', 'harbour-line.jsonl'));
    for (const [inputs, out] of [[[corpus], corpus], [[join(corpus, 'records')], corpus], [[join(corpus, 'records')], dir]] as const) {
      const result = runFramescope(['analyze', ...inputs, '--out', out, '--force', '--quiet']);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toMatch(/--out .*: it holds the input .* — choose a folder outside the inputs/);
    }
    expect(readFileSync(join(corpus, 'records', 'harbour-line.jsonl')).equals(before)).toBe(true);
  });

  it('a European spreadsheet export (16/03/2024) is dated; a date nothing can read is reported, not silently dropped', () => {
    const dir = tempDir();
    const rows = ['03/04/2024', '25/03/2024', '02/04/2024'].map((date, i) => `eu-${i};Example Wire;${date};Talks ${i};${GOOD_PARAGRAPH}`);
    writeFileSync(join(dir, 'eu.csv'), `id;outlet;date;title;text\n${rows.join('\n')}\n`);
    writeFileSync(join(dir, 'unread.jsonl'), `${JSON.stringify({ id: 'u', outlet: 'Example Wire', date: '05/06/2024', title: 'Talks', text: GOOD_PARAGRAPH })}\n`);
    const out = join(dir, 'out');
    const result = runFramescope(['analyze', dir, '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('1 with a date that could not be read');
    const articles = parse(readFileSync(join(out, 'articles.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const dates = Object.fromEntries(articles.map((row) => [row['id'], [row['date'], row['date_stated']]]));
    expect(dates).toEqual({ 'eu-0': ['2024-04-03', ''], 'eu-1': ['2024-03-25', ''], 'eu-2': ['2024-04-02', ''], u: ['', '05/06/2024'] });
    expect((JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { counts: { dates_unread: number } }).counts.dates_unread).toBe(1);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(/\*\*Dates not read:\*\* 1 article states a date .*"05\/06\/2024" \(.*unread\.jsonl:1\)/);
  });

  it('compressed exports are read as what they hold; spreadsheets and archives are listed with what to do instead', () => {
    const dir = tempDir();
    const record = (id: string) => JSON.stringify({ id, outlet: 'Example Wire', title: `Talks ${id}`, lang: 'en', text: GOOD_PARAGRAPH });
    writeFileSync(join(dir, 'export.jsonl.gz'), gzipSync(`${record('1')}\n${record('2')}\n`));
    writeFileSync(join(dir, 'page.html.gz'), gzipSync(`<html><head><title>Talks resume</title></head><body><article><p>${GOOD_PARAGRAPH}</p><p>${GOOD_PARAGRAPH}</p></article></body></html>`));
    writeFileSync(join(dir, 'cut.jsonl.gz'), gzipSync(record('3')).subarray(0, 30));
    writeFileSync(join(dir, 'sheet.xlsx'), 'PK');
    const out = join(dir, 'out');
    const result = runFramescope(['analyze', dir, '--out', out, '--quiet']);
    expect(result.code, result.stderr).toBe(0);
    const ids = readFileSync(join(out, 'articles.jsonl'), 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { id: string }).id);
    expect(ids.sort()).toEqual(['1', '2', 'page']);
    const skipped = parse(readFileSync(join(out, 'skipped.csv'), 'utf8'), { columns: true }) as { source: string; reason: string }[];
    expect(skipped.map((row) => [row.source.slice(dir.length + 1), row.reason.split(':')[0]])).toEqual([
      ['cut.jsonl.gz', 'gzip-compressed but cannot be decompressed (unexpected end of file)'],
      ['sheet.xlsx', 'a spreadsheet (.xlsx)'],
    ]);
  });
});
