import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpus, loadOutlets } from '../../src/commands/analyze.js';
import { loadLexiconBundle } from '../../src/lexicon/index.js';
import { bundledLexiconDir } from '../../src/paths.js';
import { analyzeCorpus, renderOutputs } from '../../src/pipeline.js';

/**
 * Golden files of every output over the tiny fixture corpus, through the whole pipeline.
 * After an intended change: `UPDATE_GOLDEN=1 npx vitest run tests/pipeline` and review the diff.
 */
const GOLDEN_DIR = join(import.meta.dirname, 'golden');
const CORPUS = 'tests/fixtures/tiny';

async function runTiny(): Promise<Map<string, string>> {
  const lexiconDir = bundledLexiconDir();
  const bundle = loadLexiconBundle(lexiconDir);
  const result = analyzeCorpus(readCorpus([CORPUS], []), bundle, loadOutlets(lexiconDir), { seed: 1 });
  return renderOutputs(result, bundle, { tool: 'framescope', version: '0.0.0-test', options: { paths: [CORPUS] } }, { bom: false, seed: 1 });
}

describe('pipeline over the tiny corpus', () => {
  it('matches the golden files byte for byte', async () => {
    const files = await runTiny();
    if (process.env['UPDATE_GOLDEN'] === '1') {
      mkdirSync(GOLDEN_DIR, { recursive: true });
      for (const name of readdirSync(GOLDEN_DIR)) if (!files.has(name)) writeFileSync(join(GOLDEN_DIR, name), '');
      for (const [name, content] of files) writeFileSync(join(GOLDEN_DIR, name), content);
    }
    expect(existsSync(GOLDEN_DIR), 'golden files exist (UPDATE_GOLDEN=1 creates them)').toBe(true);
    const expected = readdirSync(GOLDEN_DIR).filter((name) => readFileSync(join(GOLDEN_DIR, name), 'utf8') !== '').sort();
    expect([...files.keys()].sort()).toEqual(expected);
    for (const name of expected) {
      expect(files.get(name), name).toBe(readFileSync(join(GOLDEN_DIR, name), 'utf8'));
    }
  });

  it('gives byte-identical files when run twice', async () => {
    const first = await runTiny();
    const second = await runTiny();
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [name, content] of first) expect(second.get(name), name).toBe(content);
  });

  it('writes a formula-like title as inert text in articles.csv', async () => {
    const files = await runTiny();
    const csv = files.get('articles.csv') ?? '';
    expect(csv).toContain(`'=HYPERLINK(`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it('keeps every match offset exact against the article body', async () => {
    const files = await runTiny();
    const bodies = new Map<string, string>();
    for (const line of (files.get('articles.jsonl') ?? '').trim().split('\n')) {
      const article = JSON.parse(line) as { id: string; body: string };
      bodies.set(article.id, article.body);
    }
    const lexiconDir = bundledLexiconDir();
    const bundle = loadLexiconBundle(lexiconDir);
    const result = analyzeCorpus(readCorpus([CORPUS], []), bundle, loadOutlets(lexiconDir));
    let checked = 0;
    for (const [id, analysis] of result.analyses) {
      for (const match of analysis.matches) {
        expect(bodies.get(id)?.slice(match.start, match.end)).toBe(match.matched);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });
});
