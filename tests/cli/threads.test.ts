import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate-corpus.js';
import { buildOnce, runFramescope, tempDir } from '../helpers/cli.js';

beforeAll(() => buildOnce());

describe('worker threads', () => {
  it('give byte-identical outputs to a single-threaded run', () => {
    // 2,000 articles: above the size from which matching moves to worker threads.
    const corpus = join(tempDir(), 'corpus');
    generateCorpus({ articles: 2000, seed: 11, outDir: corpus });
    const outputs = (threads: number): Map<string, string> => {
      const out = join(tempDir(), `t${threads}`);
      const result = runFramescope(['analyze', corpus, '--out', out, '--quiet', '--no-cache', '--threads', String(threads)]);
      expect(result.code, result.stderr).toBe(0);
      const files = new Map<string, string>();
      for (const name of readdirSync(out).sort()) if (name !== 'run.json') files.set(name, readFileSync(join(out, name), 'utf8'));
      return files;
    };
    const one = outputs(1);
    const two = outputs(2);
    expect([...two.keys()]).toEqual([...one.keys()]);
    for (const [name, content] of one) expect(two.get(name) === content, `${name} is identical`).toBe(true);
  });
});
