import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectInputs } from '../../src/io/collect-inputs.js';

function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'framescope-collect-'));
  mkdirSync(join(dir, 'rt'));
  writeFileSync(join(dir, 'rt', 'one.txt'), 'text\n');
  writeFileSync(join(dir, 'two.txt'), 'text\n');
  return dir;
}

describe('collectInputs', () => {
  it('reads a file once however often it is reached (named twice, through its folder and itself, through a link), under the first path that reaches it', () => {
    const dir = corpus();
    const { files, skipped } = collectInputs([dir, join(dir, 'rt'), join(dir, 'two.txt'), join(dir, 'rt', 'one.txt')]);
    expect(files).toEqual([join(dir, 'rt', 'one.txt'), join(dir, 'two.txt')]);
    expect(skipped).toEqual([]);
    symlinkSync(join(dir, 'two.txt'), join(dir, 'rt', 'same.txt'));
    expect(collectInputs([dir]).files).toEqual([join(dir, 'rt', 'one.txt'), join(dir, 'rt', 'same.txt')]);
  });

  it('walks a folder linked from inside itself once (a loop is not followed)', () => {
    const dir = corpus();
    symlinkSync(dir, join(dir, 'rt', 'up'));
    expect(collectInputs([dir]).files).toEqual([join(dir, 'rt', 'one.txt'), join(dir, 'two.txt')]);
  });

  it('skips a framescope report folder inside the corpus, naming it (its files are outputs, not articles)', () => {
    const dir = corpus();
    const report = join(dir, 'report');
    mkdirSync(report);
    writeFileSync(join(report, 'run.json'), '{"tool": "framescope", "version": "0.1.0"}\n');
    writeFileSync(join(report, 'articles.csv'), 'id,text\n1,hello\n');
    const other = join(dir, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'run.json'), '{"tool": "something else"}\n');
    writeFileSync(join(other, 'three.txt'), 'text\n');
    const { files, skipped } = collectInputs([dir]);
    // Another tool's run.json is only a JSON input (parsing will say it holds no record).
    expect(files).toEqual([join(other, 'run.json'), join(other, 'three.txt'), join(dir, 'rt', 'one.txt'), join(dir, 'two.txt')]);
    expect(skipped).toEqual([{ source: report, reason: 'a framescope report folder (its run.json says so): outputs are not read as articles' }]);
  });

  it('names the types it reads when it skips another', () => {
    const dir = corpus();
    writeFileSync(join(dir, 'export.json'), '[{"id": 1, "text": "t"}]\n');
    writeFileSync(join(dir, 'photo.png'), 'x');
    const { files, skipped } = collectInputs([dir]);
    expect(files).toContain(join(dir, 'export.json'));
    expect(skipped.map((item) => item.reason)).toEqual(['unsupported file type ".png": framescope reads .txt .html .htm .jsonl .ndjson .json .csv .tsv (also gzip-compressed, .gz)']);
  });

  it('takes compressed inputs (x.jsonl.gz) and says what to do with spreadsheets, archives and documents', () => {
    const dir = corpus();
    for (const name of ['a.jsonl.gz', 'b.HTML.GZ', 'c.png.gz', 'd.xlsx', 'e.tar.gz', 'f.zip', 'g.pdf', 'h.docx']) writeFileSync(join(dir, name), 'x');
    const { files, skipped } = collectInputs([dir]);
    expect(files.filter((path) => !path.includes('rt') && !path.endsWith('two.txt'))).toEqual([join(dir, 'a.jsonl.gz'), join(dir, 'b.HTML.GZ')]);
    expect(Object.fromEntries(skipped.map((item) => [item.source.slice(dir.length + 1), item.reason]))).toEqual({
      'c.png.gz': expect.stringMatching(/^unsupported file type "\.png\.gz"/),
      'd.xlsx': 'a spreadsheet (.xlsx): save it as CSV (UTF-8) and run on that',
      'e.tar.gz': expect.stringMatching(/^an archive \(\.tar\): unpack it/),
      'f.zip': expect.stringMatching(/^an archive \(\.zip\)/),
      'g.pdf': expect.stringMatching(/^a PDF: .*extract its text first/),
      'h.docx': expect.stringMatching(/^a word-processor document \(\.docx\): save it as plain text/),
    });
  });
});
