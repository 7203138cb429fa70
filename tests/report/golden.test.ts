/**
 * Golden files for every output of the hand-built fixture. `UPDATE_GOLDEN=1 npx vitest run
 * tests/report/golden.test.ts` rewrites them; review the diff before committing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/index.js';
import { buildFixtureInput } from './fixture.js';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

describe('buildReport golden files', async () => {
  const files = await buildReport(buildFixtureInput());

  if (update) {
    mkdirSync(GOLDEN, { recursive: true });
    for (const [name, content] of files) writeFileSync(join(GOLDEN, name), content);
  }

  it('writes exactly the contract files plus charts', () => {
    expect([...files.keys()].sort()).toEqual([
      'articles.csv', 'articles.jsonl', 'chart-concepts.svg', 'chart-map.svg', 'chart-stance.svg', 'clusters.csv', 'contrasts.csv',
      'events.csv', 'keyness.csv', 'matches.csv', 'outlet_concepts.csv', 'outlets.csv', 'report.md', 'skipped.csv', 'versions.csv',
    ]);
    expect(existsSync(GOLDEN) ? readdirSync(GOLDEN).sort() : []).toEqual([...files.keys()].sort());
  });

  for (const [name, content] of files) {
    it(`matches golden/${name}`, () => {
      expect(content).toBe(readFileSync(join(GOLDEN, name), 'utf8'));
    });
  }

  it('is byte-identical when built twice', async () => {
    const again = await buildReport(buildFixtureInput());
    expect([...again.entries()]).toEqual([...files.entries()]);
  });

  it('does not depend on the order of articles, analyses or clusters', async () => {
    const input = buildFixtureInput();
    const shuffled = await buildReport({
      ...input,
      articles: [...input.articles].reverse(),
      analyses: new Map([...input.analyses.entries()].reverse()),
      skipped: [...input.skipped].reverse(),
    });
    expect([...shuffled.entries()]).toEqual([...files.entries()]);
  });
});
