import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeText, normalizeText, foldWhitespace, isWhiteSpace } from '../../src/ingest/decode.js';
import { parseInput } from '../../src/ingest/parse-input.js';

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

/** `text` in a single-byte encoding, by inverting that encoding's decoder over the 256 bytes. */
function encodeSingleByte(text: string, label: string): Uint8Array {
  const table = new Map<string, number>();
  const decoder = new TextDecoder(label);
  for (let byte = 0; byte < 256; byte++) table.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Uint8Array.from([...text], (char) => {
    const byte = table.get(char);
    if (byte === undefined) throw new Error(`${char} is not in ${label}`);
    return byte;
  });
}

describe('decodeText: encodings the file itself declares', () => {
  const arabic = 'قال لافروف إن نظام كييف يرفض المفاوضات.';

  it('reads UTF-16 with its byte-order mark (Notepad\'s "Unicode"), either byte order', () => {
    const units = [...'Kyiv, ', ...arabic].map((char) => char.charCodeAt(0));
    const le = Uint8Array.from([0xff, 0xfe, ...units.flatMap((unit) => [unit & 0xff, unit >> 8])]);
    const be = Uint8Array.from([0xfe, 0xff, ...units.flatMap((unit) => [unit >> 8, unit & 0xff])]);
    expect(decodeText(le)).toEqual({ ok: true, text: `Kyiv, ${arabic}` });
    expect(decodeText(be)).toEqual({ ok: true, text: `Kyiv, ${arabic}` });
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0x41]))).toMatchObject({ ok: false, reason: expect.stringContaining('not valid UTF-16LE') });
  });

  it('reads a page in the charset its <meta> declares when it is not UTF-8, and says which when it cannot', () => {
    const head = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"><title>t</title></head><body><p>';
    const page = encodeSingleByte(`${head}${arabic}</p></body></html>`, 'windows-1256');
    expect(decodeText(page)).toEqual({ ok: true, text: `${head}${arabic}</p></body></html>` });
    // A page whose bytes are UTF-8 is read as UTF-8 whatever it declares (a common mislabelling).
    expect(decodeText(enc.encode(`${head}${arabic}</p>`))).toEqual({ ok: true, text: `${head}${arabic}</p>` });
    const undecodable = Uint8Array.from([...enc.encode('<meta charset="x-no-such-charset"><p>'), 0xe9]);
    expect(decodeText(undecodable)).toEqual({ ok: false, reason: 'not valid UTF-8, nor valid x-no-such-charset as the page declares (an encoding this Node cannot decode) (re-save the file as UTF-8)' });
    // Undeclared: not guessed.
    expect(decodeText(encodeSingleByte(arabic, 'windows-1256'))).toEqual({ ok: false, reason: 'not valid UTF-8 text (re-save the file as UTF-8)' });
  });

  it('a windows-1256 HTML page gives its Arabic article like the same page in UTF-8', () => {
    const paragraphs = [arabic, 'وأضاف أن الوفد الروسي سيعود إلى طاولة المفاوضات الأسبوع المقبل في جنيف.', 'ولم يصدر أي تعليق رسمي من الجانب الأوكراني حتى مساء الاثنين.'];
    const page = (charset: string) => `<!doctype html><html><head><meta charset="${charset}"><title>المفاوضات</title></head><body><article><h1>المفاوضات</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    const legacy = parseInput({ path: 'a.html', bytes: encodeSingleByte(page('windows-1256'), 'windows-1256') });
    const utf8 = parseInput({ path: 'a.html', bytes: enc.encode(page('windows-1256')) });
    expect(legacy.skipped).toEqual([]);
    expect(legacy.docs.map((doc) => doc.blocks)).toEqual(utf8.docs.map((doc) => doc.blocks));
    expect(legacy.docs[0]?.blocks.join(' ')).toContain('نظام كييف');
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
