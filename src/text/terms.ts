import type { Lang, Token } from '../types.js';

/** A small first stop list; replaced by fuller per-language lists with the clustering work. */
const STOP_WORDS = new Set(
  'the a an and or of to in on at for by with from as is are was were be been it its this that these those he she they we you i his her their our not no but if than then so said says'.split(' '),
);

/**
 * Content-term counts of one article: normalised unigrams without stop words, and bigrams of
 * adjacent content words joined by a space. Used by keyness and event clustering.
 */
export function contentTerms(tokens: readonly Token[], _lang: Lang): Map<string, number> {
  const counts = new Map<string, number>();
  let previous: string | null = null;
  for (const token of tokens) {
    const word = token.norm;
    if (STOP_WORDS.has(word) || word.length < 2) {
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
