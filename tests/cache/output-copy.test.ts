import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOutputCopy, outputCopyIsWhole, outputCopyPath, storeOutputCopy } from '../../src/cache/output-copy.js';
import { tempDir } from '../helpers/cli.js';

/** What a re-run does: check the kept copy (when the cache is read), then copy it (when the report is written). */
const reuseOutputCopy = (dir: string, key: string, name: string, target: string): boolean =>
  outputCopyIsWhole(dir, key, name) && copyOutputCopy(dir, key, name, target);

/** A cache folder with the copy of one output file stored from a run's folder. */
async function stored(text: string): Promise<{ dir: string; run: string; copy: string }> {
  const dir = tempDir();
  const run = tempDir();
  writeFileSync(join(run, 'articles.jsonl'), text);
  await storeOutputCopy(dir, 'k1', 'articles.jsonl', join(run, 'articles.jsonl'));
  return { dir, run, copy: outputCopyPath(dir, 'k1', 'articles.jsonl') };
}

describe('output copies', () => {
  it('keeps a copy under its key and copies it back byte for byte', async () => {
    const text = '{"id":"a","body":"نظام كييف — “quoted”"}\n'.repeat(3000);
    const { dir, copy } = await stored(text);
    expect(copy).toBe(join(dir, 'articles-k1.jsonl'));
    const target = join(tempDir(), 'articles.jsonl');
    expect(reuseOutputCopy(dir, 'k1', 'articles.jsonl', target)).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe(text);
  });

  it('says no for another key, or a copy without its checksum, and leaves nothing at the target', async () => {
    const { dir, copy } = await stored('{"id":"a"}\n');
    const target = join(tempDir(), 'articles.jsonl');
    expect(reuseOutputCopy(dir, 'k2', 'articles.jsonl', target)).toBe(false);
    writeFileSync(`${copy}.crc`, '');
    expect(reuseOutputCopy(dir, 'k1', 'articles.jsonl', target)).toBe(false);
    expect(existsSync(target)).toBe(false);
  });

  it('removes a copy whose bytes changed (same length) or that was cut short, instead of using it', async () => {
    for (const damage of [(s: string) => s.replace('a', 'b'), (s: string) => s.slice(0, -1)]) {
      const { dir, copy } = await stored('{"id":"a"}\n{"id":"c"}\n');
      writeFileSync(copy, damage(readFileSync(copy, 'utf8')));
      const target = join(tempDir(), 'articles.jsonl');
      expect(reuseOutputCopy(dir, 'k1', 'articles.jsonl', target)).toBe(false);
      expect(existsSync(target)).toBe(false);
      expect(existsSync(copy)).toBe(false);
      expect(existsSync(`${copy}.crc`)).toBe(false);
    }
  });

  it('never replaces a file already at the target, and keeps the copy', async () => {
    const { dir, copy } = await stored('{"id":"a"}\n');
    const target = join(tempDir(), 'articles.jsonl');
    writeFileSync(target, 'written by the run');
    expect(outputCopyIsWhole(dir, 'k1', 'articles.jsonl')).toBe(true);
    expect(copyOutputCopy(dir, 'k1', 'articles.jsonl', target)).toBe(false);
    expect(readFileSync(target, 'utf8')).toBe('written by the run');
    expect(existsSync(copy)).toBe(true);
  });
});
