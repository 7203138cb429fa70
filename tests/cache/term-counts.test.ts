import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { entryPath } from '../../src/cache/read-cache.js';
import { lacksTermCounts, loadCachedAnalyses, loadCachedTermCounts, storeCachedAnalyses, storeCachedKeyness } from '../../src/cache/analysis-cache.js';
import { flattenTermCounts, TermCountArena, unflattenTermCounts } from '../../src/text/term-count-arena.js';
import type { ArticleAnalysis, TermCounts } from '../../src/types.js';

/** Analyses stored as a run stores them: the entry, then its key terms under the same stamp. */
function storeAnalyses(...args: Parameters<typeof storeCachedAnalyses>): string {
  const stamp = storeCachedAnalyses(...args);
  storeCachedKeyness(args[0], args[1], stamp, []);
  return stamp;
}

/** Term counts of `n` entries whose values depend on `seed` (keys above 2^32 included, as bigram keys are). */
function counts(n: number, seed: number): TermCounts {
  return {
    keys: Float64Array.from({ length: n }, (_, i) => seed * 1e6 + i * 2 ** 33 + i),
    counts: Uint32Array.from({ length: n }, (_, i) => ((seed + i) % 7) + 1),
  };
}

describe('TermCountArena', () => {
  it('keeps every article its own counts, across chunks, in views of a few shared buffers', () => {
    const arena = new TermCountArena(100);
    const originals = [10, 30, 60, 45, 1, 150, 20].map((n, seed) => counts(n, seed));
    const stored = originals.map((termCounts) => arena.add(termCounts));
    stored.forEach((termCounts, i) => {
      expect([...termCounts.keys]).toEqual([...originals[i]!.keys]);
      expect([...termCounts.counts]).toEqual([...originals[i]!.counts]);
    });
    // 10+30+60 fill a chunk; 45 starts a second, 1 joins it; 150 (longer than a chunk) gets one of its own; 20 a fourth.
    const buffers = new Set(stored.map((termCounts) => termCounts.keys.buffer));
    expect(buffers.size).toBe(4);
    expect(stored[5]!.keys.buffer.byteLength).toBe(150 * 8);
    // Copies: changing an original leaves the arena's counts as they were.
    originals[1]!.counts.fill(0);
    expect(stored[1]!.counts.every((count) => count > 0)).toBe(true);
  });

  it('flattens views into three arrays of their own and back, empty counts included', () => {
    const arena = new TermCountArena(1000);
    const views = [10, 0, 3].map((n, seed) => arena.add(counts(n, seed)));
    const flat = flattenTermCounts(views);
    expect([...flat.lengths]).toEqual([10, 0, 3]);
    expect(flat.keys.buffer.byteLength).toBe(13 * 8);
    expect(flat.counts.buffer.byteLength).toBe(13 * 4);
    const back = unflattenTermCounts(deserialize(serialize(flat)))!;
    expect(back.map((item) => [...item.keys])).toEqual(views.map((item) => [...item.keys]));
    expect(back.map((item) => [...item.counts])).toEqual(views.map((item) => [...item.counts]));
  });

  it('refuses a flat value whose arrays do not agree (a damaged file that still deserialises)', () => {
    const flat = flattenTermCounts([counts(4, 1), counts(2, 2)]);
    expect(unflattenTermCounts({ ...flat, lengths: Uint32Array.from([4, 3]) })).toBeUndefined();
    expect(unflattenTermCounts({ ...flat, counts: flat.counts.subarray(1) })).toBeUndefined();
    expect(unflattenTermCounts({ ...flat, keys: Array.from(flat.keys) })).toBeUndefined();
    expect(unflattenTermCounts([flat])).toBeUndefined();
    expect(unflattenTermCounts(null)).toBeUndefined();
  });

  it('is stored in the analysis cache as compact copies, not with the chunks its views belong to', () => {
    const arena = new TermCountArena(2 ** 20); // 12 MB of chunk for a few hundred bytes of counts
    const analyses: ArticleAnalysis[] = [0, 1, 2].map((seed) => ({
      id: `a${seed}`,
      tokens: 5,
      matches: [],
      contrastHits: [],
      termCounts: arena.add(counts(4, seed)),
      entities: [],
    }));
    const dir = mkdtempSync(join(tmpdir(), 'framescope-arena-'));
    const key = 'k'.repeat(64);
    storeAnalyses(dir, key, { signature: { global: 'g', byTerm: {} }, analyses, words: [], norms: [] });
    expect(statSync(entryPath(dir, key, 'terms')).size).toBeLessThan(10_000);
    const loaded = loadCachedAnalyses(dir, key)!;
    expect(loadCachedTermCounts(dir, key, loaded)).toBe(true);
    expect(loaded.analyses.map((a) => [...a.termCounts.keys])).toEqual(analyses.map((a) => [...a.termCounts.keys]));
  });
});

describe('term counts in the analysis cache', () => {
  const analysesOf = (seeds: number[]): ArticleAnalysis[] =>
    seeds.map((seed) => ({ id: `a${seed}`, tokens: 5, matches: [], contrastHits: [], termCounts: counts(3 + seed, seed), entities: [] }));
  const header = { signature: { global: 'g', byTerm: {} }, words: [], norms: [] };

  it('are left on disk when the analyses load, and filled in on demand from the entry of the same stamp', () => {
    const dir = mkdtempSync(join(tmpdir(), 'framescope-terms-'));
    const key = 'k'.repeat(64);
    const analyses = analysesOf([0, 1, 2]);
    storeAnalyses(dir, key, { ...header, analyses });
    const loaded = loadCachedAnalyses(dir, key)!;
    expect(loaded.analyses.every(lacksTermCounts)).toBe(true);
    expect(loadCachedTermCounts(dir, key, loaded)).toBe(true);
    expect(loaded.analyses.some(lacksTermCounts)).toBe(false);
    expect(loaded.analyses.map((a) => [...a.termCounts.counts])).toEqual(analyses.map((a) => [...a.termCounts.counts]));
  });

  it('are refused from another run (stamp), and when missing: the caller then analyses afresh', () => {
    const dir = mkdtempSync(join(tmpdir(), 'framescope-terms-'));
    const key = 'k'.repeat(64);
    storeAnalyses(dir, key, { ...header, analyses: analysesOf([0, 1]) });
    const earlierTerms = readFileSync(entryPath(dir, key, 'terms'));
    storeAnalyses(dir, key, { ...header, analyses: analysesOf([4, 5]) });
    // As after a run killed between writing the two entries of its analyses.
    writeFileSync(entryPath(dir, key, 'terms'), earlierTerms);
    expect(loadCachedTermCounts(dir, key, loadCachedAnalyses(dir, key)!)).toBe(false);
    rmSync(entryPath(dir, key, 'terms'));
    expect(loadCachedTermCounts(dir, key, loadCachedAnalyses(dir, key)!)).toBe(false);
  });

  it('are never stored when they were not loaded', () => {
    const dir = mkdtempSync(join(tmpdir(), 'framescope-terms-'));
    const key = 'k'.repeat(64);
    storeAnalyses(dir, key, { ...header, analyses: analysesOf([0]) });
    const loaded = loadCachedAnalyses(dir, key)!;
    expect(() => storeCachedAnalyses(dir, key, { ...header, analyses: loaded.analyses })).toThrow(/without their term counts/);
  });
});

describe('match sentences in the analysis cache', () => {
  const header = { signature: { global: 'g', byTerm: {} }, words: [], norms: [] };
  const body = 'Kyiv said so. Officials in Kyiv said so. A third sentence names Kyiv.';
  const hit = (start: number, sentence: string): ArticleAnalysis['matches'][number] => ({
    concept: 'c', lexicon: 'l', frame: 'f', term: 'kyiv', start, end: start + 4, matched: 'Kyiv', voice: 'authorial', negated: false, distanced: false, sentence,
  });
  // The second sentence's text also occurs nowhere else; the first occurs inside the second.
  const analyses: ArticleAnalysis[] = [
    {
      id: 'a', tokens: 14, contrastHits: [], termCounts: counts(2, 1), entities: [],
      matches: [hit(0, 'Kyiv said so.'), hit(27, body.slice(14, 40)), hit(64, 'A third sentence names Kyiv.'), hit(27, 'not from the body')],
    },
  ];

  it('come back equal when stored as offsets into the bodies', () => {
    const dir = mkdtempSync(join(tmpdir(), 'framescope-sentences-'));
    const key = 'k'.repeat(64);
    storeAnalyses(dir, key, { ...header, analyses }, (id) => (id === 'a' ? body : undefined));
    // Offsets, not text, on disk (the text not found in the body is kept as text).
    const raw = readFileSync(entryPath(dir, key, 'analysis')).toString('latin1');
    expect(raw).not.toContain('A third sentence');
    expect(raw).toContain('not from the body');
    const loaded = loadCachedAnalyses(dir, key, (id) => (id === 'a' ? body : undefined))!;
    expect(loaded.analyses[0]!.matches.map((m) => m.sentence)).toEqual(analyses[0]!.matches.map((m) => m.sentence));
    expect(loaded.analyses[0]).not.toHaveProperty('sentenceBounds');
  });

  it('come back with each analysis\'s norm hashes and sentences, across chunks, with and without either', () => {
    // 2,500 analyses: three chunks of the file; some without norm hashes, some without hits.
    const many: ArticleAnalysis[] = Array.from({ length: 2500 }, (_, i) => ({
      id: `m${i}`, tokens: 14, contrastHits: [], termCounts: counts(2, i), entities: [],
      matches: i % 3 === 0 ? [] : [hit(0, 'Kyiv said so.'), hit(64, 'A third sentence names Kyiv.')],
      ...(i % 5 === 0 ? {} : { normHashes: Uint32Array.from({ length: 1 + (i % 7) }, (_, k) => i * 10 + k) }),
    }));
    const dir = mkdtempSync(join(tmpdir(), 'framescope-sentences-'));
    const key = 'k'.repeat(64);
    storeAnalyses(dir, key, { ...header, analyses: many }, () => body);
    const loaded = loadCachedAnalyses(dir, key, () => body)!;
    expect(loaded.analyses.map((a) => (a.normHashes === undefined ? null : [...a.normHashes]))).toEqual(many.map((a) => (a.normHashes === undefined ? null : [...a.normHashes])));
    expect(loaded.analyses.map((a) => a.matches.map((m) => m.sentence))).toEqual(many.map((a) => a.matches.map((m) => m.sentence)));
  });

  it('make the entry unusable when the article is missing or its body too short for them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'framescope-sentences-'));
    const key = 'k'.repeat(64);
    storeAnalyses(dir, key, { ...header, analyses }, () => body);
    expect(loadCachedAnalyses(dir, key, () => undefined)).toBeUndefined();
    expect(loadCachedAnalyses(dir, key, () => body.slice(0, 50))).toBeUndefined();
    expect(loadCachedAnalyses(dir, key, () => body)).toBeDefined();
  });
});
