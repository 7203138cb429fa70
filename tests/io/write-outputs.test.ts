import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOutlets, readCorpus } from '../../src/commands/analyze.js';
import { isReportFileName, writeOutputsAtomically } from '../../src/io/write-outputs.js';
import { loadLexiconBundle } from '../../src/lexicon/index.js';
import { bundledLexiconDir } from '../../src/paths.js';
import { analyzeCorpus, renderOutputs, writeOutputs } from '../../src/pipeline.js';
import { writeOutput } from '../../src/report/output-sink.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tempParent(): string {
  const folder = mkdtempSync(join(tmpdir(), 'framescope-write-'));
  folders.push(folder);
  return folder;
}

/** Every file of a folder: name → bytes. */
function readFolder(folder: string): Map<string, Buffer> {
  return new Map(readdirSync(folder).sort().map((name) => [name, readFileSync(join(folder, name))]));
}

/** A previous report: the folder a failed run must leave exactly as it was. */
function previousReport(parent: string): { out: string; before: Map<string, Buffer> } {
  const out = join(parent, 'report');
  mkdirSync(out);
  writeFileSync(join(out, 'run.json'), '{"previous": true}\n');
  writeFileSync(join(out, 'report.md'), '# the previous report\n');
  return { out, before: readFolder(out) };
}

describe('writeOutputsAtomically streaming the report', () => {
  it('writes to disk exactly the bytes of the in-memory outputs (tiny fixture corpus, with and without BOM)', async () => {
    const lexiconDir = bundledLexiconDir();
    const bundle = loadLexiconBundle(lexiconDir);
    const result = analyzeCorpus(readCorpus(['tests/fixtures/tiny'], []), bundle, loadOutlets(lexiconDir), { seed: 1 });
    const provenance = { tool: 'framescope', version: '0.0.0-test', options: { paths: ['tests/fixtures/tiny'] } };
    for (const bom of [false, true]) {
      const memory = await renderOutputs(result, bundle, provenance, { bom, seed: 1 });
      const out = join(tempParent(), 'out');
      await writeOutputsAtomically(out, (sink) => writeOutputs(result, bundle, provenance, { bom, seed: 1 }, sink));
      const disk = readFolder(out);
      expect([...disk.keys()]).toEqual([...memory.keys()].sort());
      // Every file a report has is one `--force` tells from a researcher's own files.
      for (const name of disk.keys()) expect(isReportFileName(name), name).toBe(true);
      for (const [name, text] of memory) expect(disk.get(name)?.equals(Buffer.from(text, 'utf8')), name).toBe(true);
    }
  });

  it('encodes text split anywhere, surrogate pairs and chunk boundaries included, as the whole text would be', async () => {
    // > 1 MiB of UTF-8 with pairs (emoji), Arabic and a lone surrogate, written in pieces of odd sizes.
    const whole = `${'a😀ب\u00e9'.repeat(200_000)}\ud800x😀${'z'.repeat(1_500_000)}😀\udbff`;
    const out = join(tempParent(), 'out');
    await writeOutputsAtomically(out, (sink) => {
      writeOutput(sink, 'split.txt', (file) => {
        for (let at = 0, size = 1; at < whole.length; at += size, size = (size * 7 + 3) % 4099) file.write(whole.slice(at, at + size));
      });
      writeOutput(sink, 'whole.txt', (file) => file.write(whole));
    });
    const expected = Buffer.from(whole, 'utf8');
    expect(readFileSync(join(out, 'split.txt')).equals(expected)).toBe(true);
    expect(readFileSync(join(out, 'whole.txt')).equals(expected)).toBe(true);
  });

  it('replaces the previous report whole: files it no longer writes are gone', async () => {
    const parent = tempParent();
    const { out } = previousReport(parent);
    await writeOutputsAtomically(out, (sink) => writeOutput(sink, 'run.json', (file) => file.write('{}\n')));
    expect(readdirSync(out)).toEqual(['run.json']);
    expect(readdirSync(parent)).toEqual(['report']);
  });

  it('into a folder with files it did not write (--force), moves its files in and keeps those files, run after run', async () => {
    const parent = tempParent();
    const { out } = previousReport(parent);
    writeFileSync(join(out, 'notes.txt'), 'my notes\n');
    writeFileSync(join(out, 'chart-old.svg'), '<svg/>\n');
    for (const run of [1, 2]) {
      await writeOutputsAtomically(out, (sink) => {
        writeOutput(sink, 'run.json', (file) => file.write(`{"run": ${run}}\n`));
        writeOutput(sink, 'articles.csv', (file) => file.write('id\n'));
      });
      expect(readdirSync(out).sort(), `run ${run}`).toEqual(['articles.csv', 'notes.txt', 'run.json']);
      expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('my notes\n');
      expect(readFileSync(join(out, 'run.json'), 'utf8')).toBe(`{"run": ${run}}\n`);
      expect(readdirSync(parent)).toEqual(['report']);
    }
  });

  it('removes staging and replaced folders that killed runs left an hour ago or more, not recent ones', async () => {
    const parent = tempParent();
    const { out } = previousReport(parent);
    const stale = join(parent, '.report.tmp-999999');
    const staleOld = join(parent, '.report.old-999998');
    const recent = join(parent, '.report.tmp-999997');
    const otherOutput = join(parent, '.other.tmp-999996');
    for (const folder of [stale, staleOld, recent, otherOutput]) mkdirSync(folder);
    const twoHoursAgo = new Date(Date.now() - 2 * 3600 * 1000);
    for (const folder of [stale, staleOld, otherOutput]) utimesSync(folder, twoHoursAgo, twoHoursAgo);
    await writeOutputsAtomically(out, (sink) => writeOutput(sink, 'run.json', (file) => file.write('{}\n')));
    expect(readdirSync(parent).sort()).toEqual(['.other.tmp-999996', '.report.tmp-999997', 'report']);
  });
});

describe('writeOutputsAtomically when writing fails', () => {
  it('an error while writing leaves no staging folder and the previous report intact', async () => {
    const parent = tempParent();
    const { out, before } = previousReport(parent);
    const failing = writeOutputsAtomically(out, (sink) => {
      writeOutput(sink, 'articles.csv', (file) => file.write('id\n'));
      const half = sink.open('matches.csv');
      half.write('article_id\n'.repeat(200_000)); // past the first chunk: bytes reached the disk
      throw new Error('disk full');
    });
    await expect(failing).rejects.toThrow('disk full');
    expect(readdirSync(parent)).toEqual(['report']);
    expect(readFolder(out)).toEqual(before);
  });

  it('refuses an unsafe file name, and cleans up the same way', async () => {
    const parent = tempParent();
    const { out, before } = previousReport(parent);
    for (const name of ['../escape.csv', '.hidden', 'sub/file.csv', '']) {
      await expect(writeOutputsAtomically(out, (sink) => writeOutput(sink, name, (file) => file.write('x')))).rejects.toThrow(/unsafe name/);
    }
    expect(readdirSync(parent)).toEqual(['report']);
    expect(readFolder(out)).toEqual(before);
  });

  it('refuses a file left open or opened twice', async () => {
    const parent = tempParent();
    const { out, before } = previousReport(parent);
    await expect(writeOutputsAtomically(out, (sink) => void sink.open('left-open.csv').write('x'))).rejects.toThrow(/never closed: left-open\.csv/);
    await expect(
      writeOutputsAtomically(out, (sink) => {
        writeOutput(sink, 'twice.csv', (file) => file.write('x'));
        writeOutput(sink, 'twice.csv', (file) => file.write('y'));
      }),
    ).rejects.toThrow(/EEXIST/);
    expect(readdirSync(parent)).toEqual(['report']);
    expect(readFolder(out)).toEqual(before);
  });
});
