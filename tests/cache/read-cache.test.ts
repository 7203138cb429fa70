import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachRemovedLines, entryPath, loadCachedRead, storeCachedRead } from '../../src/cache/read-cache.js';
import type { ReadResult } from '../../src/pipeline.js';
import type { Article } from '../../src/types.js';
import { tempDir } from '../helpers/cli.js';

function article(id: string, removed: Article['removed']): Article {
  return {
    id, source: `${id}.txt`, format: 'text', outlet: 'Example Wire', credit: '', lang: 'en', title: 'T', date: '', dateStated: '', url: '', byline: '', tags: [],
    version: null, isLatest: true, storyId: id, body: `T\n\nBody of ${id}.`, headlineEnd: 1, removed,
  };
}

const RESULT: ReadResult = {
  articles: [article('a', [{ text: 'Home | World | Sport', reason: 'menu' }]), article('b', []), article('c', [{ text: 'Most read', reason: 'repeated' }, { text: '© Example', reason: 'footer' }])],
  skipped: [{ source: 'bad.txt', reason: 'not UTF-8' }],
  inputs: 4,
  timings: { parse: 12, clean: 3 },
};

describe('read cache', () => {
  it('keeps the removed lines in a file of their own, read only when asked for', () => {
    const dir = tempDir();
    storeCachedRead(dir, 'k', RESULT);
    expect(readdirSync(dir).sort()).toEqual(['read-k.v8', 'removed-k.v8']);
    expect(loadCachedRead(dir, 'k', true)).toEqual(RESULT);
    const without = loadCachedRead(dir, 'k', false)!;
    expect(without.articles.map((a) => a.removed)).toEqual([[], [], []]);
    expect(without.articles.map((a) => ({ ...a, removed: [] }))).toEqual(RESULT.articles.map((a) => ({ ...a, removed: [] })));
    expect(attachRemovedLines(dir, 'k', without.articles)).toBe(true);
    expect(without).toEqual(RESULT);
  });

  it('misses (and removes the read entry) when the removed lines are asked for and gone or damaged', () => {
    for (const spoil of [(path: string) => rmSync(path), (path: string) => writeFileSync(path, 'not a cache file')]) {
      const dir = tempDir();
      storeCachedRead(dir, 'k', RESULT);
      spoil(entryPath(dir, 'k', 'removed'));
      const without = loadCachedRead(dir, 'k', false)!;
      expect(attachRemovedLines(dir, 'k', without.articles)).toBe(false);
      expect(loadCachedRead(dir, 'k', true)).toBeUndefined();
      expect(existsSync(entryPath(dir, 'k', 'read'))).toBe(false);
    }
  });

  it('refuses removed lines stored for another number of articles', () => {
    const dir = tempDir();
    storeCachedRead(dir, 'k', RESULT);
    const without = loadCachedRead(dir, 'k', false)!;
    expect(attachRemovedLines(dir, 'k', without.articles.slice(1))).toBe(false);
  });
});
