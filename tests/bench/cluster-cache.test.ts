import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clusterCachePaths, clusterInputsKey } from '../../bench/lib/cluster-cache.js';

const scratch = mkdtempSync(join(tmpdir(), 'framescope-cluster-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(scratch, 'tree-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('clusterCachePaths', () => {
  it('puts the cache beside the corpus, named after it', () => {
    expect(clusterCachePaths('/tmp/b/corpus-g3-seed1-n10000')).toEqual({
      inputs: '/tmp/b/cluster-inputs-corpus-g3-seed1-n10000.v8',
      texts: '/tmp/b/cluster-texts-corpus-g3-seed1-n10000.jsonl',
    });
  });
});

describe('clusterInputsKey', () => {
  const corpus = tree({ '.bench-corpus.json': '{"articles":10}' });
  const lexicons = tree({ 'ru-ua.yaml': 'entries: []' });

  it('changes with the reading and matching code, not with the clustering code it times', () => {
    const code = tree({ 'text/terms.js': 'a', 'cluster/index.js': 'b', 'report/index.js': 'c' });
    const before = clusterInputsKey(corpus, code, lexicons);
    writeFileSync(join(code, 'cluster/index.js'), 'b2');
    writeFileSync(join(code, 'report/index.js'), 'c2');
    expect(clusterInputsKey(corpus, code, lexicons)).toBe(before);
    writeFileSync(join(code, 'text/terms.js'), 'a2');
    expect(clusterInputsKey(corpus, code, lexicons)).not.toBe(before);
  });

  it('changes with the corpus manifest and the lexicons', () => {
    const code = tree({ 'pipeline.js': 'x' });
    const before = clusterInputsKey(corpus, code, lexicons);
    writeFileSync(join(lexicons, 'ru-ua.yaml'), 'entries: [x]');
    const afterLexicon = clusterInputsKey(corpus, code, lexicons);
    expect(afterLexicon).not.toBe(before);
    writeFileSync(join(corpus, '.bench-corpus.json'), '{"articles":11}');
    expect(clusterInputsKey(corpus, code, lexicons)).not.toBe(afterLexicon);
  });
});
