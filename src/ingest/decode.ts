/**
 * Bytes to text, once, for every input form: strict UTF-8, BOM out, CRLF/CR to LF, NBSP to space.
 * Two other encodings are read because the file itself says so, never guessed: UTF-16 with its
 * byte-order mark (what Windows Notepad saves as "Unicode"), and — for a file that is not UTF-8 —
 * the charset an HTML page declares in its first kilobyte (`<meta charset="windows-1256">`: older
 * Arabic and Russian sites). A file that is binary, empty or in an undeclared encoding is reported
 * (never silently decoded with U+FFFD).
 */

export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

/** Share of control characters above which a file is treated as binary (text has almost none). */
const MAX_CONTROL_SHARE = 0.1;

/** One strict decoder for all files: each non-streaming `decode` call starts afresh (WHATWG Encoding). */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Bytes an HTML page's charset declaration must sit in (the HTML standard's prescan reads 1,024). */
const PRESCAN_BYTES = 1024;

/** Decode a file's bytes as text, or say in plain words why it cannot be read. */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  let text: string;
  if (utf16 !== undefined) {
    try {
      text = new TextDecoder(utf16, { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, reason: `not valid ${utf16.toUpperCase()} text although it starts with that byte-order mark (re-save the file as UTF-8)` };
    }
  } else {
    if (bytes.includes(0)) return { ok: false, reason: 'binary file (NUL bytes), not text' };
    try {
      text = UTF8.decode(bytes);
    } catch (error) {
      // V8's longest string is 2^29 − 24 characters: past it the decoder throws ERR_STRING_TOO_LONG.
      if ((error as NodeJS.ErrnoException).code === 'ERR_STRING_TOO_LONG') return { ok: false, reason: `too large to read as one text (${Math.round(bytes.length / 2 ** 20)} MB): split it into smaller files (JSON Lines files of any size are read in pieces)` };
      const declared = declaredCharset(bytes);
      if (declared === undefined) return { ok: false, reason: 'not valid UTF-8 text (re-save the file as UTF-8)' };
      try {
        text = new TextDecoder(declared, { fatal: true }).decode(bytes);
      } catch (error) {
        const unsupported = (error as NodeJS.ErrnoException).code === 'ERR_ENCODING_NOT_SUPPORTED';
        return { ok: false, reason: `not valid UTF-8, nor valid ${declared} as the page declares${unsupported ? ' (an encoding this Node cannot decode)' : ''} (re-save the file as UTF-8)` };
      }
    }
  }
  if (controlShare(text) > MAX_CONTROL_SHARE) return { ok: false, reason: 'binary file (mostly control characters), not text' };
  text = normalizeText(text);
  if (text.trim() === '') return { ok: false, reason: 'empty file (only whitespace)' };
  return { ok: true, text };
}

/**
 * The charset a page declares near its start — `<meta charset=…>` or `<meta http-equiv=…
 * content="text/html; charset=…">` (and an XML declaration's `encoding=`) — lower-cased, or
 * undefined. Read as Latin-1, which every ASCII-compatible encoding's markup survives.
 */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1');
  const match = /<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head) ?? /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)/i.exec(head);
  const label = match?.[1]?.toLowerCase();
  return label === undefined || label === 'utf-8' || label === 'utf8' ? undefined : label;
}

/**
 * Invisible format characters that split words and lines without showing: zero-width space,
 * word joiner, soft hyphen, bidi marks, embeddings, overrides and isolates, stray BOMs. Removed
 * so "Kiev\u200Bregime" is matched and a line starting with U+202E is read as the text it shows.
 * ZWNJ/ZWJ (U+200C/D) stay: they carry meaning in Persian and in emoji sequences.
 */
const INVISIBLE = /[\u00AD\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;
const INVISIBLE_TEST = /[\u00AD\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;

/** Line ends to LF, BOM out, NBSP and other fixed-width spaces to a plain space. */
export function normalizeText(text: string): string {
  // Each replace only when its character occurs: `includes` scans far faster than a regex
  // replace, and most files have no CR or fixed-width space (normalizeText was 10% of JSONL parsing).
  let out = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (out.includes('\r')) out = out.replace(/\r\n?/g, '\n');
  if (out.includes('\u00A0') || out.includes('\u2007') || out.includes('\u202F')) out = out.replace(/[\u00A0\u2007\u202F]/g, ' ');
  if (INVISIBLE_TEST.test(out)) out = out.replace(INVISIBLE, '');
  return out;
}

/** The code units of `/\s/` (ECMAScript WhiteSpace and LineTerminator), without a regex call. */
export function isWhiteSpace(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** White space that `foldWhitespace` changes: anything but single spaces between words. */
const UNFOLDED = /[^\S ]| {2}|^ | $/;

/** Runs of white space to one space, trimmed; an already folded string is returned as is (no copy). */
export function foldWhitespace(s: string): string {
  return UNFOLDED.test(s) ? s.replace(/\s+/g, ' ').trim() : s;
}

function controlShare(text: string): number {
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return control / text.length;
}

/**
 * File name without folders and without its extension; a compressed file's (`x.jsonl.gz`) without
 * both, so its articles get the ids the uncompressed file's would.
 */
export function fileStem(path: string): string {
  const base = withoutGzip(baseName(path));
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** File name without folders. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

/** Lower-case extension without the dot, `''` when none; of a compressed file (`x.jsonl.gz`), the inner one (`jsonl`). */
export function extensionOf(path: string): string {
  const base = withoutGzip(baseName(path));
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function withoutGzip(base: string): string {
  return hasGzipSuffix(base) ? base.slice(0, -3) : base;
}

/** A name ending in `.gz` after something else (`x.jsonl.gz`; not `.gz` alone). */
export function hasGzipSuffix(name: string): boolean {
  return /.\.gz$/i.test(name);
}

/** Gzip's magic number (RFC 1952 §2.3.1): a compressed file, whatever its name (scrapers save compressed responses as `.html`). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** What to do with files researchers often keep beside their articles, which framescope does not read. */
const OTHER_FILE_TYPES: ReadonlyMap<string, string> = new Map([
  ...['.xlsx', '.xls', '.ods'].map((ext): [string, string] => [ext, `a spreadsheet (${ext}): save it as CSV (UTF-8) and run on that`]),
  ...['.zip', '.tar', '.tgz', '.7z', '.rar'].map((ext): [string, string] => [ext, `an archive (${ext}): unpack it and run on the folder (single .gz files are read as they are)`]),
  ['.pdf', 'a PDF: framescope reads text, HTML and records; extract its text first (pdftotext keeps the lines)'],
  ...['.doc', '.docx', '.odt', '.rtf'].map((ext): [string, string] => [ext, `a word-processor document (${ext}): save it as plain text (.txt, UTF-8) and run on that`]),
]);

/** Why a file of this extension (`.xlsx`, with the dot) is not read and what to do instead, or undefined. */
export function otherFileTypeHint(ext: string): string | undefined {
  return OTHER_FILE_TYPES.get(ext.toLowerCase());
}
