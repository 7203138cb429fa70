import type { Lang, Token } from '../types.js';
import { normalizeArabic } from './arabic.js';
import { AR_STOP_WORDS } from './stopwords/ar.js';
import { EN_STOP_WORDS } from './stopwords/en.js';

const ARABIC_LETTER = /[\u0600-\u06FF]/;
const DIGITS = /^\p{N}+$/u;

/** Stop words of both languages, in token-norm form; a token is tested against both lists. */
const STOP_WORDS: ReadonlySet<string> = new Set([
  ...splitList(EN_STOP_WORDS),
  ...splitList(AR_STOP_WORDS).map(normalizeArabic),
]);

/**
 * Arabic proclitic + article clusters stripped so `والحكومة`, `بالحكومة` and `الحكومة` meet.
 * The article-bearing prefixes of light10 (Larkey, Ballesteros & Connell 2002), longest first; a
 * bare `و`/`ب` is not stripped because it starts too many stems (وزير, بيت).
 */
const ARABIC_PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'];
/** light10 keeps at least two letters of stem after stripping. */
const MIN_ARABIC_STEM = 2;

/** English plurals that are not `<singular>s`, or singulars that end in `s`. */
const EN_S_KEEP = new Set(['news', 'series', 'species', 'means', 'physics', 'politics', 'economics', 'lens', 'bus', 'gas', 'its', 'this', 'has', 'was', 'us', 'paris', 'texas', 'kansas', 'christmas']);

/**
 * Content-term counts of one article: folded unigrams without stop words, numbers of two or more
 * digits (years, tolls, magnitudes: they tell look-alike events apart), and bigrams of adjacent
 * content words joined by a space. Used by keyness and event clustering.
 *
 * Folding is deliberately light so keyness stays readable: English regular plurals to the
 * singular (`regimes` → `regime`, `cities` → `city`), Arabic article prefixes off (`والحكومه` →
 * `حكومه`). Single letters and single digits are dropped.
 */
export function contentTerms(tokens: readonly Token[], _lang: Lang): Map<string, number> {
  const counts = new Map<string, number>();
  let previous: string | null = null;
  for (const token of tokens) {
    const word = foldTerm(token.norm);
    if (word === null) {
      previous = null;
      continue;
    }
    counts.set(word, (counts.get(word) ?? 0) + 1);
    if (previous !== null) {
      const bigram = `${previous} ${word}`;
      counts.set(bigram, (counts.get(bigram) ?? 0) + 1);
    }
    previous = word;
  }
  return counts;
}

/** The content form of a token norm, or null for a stop word / too-short token. */
export function foldTerm(norm: string): string | null {
  if (norm.length < 2 || STOP_WORDS.has(norm)) return null;
  if (DIGITS.test(norm)) return norm;
  const folded = ARABIC_LETTER.test(norm) ? stripArabicPrefix(norm) : foldEnglishPlural(norm);
  return STOP_WORDS.has(folded) ? null : folded;
}

/** Is `norm` (a token's normalised form) a stop word of English or Arabic? */
export function isStopWord(norm: string): boolean {
  return STOP_WORDS.has(norm);
}

function stripArabicPrefix(word: string): string {
  for (const prefix of ARABIC_PREFIXES) {
    if (word.startsWith(prefix) && word.length - prefix.length >= MIN_ARABIC_STEM) {
      return word.slice(prefix.length);
    }
  }
  return word;
}

/** Regular English plural → singular; irregular and short words are left alone. */
function foldEnglishPlural(word: string): string {
  if (word.length <= 3 || EN_S_KEEP.has(word) || !word.endsWith('s')) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ss|us|is|ous)$/.test(word)) return word;
  if (/(?:sses|shes|ches|xes|zzes)$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

function splitList(block: string): string[] {
  return block.split(/\s+/).filter((w) => w.length > 0);
}
