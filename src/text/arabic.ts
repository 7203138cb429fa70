/**
 * Arabic normalisation and proclitic handling for matching.
 * Folding rules follow common Arabic IR practice (Larkey, Ballesteros & Connell 2002, "light10";
 * Darwish & Magdy 2014, "Arabic Information Retrieval", §2.2 orthographic normalisation).
 */

/** Harakat, tanween, shadda, sukun, dagger alef, Quranic marks: removed for matching. */
const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/g;
const TATWEEL = /\u0640/g;
const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;

/** Fold an Arabic word for matching: no diacritics or tatweel; alef, yaa and taa marbuta folded; Arabic-Indic digits to ASCII. */
export function normalizeArabic(word: string): string {
  return word
    .replace(DIACRITICS, '')
    .replace(TATWEEL, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}

/** True when `text` holds an Arabic-script character. */
export function hasArabic(text: string): boolean {
  return ARABIC_LETTER.test(text);
}

/**
 * Proclitic clusters (conjunction و/ف, preposition ب/ك/ل, article ال and their combinations), in
 * normalised form, longest first so `وال` is tried before `و`. `لل` is `ل` + `ال` with the alef
 * elided (للنظام = ل + النظام).
 */
const PROCLITICS = [
  'وبال', 'فبال', 'وكال', 'فكال', 'ولل', 'فلل',
  'وال', 'فال', 'بال', 'كال', 'لل',
  'وب', 'فب', 'وك', 'فك', 'ول', 'فل',
  'ال', 'و', 'ف', 'ب', 'ك', 'ل',
];
/**
 * Stem guards: what must remain after stripping. A one-letter proclitic needs a three-letter
 * remainder (so `وزير`, `بيت`, `كيف` are not split); a cluster with the article needs two
 * (light10's rule for `ال`-prefixes).
 */
const MIN_STEM_AFTER_LETTER = 3;
const MIN_STEM_AFTER_ARTICLE = 2;

/**
 * The forms a normalised Arabic token may take once proclitics are removed: the token itself, each
 * clitic-stripped remainder, and for article-bearing prefixes the remainder with `ال` put back
 * (`والنظام` → `نظام`, `النظام`). The caller keeps only forms the lexicon knows, so a word whose
 * first letter merely looks like a clitic is never split unless the lexicon has the shorter word.
 */
export function arabicCliticForms(norm: string): string[] {
  const forms = [norm];
  for (const clitic of PROCLITICS) {
    if (!norm.startsWith(clitic)) continue;
    const rest = norm.slice(clitic.length);
    const withArticle = clitic.endsWith('ال') || clitic.endsWith('لل');
    const min = withArticle ? MIN_STEM_AFTER_ARTICLE : MIN_STEM_AFTER_LETTER;
    if (rest.length < min) continue;
    if (!forms.includes(rest)) forms.push(rest);
    if (withArticle) {
      const definite = `ال${rest}`;
      if (!forms.includes(definite)) forms.push(definite);
    }
  }
  return forms;
}
