import { existsSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ANALYSIS_FORMAT, loadCachedAnalyses, storeCachedAnalyses, storeCachedClusters, storeCachedKeyness } from '../../src/cache/analysis-cache.js';
import { readChunkedFile, writeChunkedFile } from '../../src/cache/chunked-file.js';
import { codeFingerprint } from '../../src/cache/code-fingerprint.js';
import { entryPath, storeEntry } from '../../src/cache/read-cache.js';

/** Analyses stored as a run stores them: the entry, then its key terms under the same stamp. */
function storeAnalyses(...args: Parameters<typeof storeCachedAnalyses>): string {
  const stamp = storeCachedAnalyses(...args);
  storeCachedKeyness(args[0], args[1], stamp, []);
  return stamp;
}

const folder = (): string => mkdtempSync(join(tmpdir(), 'framescope-chunked-'));

/** A file in the chunked format with chunks given as values (each serialised with its length and checksum). */
function rawFile(path: string, chunks: unknown[], tail = Buffer.alloc(0)): void {
  const parts: Buffer[] = [];
  for (const chunk of chunks) {
    const bytes = serialize(chunk);
    const prefix = Buffer.alloc(8);
    prefix.writeUInt32LE(bytes.length, 0);
    prefix.writeUInt32LE(crc32(bytes), 4);
    parts.push(prefix, bytes);
  }
  writeFileSync(path, Buffer.concat([...parts, tail]));
}

describe('chunked cache files', () => {
  it('round-trips a header and more items than one chunk holds, leaving no temporary file', () => {
    const dir = folder();
    const path = join(dir, 'x.v8');
    const items = Array.from({ length: 2500 }, (_, i) => ({ id: `a${i}`, n: i }));
    writeChunkedFile(path, { format: 1, note: 'ok' }, items);
    expect(readChunkedFile(path)).toEqual({ header: { format: 1, note: 'ok' }, items });
    expect(readdirSync(dir)).toEqual(['x.v8']);
  });

  it('rejects truncated, over-long, mislabelled and headerless files instead of returning part of them', () => {
    const dir = folder();
    const path = join(dir, 'x.v8');
    writeChunkedFile(path, { format: 1 }, [{ id: 'a' }, { id: 'b' }]);
    const whole = readFileSync(path);
    writeFileSync(path, whole.subarray(0, whole.length - 3));
    expect(() => readChunkedFile(path)).toThrow(/truncated|damaged/);
    writeFileSync(path, Buffer.concat([whole, Buffer.from([1, 2, 3])]));
    expect(() => readChunkedFile(path)).toThrow(/damaged/);
    // A length field claiming 4 GB: refused before anything that size is allocated.
    const huge = Buffer.from(whole);
    huge.writeUInt32LE(0xfffffff0, 0);
    writeFileSync(path, huge);
    expect(() => readChunkedFile(path)).toThrow(/damaged/);
    rawFile(path, [{ items: 1 }, [{ id: 'a' }]]);
    expect(() => readChunkedFile(path)).toThrow(/damaged/);
    rawFile(path, [{ header: {}, items: 2 }, [{ id: 'a' }]]);
    expect(() => readChunkedFile(path)).toThrow(/truncated|damaged/);
  });

  it('rejects a file whose bytes changed in place, though they would still deserialise', () => {
    const dir = folder();
    const path = join(dir, 'x.v8');
    const items = [{ id: 'a', body: 'Kyiv said the talks would resume' }, { id: 'b', body: 'no change here' }];
    writeChunkedFile(path, { format: 1 }, items);
    const whole = readFileSync(path);
    // One letter of a body changed in place ("Kyiv" → "Kiev"-like damage): lengths all still fit.
    const at = whole.indexOf('Kyiv');
    expect(at).toBeGreaterThan(0);
    const damaged = Buffer.from(whole);
    damaged[at + 1] = 'i'.charCodeAt(0);
    // Without the checksum this chunk reads back as valid, altered data.
    const headerLength = damaged.readUInt32LE(0);
    const itemsAt = 8 + headerLength;
    const payload = damaged.subarray(itemsAt + 8, itemsAt + 8 + damaged.readUInt32LE(itemsAt));
    expect((deserialize(payload) as { body: string }[])[0]?.body).toBe('Kiiv said the talks would resume');
    writeFileSync(path, damaged);
    expect(() => readChunkedFile(path)).toThrow(/damaged cache file \(checksum\)/);
    writeFileSync(path, whole);
    expect(readChunkedFile(path).items).toEqual(items);
  });

  it('treats an analysis entry with a damaged header as absent (the run goes cold, it does not crash)', () => {
    const dir = folder();
    const key = 'k'.repeat(64);
    rawFile(entryPath(dir, key, 'analysis'), [{ header: { format: ANALYSIS_FORMAT, stamp: 's', signature: null, words: [], norms: [] }, items: 0 }]);
    expect(loadCachedAnalyses(dir, key)).toBeUndefined();
    rawFile(entryPath(dir, key, 'analysis'), [{ header: { format: ANALYSIS_FORMAT, stamp: 's', signature: { global: 'g', byTerm: {} }, words: [], norms: [] }, items: 0 }]);
    expect(loadCachedAnalyses(dir, key)).toBeUndefined(); // no key terms stored under its stamp
    storeCachedKeyness(dir, key, 't', []);
    expect(loadCachedAnalyses(dir, key)).toBeUndefined(); // key terms of another run
    storeCachedKeyness(dir, key, 's', []);
    rawFile(entryPath(dir, key, 'analysis'), [{ header: { format: ANALYSIS_FORMAT, signature: { global: 'g', byTerm: {} }, words: [], norms: [] }, items: 0 }]);
    expect(loadCachedAnalyses(dir, key)).toBeUndefined(); // no stamp
    rawFile(entryPath(dir, key, 'analysis'), [{ header: { format: ANALYSIS_FORMAT, stamp: 's', signature: { global: 'g', byTerm: {} }, words: [], norms: [] }, items: 0 }]);
    expect(loadCachedAnalyses(dir, key)).toMatchObject({ analyses: [], words: [] });
  });

  it('takes the cached clusters only from the entry stamped with the analyses they were made from', () => {
    const dir = folder();
    const key = 'k'.repeat(64);
    const cluster = { id: 'e0001', members: ['a'], similarity: new Map([['a', 1]]), topTerms: [] };
    const stamp = storeAnalyses(dir, key, { signature: { global: 'g', byTerm: {} }, analyses: [], words: [], norms: [] });
    expect(loadCachedAnalyses(dir, key)?.clusters).toBeUndefined(); // analyses stored, clusters not (yet)
    storeCachedClusters(dir, key, stamp, [cluster]);
    expect(loadCachedAnalyses(dir, key)?.clusters).toEqual([cluster]);
    // Analyses stored again (another lexicon): the clusters of the earlier ones no longer count.
    storeAnalyses(dir, key, { signature: { global: 'h', byTerm: {} }, analyses: [], words: [], norms: [] });
    expect(loadCachedAnalyses(dir, key)).toBeDefined();
    expect(loadCachedAnalyses(dir, key)?.clusters).toBeUndefined();
  });

  it('deletes leftovers of interrupted writes once they are an hour old, and keeps recent ones', () => {
    const dir = folder();
    const stale = join(dir, `read-${'a'.repeat(64)}.v8.tmp-1-00ff00ff`);
    const recent = join(dir, `read-${'b'.repeat(64)}.v8.tmp-2-00ff00ff`);
    writeFileSync(stale, 'partial');
    writeFileSync(recent, 'partial');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600 * 1000);
    utimesSync(stale, twoHoursAgo, twoHoursAgo);
    storeEntry(dir, entryPath(dir, 'c'.repeat(64), 'read'), { format: 1 }, []);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(recent)).toBe(true);
  });
});

describe('code fingerprint', () => {
  it('is a stable hex digest of the tool code', () => {
    expect(codeFingerprint()).toMatch(/^[0-9a-f]{16}$/);
    expect(codeFingerprint()).toBe(codeFingerprint());
  });
});
