import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_MANIFEST, EVENTS_FILE, GENERATOR_VERSION, generateCorpus, readCorpusManifest } from '../../bench/generate-corpus.js';
import { parseInput } from '../../src/ingest/index.js';
import { listFiles } from '../../bench/lib/word-sources.js';

const scratch = mkdtempSync(join(tmpdir(), 'framescope-gen-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Relative path → sha256 of every file, the hidden manifest included. */
function fingerprint(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((file) => [relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex')]));
}

describe('generateCorpus: determinism', () => {
  it('writes byte-identical corpora for the same options', () => {
    const a = generateCorpus({ articles: 150, seed: 7, outDir: join(scratch, 'same-a') });
    const b = generateCorpus({ articles: 150, seed: 7, outDir: join(scratch, 'same-b') });
    expect(b).toEqual(a);
    expect(fingerprint(join(scratch, 'same-b'))).toEqual(fingerprint(join(scratch, 'same-a')));
  });

  it('writes a different corpus for a different seed', () => {
    generateCorpus({ articles: 150, seed: 7, outDir: join(scratch, 'seed-7') });
    generateCorpus({ articles: 150, seed: 8, outDir: join(scratch, 'seed-8') });
    const seven = fingerprint(join(scratch, 'seed-7'));
    const eight = fingerprint(join(scratch, 'seed-8'));
    const shared = [...seven].filter(([path, hash]) => eight.get(path) === hash);
    expect(shared).toEqual([]);
  });

  it('regenerates over its own earlier corpus, and refuses a folder it did not write', () => {
    const dir = join(scratch, 'rewrite');
    generateCorpus({ articles: 40, seed: 1, outDir: dir });
    expect(() => generateCorpus({ articles: 40, seed: 1, outDir: dir })).not.toThrow();
    const foreign = join(scratch, 'foreign');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'notes.txt'), 'mine');
    expect(() => generateCorpus({ articles: 40, seed: 1, outDir: foreign })).toThrow(/foreign: folder is not empty/);
    expect(readFileSync(join(foreign, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('rejects an article count that is not a positive whole number', () => {
    expect(() => generateCorpus({ articles: 0, seed: 1, outDir: join(scratch, 'zero') })).toThrow(/articles must be/);
    expect(() => generateCorpus({ articles: 2.5, seed: 1, outDir: join(scratch, 'half') })).toThrow(/articles must be/);
  });
});

describe('generateCorpus: size and form mix', () => {
  const ARTICLES = 800;
  const dir = join(scratch, 'mix');
  let result: { files: number; bytes: number };
  let inputs: string[];
  let records: Record<string, unknown>[];

  beforeAll(() => {
    result = generateCorpus({ articles: ARTICLES, seed: 3, outDir: dir, recordsPerFile: 20 });
    inputs = listFiles(dir).filter((file) => !file.endsWith(CORPUS_MANIFEST) && !file.endsWith(EVENTS_FILE));
    records = inputs.filter((f) => f.endsWith('.jsonl')).flatMap((file) => {
      const lines = readFileSync(file, 'utf8').split('\n');
      expect(lines.pop()).toBe('');
      return lines.map((line, i) => {
        try {
          return JSON.parse(line) as Record<string, unknown>;
        } catch (error) {
          throw new Error(`${file}:${i + 1}: ${(error as Error).message}`);
        }
      });
    });
  });

  it('reports the files and bytes it wrote', () => {
    expect(result.files).toBe(inputs.length);
    expect(result.bytes).toBe(inputs.reduce((sum, file) => sum + statSync(file).size, 0));
    const manifest = readCorpusManifest(dir);
    expect(manifest).toMatchObject({ generator_version: GENERATOR_VERSION, articles: ARTICLES, seed: 3, files: result.files, bytes: result.bytes });
  });

  it('averages about 2.6 KB per article (50k articles ≈ 130 MB)', () => {
    const perArticle = result.bytes / ARTICLES;
    expect(perArticle).toBeGreaterThan(2300);
    expect(perArticle).toBeLessThan(2900);
  });

  it('holds mostly JSONL records, some raw pages, a few HTML pages and version tables', () => {
    const forms = readCorpusManifest(dir)!.forms;
    expect(forms.jsonl + forms.text + forms.html + forms['version-table']).toBe(ARTICLES);
    expect(records.length).toBe(forms.jsonl);
    expect(forms.jsonl / ARTICLES).toBeGreaterThan(0.78);
    expect(forms.text / ARTICLES).toBeGreaterThan(0.05);
    expect(forms.html).toBeGreaterThan(3);
    expect(forms['version-table']).toBeGreaterThan(3);
    expect(inputs.filter((f) => f.includes('/pages/') && f.endsWith('.txt'))).toHaveLength(forms.text);
    expect(inputs.filter((f) => f.endsWith('.html'))).toHaveLength(forms.html);
    expect(inputs.filter((f) => f.includes('/versions/'))).toHaveLength(forms['version-table']);
  });

  it('splits JSONL into files of at most recordsPerFile records', () => {
    const jsonl = inputs.filter((f) => f.endsWith('.jsonl'));
    for (const file of jsonl) expect(readFileSync(file, 'utf8').trimEnd().split('\n').length).toBeLessThanOrEqual(20);
    expect(jsonl.some((f) => f.endsWith('-002.jsonl'))).toBe(true);
  });

  it('writes complete records with unique ids, about 70% English, dates within one year', () => {
    for (const record of records) {
      for (const key of ['id', 'outlet', 'title', 'date', 'url', 'lang', 'text']) expect(typeof record[key], key).toBe('string');
      expect(record['date']).toMatch(/^2024-\d{2}-\d{2}$/);
    }
    expect(new Set(records.map((r) => r['id'])).size).toBe(records.length);
    const english = records.filter((r) => r['lang'] === 'en').length / records.length;
    expect(english).toBeGreaterThan(0.55);
    expect(english).toBeLessThan(0.85);
    expect(new Set(records.map((r) => r['outlet'])).size).toBeGreaterThanOrEqual(25);
  });

  it('groups articles into events of 2–6 outlets (about articles / 4 events), listed in the events file', () => {
    const events = readCorpusManifest(dir)!.events;
    expect(events).toBeGreaterThan(ARTICLES / 5);
    expect(events).toBeLessThan(ARTICLES / 3);
    const rows = readFileSync(join(dir, EVENTS_FILE), 'utf8').trimEnd().split('\n');
    expect(rows[0]).toBe('story_id,event');
    const sizes = new Map<string, number>();
    for (const row of rows.slice(1)) sizes.set(row.split(',')[1]!, (sizes.get(row.split(',')[1]!) ?? 0) + 1);
    expect(rows.length - 1).toBe(ARTICLES);
    expect(sizes.size).toBe(events);
    // The last event may be cut short by the article count.
    expect([...sizes.values()].filter((n) => n < 2 || n > 6).length).toBeLessThanOrEqual(1);
    const ids = new Set(rows.slice(1).map((row) => row.split(',')[0]));
    for (const record of records) expect(ids.has(record['id'] as string)).toBe(true);
  });

  it('repeats each outlet’s chrome across its raw pages (masthead first, domain in the footer)', () => {
    const byOutlet = new Map<string, string[]>();
    for (const file of inputs.filter((f) => f.includes('/pages/'))) {
      const outlet = relative(join(dir, 'pages'), file).split('/')[0]!;
      byOutlet.set(outlet, [...(byOutlet.get(outlet) ?? []), readFileSync(file, 'utf8')]);
    }
    const [slug, pages] = [...byOutlet].find(([, p]) => p.length >= 2)!;
    const firstLines = new Set(pages.map((page) => page.split('\n')[0]));
    expect(firstLines.size).toBe(1);
    for (const page of pages) expect(page).toContain(`www.${slug}.example`);
  });

  it('is read by framescope’s own parsers without a skipped input', () => {
    const forms = readCorpusManifest(dir)!.forms;
    let docs = 0;
    let versions = 0;
    for (const path of inputs.filter((f) => !f.endsWith('manifest.csv'))) {
      const parsed = parseInput({ path, bytes: readFileSync(path) });
      expect(parsed.skipped, path).toEqual([]);
      docs += parsed.docs.length;
      if (path.includes('/versions/')) {
        expect(parsed.docs.length, path).toBeGreaterThanOrEqual(2);
        versions += parsed.docs.length;
      }
    }
    expect(docs - versions).toBe(ARTICLES - forms['version-table']);
  });

  it('gives every version table a manifest row with its outlet and date', () => {
    const rows = readFileSync(join(dir, 'manifest.csv'), 'utf8').trimEnd().split('\n');
    expect(rows[0]).toBe('file,outlet,date,url,lang');
    expect(rows.length - 1).toBe(readCorpusManifest(dir)!.forms['version-table']);
    for (const row of rows.slice(1)) expect(row).toMatch(/^versions\/[^,]+\.txt,[^,]+,2024-\d{2}-\d{2},https:\/\/www\.[^,]+,(en|ar)$/);
  });
});
