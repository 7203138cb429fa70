import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildClusterInputs, vocabularyOf } from '../../bench/lib/cluster-inputs.js';
import { readClusterInputs, readClusterInputsKey, writeClusterInputs, writeClusterTexts } from '../../bench/lib/cluster-inputs-file.js';
import { clusterArticles } from '../../src/cluster/index.js';
import { loadOutlets, readCorpus } from '../../src/commands/analyze.js';
import { loadLexiconBundle } from '../../src/lexicon/index.js';
import { bundledLexiconDir } from '../../src/paths.js';
import { analyzeCorpus } from '../../src/pipeline.js';
import type { EventCluster } from '../../src/types.js';

const TINY = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/tiny');
const scratch = mkdtempSync(join(tmpdir(), 'framescope-cluster-inputs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const membership = (clusters: readonly EventCluster[]): string[][] => clusters.map((c) => [c.id, ...c.members]);

describe('buildClusterInputs', () => {
  it('gives clusterArticles exactly what a pipeline run gives it: the same clusters, latest versions only', async () => {
    const { inputs, texts } = await buildClusterInputs(TINY);
    const run = analyzeCorpus(readCorpus([TINY], []), loadLexiconBundle(bundledLexiconDir()), loadOutlets(bundledLexiconDir()));
    const latest = run.articles.filter((a) => a.isLatest).map((a) => a.id);
    expect(inputs.docs.map((d) => d.id)).toEqual(latest);
    expect(latest).toContain('versions@v2');
    expect(inputs.docs.map((d) => d.id)).not.toContain('versions@v1');
    expect(inputs.words).toEqual(run.vocabulary.words);
    expect(membership(clusterArticles(inputs.docs, vocabularyOf(inputs.words)))).toEqual(membership(run.clusters));
    expect(run.clusters.some((c) => c.members.length > 1)).toBe(true);
    expect(texts.map((t) => t.id)).toEqual(latest);
    expect(texts.map((t) => t.text)).toEqual(run.articles.filter((a) => a.isLatest).map((a) => a.body));
  });

  it('survives the cache file: same docs, vocabulary and key after a write and a read', async () => {
    const { inputs, texts } = await buildClusterInputs(TINY);
    const path = join(scratch, 'inputs.v8');
    writeClusterInputs(path, '{"format":1}', inputs);
    expect(readClusterInputsKey(path)).toBe('{"format":1}');
    const loaded = readClusterInputs(path);
    expect(loaded.key).toBe('{"format":1}');
    expect(loaded.inputs.words).toEqual(inputs.words);
    expect(loaded.inputs.docs.length).toBe(inputs.docs.length);
    for (const [i, doc] of loaded.inputs.docs.entries()) {
      const original = inputs.docs[i];
      expect({ ...doc, termCounts: undefined }).toEqual({ ...original, termCounts: undefined });
      expect([...doc.termCounts.keys]).toEqual([...(original?.termCounts.keys ?? [])]);
      expect([...doc.termCounts.counts]).toEqual([...(original?.termCounts.counts ?? [])]);
    }
    const textsPath = join(scratch, 'texts.jsonl');
    writeClusterTexts(textsPath, texts);
    const lines = readFileSync(textsPath, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as unknown);
    expect(lines).toEqual(texts);
  });

  it('reads no key from a missing or truncated file', () => {
    expect(readClusterInputsKey(join(scratch, 'missing.v8'))).toBeUndefined();
    const truncated = join(scratch, 'truncated.v8');
    writeFileSync(truncated, Buffer.from([200, 0, 0, 0, 123]));
    expect(readClusterInputsKey(truncated)).toBeUndefined();
  });
});

describe('vocabularyOf', () => {
  it('gives every word its index as id', () => {
    const vocabulary = vocabularyOf(['kyiv', 'regime', 'invasion']);
    expect(vocabulary.lookup('regime')).toBe(1);
    expect(vocabulary.termOf(2)).toBe('invasion');
  });

  it('refuses a word listed twice (the ids after it would shift)', () => {
    expect(() => vocabularyOf(['a', 'b', 'a'])).toThrow(/appears twice/);
  });
});
