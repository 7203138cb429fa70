/**
 * Arabic normalisation for matching (first version; deepened by the lexicon-engine work).
 * Folding rules follow common Arabic IR practice (Larkey, Ballesteros & Connell 2002, "light10").
 */

/** Harakat, tanween, shadda, sukun, dagger alef, Quranic marks: removed for matching. */
const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/g;
const TATWEEL = /\u0640/g;

/** Fold an Arabic word for matching: no diacritics or tatweel; alef, yaa and taa marbuta folded. */
export function normalizeArabic(word: string): string {
  return word
    .replace(DIACRITICS, '')
    .replace(TATWEEL, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}
