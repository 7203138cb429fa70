import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeText, normalizeText, foldWhitespace, isWhiteSpace } from '../../src/ingest/decode.js';

const enc = new TextEncoder();
/** Characters the fast paths branch on, mixed with ordinary text. */
const tricky = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '  ', '\t', '\n', '\r', '\r\n', '\uFEFF', '\u00A0', '\u2007', '\u202F', '\u3000', '\u2028', 'ع', '.', '|'), maxLength: 30 });

describe('decodeText', () => {
  it('reports empty, binary and non-UTF-8 input in plain words', () => {
    expect(decodeText(new Uint8Array())).toEqual({ ok: false, reason: 'empty file' });
    expect(decodeText(new Uint8Array([104, 0, 105]))).toMatchObject({ ok: false, reason: expect.stringContaining('binary') });
    expect(decodeText(new Uint8Array([0xc3, 0x28]))).toMatchObject({ ok: false, reason: expect.stringContaining('UTF-8') });
  });
  it('decodes valid text after an invalid file (one shared decoder)', () => {
    expect(decodeText(new Uint8Array([0xe2, 0x82]))).toMatchObject({ ok: false });
    expect(decodeText(enc.encode('\uFEFFcafé\r\nnext\u00A0line'))).toEqual({ ok: true, text: 'café\nnext line' });
  });
});

describe('normalizeText and foldWhitespace', () => {
  it('normalizeText equals its definition: BOM out, CRLF/CR to LF, fixed-width spaces to a space, invisible controls out', () => {
    fc.assert(fc.property(tricky, (s) => {
      const expected = s
        .replace(/^\uFEFF/, '')
        .replace(/\r\n?/g, '\n')
        .replace(/[\u00A0\u2007\u202F]/g, ' ')
        .replace(/[\u00AD\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g, '');
      expect(normalizeText(s)).toBe(expected);
    }), { numRuns: 2000 });
  });
  it('foldWhitespace equals replace(/\\s+/g, " ").trim()', () => {
    fc.assert(fc.property(tricky, (s) => {
      expect(foldWhitespace(s)).toBe(s.replace(/\s+/g, ' ').trim());
    }), { numRuns: 2000 });
    expect(foldWhitespace('already folded text')).toBe('already folded text');
  });
  it('isWhiteSpace agrees with /\\s/ on every BMP code unit', () => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isWhiteSpace(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });
});
