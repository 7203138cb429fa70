import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseManifest } from '../../src/ingest/index.js';
import { manifestEntry, manifestLookup } from '../../src/ingest/manifest.js';
import type { MetaHints } from '../../src/types.js';

const FIX = fileURLToPath(new URL('../fixtures/ingest/', import.meta.url));
const csv = (text: string): { path: string; bytes: Uint8Array } => ({ path: 'm.csv', bytes: new TextEncoder().encode(text) });

describe('parseManifest', () => {
  it('reads file → metadata, keyed by the file column as written', () => {
    const m = parseManifest({ path: 'manifest.csv', bytes: readFileSync(`${FIX}manifest.csv`) });
    expect(m.get('page-en.txt')).toEqual({ outlet: 'Al Jazeera English', date: '2021-03-15', lang: 'en', url: 'https://www.aljazeera.com/news/fictional' });
  });
  it('matches an entry by path, path suffix or basename', () => {
    const m = parseManifest(csv('file,outlet\ncorpus/a.txt,X\nb.txt,Y\n'));
    expect(manifestEntry(m, 'corpus/a.txt')?.outlet).toBe('X');
    expect(manifestEntry(m, '/data/corpus/a.txt')?.outlet).toBe('X');
    expect(manifestEntry(m, 'other/b.txt')?.outlet).toBe('Y');
    expect(manifestEntry(m, 'c.txt')).toBeUndefined();
  });
  it('splits tags on ; or |', () => {
    expect(parseManifest(csv('file,tags\na.txt,one; two|three\n')).get('a.txt')?.tags).toEqual(['one', 'two', 'three']);
  });
  it.each([
    ['no file column', 'name,outlet\na,X\n', /^m\.csv:1: manifest has no `file` column/],
    ['a date that is not YYYY-MM-DD', 'file,date\na.txt,12/03/2020\n', /^m\.csv:2: date "12\/03\/2020" is not a YYYY-MM-DD calendar date/],
    ['a day the calendar lacks', 'file,date\na.txt,2024-02-30\n', /^m\.csv:2: date "2024-02-30" is not a YYYY-MM-DD calendar date/],
    ['broken CSV', 'file,outlet\n"a.txt,X\n', /^m\.csv:\d+: manifest is not valid CSV/],
    ['not UTF-8', '', /^m\.csv:1: manifest unreadable/],
  ])('%s throws file:line', (_l, text, message) => {
    const file = text === '' ? { path: 'm.csv', bytes: new Uint8Array([0x66, 0xe9]) } : csv(text);
    expect(() => parseManifest(file)).toThrow(message);
  });
});

describe('manifestLookup (indexed)', () => {
  /** The definition: exact key, else the first entry in manifest order equal to the path or ending it after a `/`, else the basename. */
  const reference = (m: Map<string, MetaHints>, source: string): MetaHints | undefined => {
    const path = source.replace(/:\d+$/, '').replace(/\\/g, '/');
    if (m.get(path)) return m.get(path);
    for (const [key, meta] of m) {
      const k = key.replace(/\\/g, '/').replace(/^\.\//, '');
      if (path === k || path.endsWith(`/${k}`)) return meta;
    }
    return m.get(path.split('/').pop() ?? path);
  };
  it('finds what a scan over every entry finds', () => {
    const seg = fc.constantFrom('a', 'b', 'a.txt', 'b.txt', '.', '', 'x\\y', './a', 'c.jsonl');
    const path = fc.array(seg, { minLength: 1, maxLength: 4 }).map((p) => p.join('/'));
    fc.assert(fc.property(fc.array(path, { maxLength: 6 }), fc.array(fc.tuple(path, fc.boolean()), { maxLength: 10 }), (keys, sources) => {
      const m = new Map(keys.map((k, i): [string, MetaHints] => [k, { outlet: `o${i}` }]));
      const lookup = manifestLookup(m);
      for (const [s, line] of sources) {
        const source = line ? `${s}:12` : s;
        expect(lookup(source)).toBe(reference(m, source));
      }
    }), { numRuns: 2000 });
  });
});

