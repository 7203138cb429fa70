import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate-corpus.js';
import { loadOutlets, readCorpus } from '../../src/commands/analyze.js';
import { loadLexiconBundle } from '../../src/lexicon/index.js';
import { bundledLexiconDir, toolVersion } from '../../src/paths.js';
import { analyzeCorpus, renderOutputs } from '../../src/pipeline.js';
import { buildOnce, REPO, runFramescope, tempDir } from '../helpers/cli.js';

beforeAll(() => buildOnce());

describe('worker threads', () => {
  it('give byte-identical outputs to a single-threaded run and to the library pipeline', async () => {
    // 2,000 articles (~5 MB): above the sizes from which parsing and matching move to worker threads.
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
    // The compiled CLI takes the threaded paths for this corpus (else this test compares nothing).
    const pools = join(REPO, 'dist/src/workers');
    const { parseThreadsWorthIt } = (await import(pathToFileURL(join(pools, 'parse-pool.js')).href)) as typeof import('../../src/workers/parse-pool.js');
    const { threadsWorthIt } = (await import(pathToFileURL(join(pools, 'match-pool.js')).href)) as typeof import('../../src/workers/match-pool.js');
    const { bootstrapThreadWorthIt } = (await import(pathToFileURL(join(pools, 'bootstrap-pool.js')).href)) as typeof import('../../src/workers/bootstrap-pool.js');
    const input = readCorpus([corpus], []);
    expect(parseThreadsWorthIt(input.files, 2)).toBe(true);
    expect(threadsWorthIt(2000, 2)).toBe(true);
    const one = outputs(1);
    const two = outputs(2);
    const latest = (one.get('articles.jsonl') ?? '').split('\n').filter((line) => line !== '' && (JSON.parse(line) as { is_latest: boolean }).is_latest).length;
    expect(bootstrapThreadWorthIt(latest, 2), `${latest} latest articles`).toBe(true);
    expect([...two.keys()]).toEqual([...one.keys()]);
    for (const [name, content] of one) expect(two.get(name) === content, `${name} is identical`).toBe(true);

    // The CLI writes the report in two parts with clustering between (src/commands/analyze.ts);
    // the library writes it in one go from `analyzeCorpus`: the files must be the same.
    const bundle = loadLexiconBundle(bundledLexiconDir());
    const result = analyzeCorpus(readCorpus([corpus], []), bundle, loadOutlets(bundledLexiconDir()), { seed: 1 });
    const options = { paths: [corpus], lexicons: 'bundled', map: [], manifests: [], bom: false, seed: 1 };
    const library = await renderOutputs(result, bundle, { tool: 'framescope', version: toolVersion(), options }, { bom: false, seed: 1 });
    expect([...library.keys()].sort()).toEqual([...one.keys()]);
    for (const [name, content] of one) expect(library.get(name) === content, `${name} is what the library writes`).toBe(true);
  }, 120_000);
});
