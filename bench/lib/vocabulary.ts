/**
 * Zipf-distributed vocabularies: real words at the head (by rank), generated pseudo-words for the
 * long tail. The tail grows with the corpus (Heaps' law: real corpora keep meeting new words), so
 * a 50k-article corpus has a few hundred thousand types, as news archives of that size do.
 */
import { createZipfSampler } from './prng.js';
import type { Random } from './prng.js';

export type BenchLang = 'en' | 'ar';

export interface Vocabulary {
  /** One word drawn by Zipf rank. */
  draw(random: Random): string;
  /** One word with rank in [from, to): content words, skipping the function-word head. */
  drawBetween(random: Random, from: number, to: number): string;
  size: number;
}

/** Exponent 1.0: the classic Zipf slope of running text (Piantadosi 2014 finds ≈ 1 for English). */
const ZIPF_EXPONENT = 1.0;

const LATIN_ONSETS = ['b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'sh'];
const LATIN_NUCLEI = ['a', 'e', 'i', 'o', 'u'];
const ARABIC_ONSETS = ['ب', 'د', 'ف', 'غ', 'ه', 'ك', 'ل', 'م', 'ن', 'ق', 'ر', 'س', 'ت', 'ط', 'ز', 'ش'];
const ARABIC_NUCLEI = ['ا', 'ي', 'و', '', 'ن'];
/** 16 × 5 = 80 syllables per script, index-aligned so a name reads the same in both. */
export const SYLLABLE_COUNT = LATIN_ONSETS.length * LATIN_NUCLEI.length;

/** The syllable `index` written in `lang`'s script. */
export function syllable(index: number, lang: BenchLang): string {
  const onset = Math.floor(index / LATIN_NUCLEI.length) % LATIN_ONSETS.length;
  const nucleus = index % LATIN_NUCLEI.length;
  return lang === 'en' ? `${LATIN_ONSETS[onset]}${LATIN_NUCLEI[nucleus]}` : `${ARABIC_ONSETS[onset]}${ARABIC_NUCLEI[nucleus]}`;
}

/** The digits of `n` in base SYLLABLE_COUNT, at least `minLength` of them. */
export function syllableDigits(n: number, minLength: number): number[] {
  const digits: number[] = [];
  let rest = n;
  do {
    digits.push(rest % SYLLABLE_COUNT);
    rest = Math.floor(rest / SYLLABLE_COUNT);
  } while (rest > 0 || digits.length < minLength);
  return digits;
}

/** Write syllable digits as one word in `lang`'s script. */
export function spell(digits: readonly number[], lang: BenchLang): string {
  return digits.map((digit) => syllable(digit, lang)).join('');
}

/** A capitalised proper name in both scripts from the same syllables (a transliteration pair). */
export function makeName(random: Random, syllables: number): { en: string; ar: string } {
  const digits = Array.from({ length: syllables }, () => Math.floor(random() * SYLLABLE_COUNT));
  const en = spell(digits, 'en');
  return { en: en.charAt(0).toUpperCase() + en.slice(1), ar: spell(digits, 'ar') };
}

/**
 * Share of running words drawn from the pseudo-word tail. In English news the few thousand most
 * common words cover about 90% of tokens; the rest are names, rare words and new coinages.
 */
const TAIL_SHARE = 0.1;

/**
 * A vocabulary of `size` ranks: `realWords` first, then pseudo-words. Draws are Zipf over the
 * real words 90% of the time and Zipf over the tail otherwise, so the tail adds types without
 * swamping the text. Pseudo-word `i` is a pure function of `i`: nothing is stored in full.
 */
export function createVocabulary(realWords: readonly string[], lang: BenchLang, size: number): Vocabulary {
  const head = realWords.length;
  const total = Math.max(size, head + 1);
  const sampleHead = createZipfSampler(head, ZIPF_EXPONENT);
  const sampleTail = createZipfSampler(total - head, ZIPF_EXPONENT);
  const tail = new Map<number, string>();
  const wordAt = (rank: number): string => {
    if (rank < head) return realWords[rank] as string;
    let word = tail.get(rank);
    if (word === undefined) {
      // Offset by 80² so every pseudo-word has at least three syllables and reads as a word.
      word = spell(syllableDigits(rank - head + SYLLABLE_COUNT * SYLLABLE_COUNT, 3), lang);
      tail.set(rank, word);
    }
    return word;
  };
  return {
    size: total,
    draw: (random) => (random() < TAIL_SHARE ? wordAt(head + sampleTail(random)) : wordAt(sampleHead(random))),
    drawBetween: (random, from, to) => wordAt(from + Math.floor(random() * (Math.min(to, total) - from))),
  };
}
