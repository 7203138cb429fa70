import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { SklearnResult } from '../../bench/lib/cluster-table.js';

const PYTHON = '/usr/bin/python3';
const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), '../../bench/sklearn_similarity.py');
const hasSklearn = spawnSync(PYTHON, ['-c', 'import sklearn'], { stdio: 'ignore' }).status === 0;
const scratch = mkdtempSync(join(tmpdir(), 'framescope-sklearn-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Eleven distinct texts, each twice (rows 2i and 2i+1): a row's nearest neighbour is its twin. */
function writeTwins(): string {
  const path = join(scratch, 'twins.jsonl');
  const words = ['flood', 'quake', 'summit', 'strike', 'election', 'wildfire', 'drought', 'ceasefire', 'eclipse', 'tariff', 'harvest'];
  const lines = words.flatMap((word, i) => {
    const text = `${word} ${word}s reported near river${i} as officials counted damage in town${i}`;
    return [0, 1].map((copy) => JSON.stringify({ id: `${word}-${copy}`, date: '2025-01-01', lang: 'en', text }));
  });
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

function run(args: string[]): SklearnResult {
  const child = spawnSync(PYTHON, [SCRIPT, ...args], { encoding: 'utf8' });
  expect(child.stderr).toBe('');
  expect(child.status).toBe(0);
  return JSON.parse(child.stdout) as SklearnResult;
}

describe.skipIf(!hasSklearn)('bench/sklearn_similarity.py', () => {
  it('finds every row its twin across blocks, never itself', () => {
    const texts = writeTwins();
    const out = join(scratch, 'neighbours.json');
    const result = run([texts, '--top-k', '3', '--block-rows', '5', '--neighbours-out', out]);
    expect(result).toMatchObject({ documents: 22, rowsDone: 22, complete: true, topK: 3, blockRows: 5 });
    expect(result.projectedSimilaritySeconds).toBe(result.similaritySeconds);
    const neighbours = JSON.parse(readFileSync(out, 'utf8')) as number[][];
    neighbours.forEach((row, i) => {
      expect(row[0]).toBe(i ^ 1);
      expect(row).not.toContain(i);
    });
  });

  it('stops at the time cap after the first block and projects the rest', () => {
    const result = run([writeTwins(), '--block-rows', '4', '--max-seconds', '0.000001']);
    expect(result.rowsDone).toBe(4);
    expect(result.complete).toBe(false);
    expect(result.projectedSimilaritySeconds).toBeCloseTo((result.similaritySeconds * 22) / 4);
  });
});
