import type { Lang } from '../types.js';
import { arabicLaterWordKey, arabicPluralKey, hasArabic } from '../text/arabic.js';
import { laterWordForms, matchForms, tokenize } from '../text/tokenize.js';

/** One word of a compiled term: an exact normalised token, or a prefix glob (`russophob*`). */
export interface TermWord {
  text: string;
  glob: boolean;
}

/** Characters of regular-expression syntax that a term may not hold (no raw regex anywhere). */
const REGEX_SYNTAX = /[\\^$|?+()[\]{}]/;

/**
 * Turn a lexicon term into words compared on normalised tokens, or say what is wrong with it.
 * Punctuation inside a term is ignored the way the tokenizer ignores it (`neo-nazi` = `neo nazi`);
 * `*` is allowed only at the end of a word and makes that word a prefix.
 */
export function parseTerm(term: string, lang: Lang): { words: TermWord[] } | { error: string } {
  if (term.trim() === '') return { error: 'empty term — remove it or write the phrase' };
  if (REGEX_SYNTAX.test(term)) {
    return { error: `term "${term}" uses regular-expression syntax — write plain words; use * at a word end for a prefix` };
  }
  const words: TermWord[] = [];
  for (const piece of term.trim().split(/\s+/)) {
    const star = piece.indexOf('*');
    if (star !== -1 && (star !== piece.length - 1 || piece.length === 1)) {
      return { error: `term "${term}" has a bad glob: * must end a word (e.g. russophob*)` };
    }
    const glob = star !== -1;
    const tokens = tokenize(glob ? piece.slice(0, -1) : piece, lang);
    if (glob && (tokens.length === 0 || tokens.at(-1)!.end !== piece.length - 1)) {
      return { error: `term "${term}" has a bad glob: * must follow a letter or digit` };
    }
    tokens.forEach((t, k) => words.push({ text: t.norm, glob: glob && k === tokens.length - 1 }));
  }
  if (words.length === 0) return { error: `term "${term}" has no letters or digits — remove it` };
  return { words };
}

/**
 * The key two terms share when they match the same words (for duplicate detection). What the
 * matcher reads either way counts one way: a later Arabic word without its article, and any
 * Arabic word's sound masculine plural in ين (`arabicLaterWordKey`, `arabicPluralKey`) —
 * `مناطق المحتلة` and `مناطق محتلة`, `محتلون` and `محتلين` match the same words.
 */
export function termKey(words: readonly TermWord[]): string {
  return words
    .map((w, k) => {
      if (w.glob) return `${w.text}*`;
      if (!hasArabic(w.text)) return w.text;
      return k > 0 ? arabicLaterWordKey(w.text) : arabicPluralKey(w.text);
    })
    .join(' ');
}

/**
 * The other word sequences a text spelled like the term also matches (its words joined by a
 * space): each word's match forms, as the matcher computes them for that spelling — the first
 * word's `matchForms` (English inflection undone, Arabic clitics taken off), a later word's
 * `laterWordForms` (inflection; the Arabic article, a plural's case). A term listed among
 * another's spellings matches the other's own text: `kiev regime` among `kiev regimes`'.
 * Undefined for a glob term (a prefix overlaps by design) or one longer than `maxWords` (the
 * forms multiply per word).
 */
export function otherSpellingsMatched(words: readonly TermWord[], maxWords = 6): string[] | undefined {
  if (words.length > maxWords || words.some((word) => word.glob)) return undefined;
  let combos: string[][] = [[]];
  words.forEach((word, k) => {
    const forms = k === 0 ? matchForms(word.text) : laterWordForms(word.text);
    combos = combos.flatMap((prefix) => forms.map((form) => [...prefix, form]));
  });
  const own = words.map((word) => word.text).join(' ');
  return [...new Set(combos.map((combo) => combo.join(' ')))].filter((spelling) => spelling !== own);
}
