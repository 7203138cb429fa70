import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, REPO, runFramescope, tempDir } from '../helpers/cli.js';

function outputsWithoutRunJson(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir).sort()) if (name !== 'run.json') files.set(name, readFileSync(join(dir, name), 'utf8'));
  return files;
}

function cacheStatus(dir: string): string {
  return (JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as { cache: string }).cache;
}

beforeAll(() => buildOnce());

describe('incremental runs', () => {
  it('re-uses parse+clean after a lexicon edit and gives exactly the outputs of a cold run', () => {
    const lexicons = join(tempDir(), 'lexicons');
    cpSync(join(REPO, 'lexicons'), lexicons, { recursive: true });
    const cacheDir = join(tempDir(), 'cache');
    const out = (name: string) => join(tempDir(), name);
    const analyze = (target: string, ...extra: string[]) =>
      runFramescope(['analyze', 'corpora/demo', '--lexicons', lexicons, '--out', target, '--quiet', ...extra]);

    const cold = out('cold');
    expect(analyze(cold, '--cache-dir', cacheDir).code).toBe(0);
    expect(cacheStatus(cold)).toBe('miss');

    const warm = out('warm');
    expect(analyze(warm, '--cache-dir', cacheDir).code).toBe(0);
    expect(cacheStatus(warm)).toBe('hit');
    expect(outputsWithoutRunJson(warm)).toEqual(outputsWithoutRunJson(cold));

    // A lexicon edit: the cached parse+clean must still be used, and the outputs must follow the edit.
    const path = join(lexicons, 'ru-ua.yaml');
    const edited = readFileSync(path, 'utf8').replace(/^version: .*$/m, 'version: 9.9.9-test');
    expect(edited).not.toBe(readFileSync(path, 'utf8'));
    writeFileSync(path, edited);

    const afterEdit = out('after-edit');
    expect(analyze(afterEdit, '--cache-dir', cacheDir).code).toBe(0);
    expect(cacheStatus(afterEdit)).toBe('hit');
    const coldAfterEdit = out('cold-after-edit');
    expect(analyze(coldAfterEdit, '--no-cache').code).toBe(0);
    expect(cacheStatus(coldAfterEdit)).toBe('off');
    expect(outputsWithoutRunJson(afterEdit)).toEqual(outputsWithoutRunJson(coldAfterEdit));
    expect(readFileSync(join(afterEdit, 'report.md'), 'utf8')).toContain('9.9.9-test');
  });

  it('misses the cache when an input changes, and --no-cache writes no cache', () => {
    const corpus = tempDir();
    const record = (text: string) => `${JSON.stringify({ id: 'a1', outlet: 'Example Wire', title: 'Talks', lang: 'en', text })}\n`;
    writeFileSync(join(corpus, 'a.jsonl'), record('Delegations met in Geneva to resume the talks on Monday.'));
    const cacheDir = join(tempDir(), 'cache');
    const first = join(tempDir(), 'o1');
    expect(runFramescope(['analyze', corpus, '--out', first, '--quiet', '--cache-dir', cacheDir]).code).toBe(0);
    writeFileSync(join(corpus, 'a.jsonl'), record('Delegations met in Vienna to resume the talks on Tuesday.'));
    const second = join(tempDir(), 'o2');
    expect(runFramescope(['analyze', corpus, '--out', second, '--quiet', '--cache-dir', cacheDir]).code).toBe(0);
    expect(cacheStatus(second)).toBe('miss');
    expect(readFileSync(join(second, 'articles.jsonl'), 'utf8')).toContain('Vienna');

    const unused = join(tempDir(), 'never-created');
    expect(runFramescope(['analyze', corpus, '--out', join(tempDir(), 'o3'), '--quiet', '--no-cache', '--cache-dir', unused]).code).toBe(0);
    expect(existsSync(unused)).toBe(false);
  });
});
