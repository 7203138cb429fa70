import type { Lang, Token } from '../types.js';
import { normalizeArabic } from './arabic.js';

/** A word: a letter or digit, then letters, digits and combining marks (Arabic harakat included). */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;
const ARABIC_LETTER = /[\u0600-\u06FF]/;

/**
 * Split `text` into word tokens with exact offsets: `text.slice(t.start, t.end)` is the surface.
 * Punctuation is not a token (CONTRACT.md: tokens are letters and digits).
 */
export function tokenize(text: string, lang: Lang): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const surface = m[0];
    const start = m.index;
    tokens.push({ start, end: start + surface.length, norm: normalizeToken(surface, lang) });
  }
  return tokens;
}

/** The matching form of one surface word. */
export function normalizeToken(surface: string, _lang: Lang): string {
  const lower = surface.toLowerCase();
  return ARABIC_LETTER.test(lower) ? normalizeArabic(lower) : lower;
}
