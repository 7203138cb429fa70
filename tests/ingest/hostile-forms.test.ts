import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/ingest/decode.js';
import { extractHtml } from '../../src/ingest/parse-html.js';
import { parseInput } from '../../src/ingest/index.js';

const encode = (text: string) => new TextEncoder().encode(text);

describe('hostile input forms', () => {
  it('removes invisible format characters that would split words or hide lines', () => {
    const decoded = decodeText(encode('\u202EKiev\u200B regime\u2066 said\u2069\u00AD\uFEFF.'));
    expect(decoded).toEqual({ ok: true, text: 'Kiev regime said.' });
  });

  it('keeps ZWNJ, which carries meaning in Persian', () => {
    const decoded = decodeText(encode('می\u200Cخواهم'));
    expect(decoded.ok && decoded.text).toBe('می\u200Cخواهم');
  });

  it('skips a CSV with a header and no records, with a reason', () => {
    const result = parseInput({ path: 'only-header.csv', bytes: encode('id,title,text\n') });
    expect(result.docs).toEqual([]);
    expect(result.skipped).toEqual([{ source: 'only-header.csv', reason: 'CSV has no records (a header row at most)' }]);
  });

  it('reads a .html file with no element at all as text instead of crashing', () => {
    for (const text of ['!', 'Plain words in an .html file.', '<!-- only a comment -->']) {
      expect(() => parseInput({ path: 'odd.html', bytes: encode(text) })).not.toThrow();
    }
  });

  it('reads a page nested thousands of levels deep without Readability, in linear time', () => {
    const text = 'Delegations met in Geneva on Monday and agreed to meet again next week, officials said.';
    const html = `<html><body>${'<div>'.repeat(20_000)}<p>${text}</p>${'</div>'.repeat(20_000)}</body></html>`;
    expect(extractHtml(html).blocks).toEqual([text]);
  });
});
