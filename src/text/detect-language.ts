/**
 * Language of a text: by script first (Arabic, Cyrillic, Greek, Hebrew, CJK), then, for Latin
 * script, by the share of each language's most frequent function words (the stop-word profile
 * method; cf. Grefenstette 1995, "Comparing two language identification schemes").
 * Undecidable text is `{ lang: 'und', confidence: 0 }` (franc's sentinel), never a guess.
 */
import type { Lang } from '../types.js';

/** Function words per language: frequent, short, and rarely shared between these languages. */
export const STOP_WORDS: Record<string, readonly string[]> = {
  en: ['the', 'a', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'with', 'was', 'on', 'as', 'by', 'it', 'are', 'from', 'has', 'he', 'his', 'have', 'this', 'be', 'said', 'were', 'which', 'at', 'not', 'but', 'an', 'its'],
  fr: ['le', 'la', 'les', 'de', 'des', 'du', 'et', 'est', 'dans', 'un', 'une', 'que', 'qui', 'pour', 'pas', 'sur', 'au', 'aux', 'avec', 'ce', 'il', 'elle', 'sont', 'ont', 'par', 'plus', 'été', 'mais', 'ou', 'nous'],
  es: ['el', 'la', 'los', 'las', 'de', 'del', 'y', 'que', 'en', 'un', 'una', 'por', 'con', 'para', 'es', 'se', 'no', 'lo', 'su', 'al', 'como', 'más', 'pero', 'sus', 'fue', 'ha', 'este', 'esta', 'son', 'también'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'ein', 'eine', 'den', 'dem', 'des', 'zu', 'mit', 'sich', 'auf', 'für', 'von', 'im', 'auch', 'es', 'wird', 'sie', 'wie', 'bei', 'nach', 'aus', 'hat', 'werden', 'oder', 'noch'],
  it: ['il', 'di', 'che', 'la', 'le', 'gli', 'del', 'della', 'per', 'un', 'una', 'con', 'non', 'sono', 'è', 'da', 'nel', 'nella', 'al', 'alla', 'anche', 'come', 'più', 'ha', 'dei', 'delle', 'si', 'ma', 'questo', 'ed'],
  pt: ['o', 'a', 'os', 'as', 'de', 'do', 'da', 'dos', 'das', 'e', 'que', 'em', 'um', 'uma', 'para', 'com', 'não', 'por', 'no', 'na', 'se', 'mais', 'foi', 'ao', 'como', 'mas', 'são', 'à', 'pelo', 'pela'],
};
/** Below this many Latin words the profile is too thin to tell languages apart. */
const MIN_WORDS = 3;
/** The winner's stop-word share must beat the runner-up by this factor to be trusted. */
const MARGIN = 1.3;

const LANGS = Object.keys(STOP_WORDS);
/** Stop word → indexes (in LANGS) of the languages listing it: one lookup per word for all languages. */
const LANGS_OF_WORD = new Map<string, number[]>();
LANGS.forEach((lang, k) => {
  for (const w of STOP_WORDS[lang]!) LANGS_OF_WORD.set(w, [...(LANGS_OF_WORD.get(w) ?? []), k]);
});
const LONGEST_STOP_WORD = Math.max(...[...LANGS_OF_WORD.keys()].map((w) => w.length));
/** Per BMP code unit, filled on first sight: 1 when it is a letter (`\p{L}`), 0 when not, 0xff unknown yet. */
const BMP_LETTER = new Uint8Array(0x10000).fill(0xff);

/** Detect the language of a text. Confidence is in [0, 1]; `und` with 0 when unsure. */
export function detectLanguage(text: string): { lang: Lang; confidence: number } {
  const counts = countScripts(text);
  const letters = counts.total;
  if (letters === 0) return { lang: 'und', confidence: 0 };
  const [script, n] = [...counts.byScript].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  const share = n / letters;
  if (script === 'arabic') return { lang: counts.persian > n * 0.02 ? 'fa' : 'ar', confidence: round(share) };
  if (script === 'cyrillic') return { lang: counts.ukrainian > n * 0.01 ? 'uk' : 'ru', confidence: round(share) };
  if (script === 'greek') return { lang: 'el', confidence: round(share) };
  if (script === 'hebrew') return { lang: 'he', confidence: round(share) };
  if (script === 'kana') return { lang: 'ja', confidence: round(share) };
  if (script === 'han') return { lang: counts.byScript.get('kana') ? 'ja' : 'zh', confidence: round(share) };
  if (script === 'hangul') return { lang: 'ko', confidence: round(share) };
  if (script === 'latin') return detectLatin(text, share);
  return { lang: 'und', confidence: 0 };
}

function detectLatin(text: string, scriptShare: number): { lang: Lang; confidence: number } {
  // The words are the letter runs (`\p{L}+`) of the lowered text, scanned once for all languages;
  // only runs short enough to be a stop word are cut out (the word array was most of this function's time).
  const lower = text.toLowerCase();
  const hits = new Array<number>(LANGS.length).fill(0);
  let words = 0;
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const cp = i < lower.length ? lower.codePointAt(i)! : 0;
    if (i < lower.length && isLetter(cp)) {
      if (start < 0) start = i;
      if (cp > 0xffff) i++;
      continue;
    }
    if (start >= 0) {
      words++;
      const langs = i - start <= LONGEST_STOP_WORD && !isElidedLetter(lower, start, i) ? LANGS_OF_WORD.get(lower.slice(start, i)) : undefined;
      if (langs) for (const k of langs) hits[k]!++;
      start = -1;
    }
  }
  if (words < MIN_WORDS) return { lang: 'und', confidence: 0 };
  const scores: [string, number][] = LANGS.map((lang, k) => [lang, hits[k]! / words]);
  scores.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const [best, second] = scores;
  if (!best || best[1] === 0) return { lang: 'und', confidence: 0 };
  const ratio = second && second[1] > 0 ? best[1] / second[1] : Infinity;
  if (ratio < MARGIN) return { lang: 'und', confidence: 0 };
  // Confidence: how clearly it wins (ratio) times how much of the text is Latin script.
  const clarity = ratio === Infinity ? 1 : Math.min(1, (ratio - 1) / 2);
  return { lang: best[0], confidence: round(Math.max(0.01, clarity * scriptShare)) };
}

/**
 * A lone letter joined by an apostrophe to the word after it (`O'Brien`, `d'un`, `l'homme`): part
 * of a name or an elision, not the stop word it spells (Portuguese "o" in every O'Brien made an
 * English brief Portuguese).
 */
function isElidedLetter(text: string, start: number, end: number): boolean {
  if (end - start !== 1) return false;
  const next = text.charCodeAt(end);
  return (next === 0x27 || next === 0x2019) && end + 1 < text.length && isLetter(text.codePointAt(end + 1)!);
}

interface ScriptCounts {
  total: number;
  /** Letters per script, in first-seen order (the stable sort that picks the main script keeps it on ties). */
  byScript: Map<string, number>;
  persian: number;
  ukrainian: number;
}

/** Scripts told apart, by index; counted in an array, then listed in first-seen order. */
const SCRIPTS = ['latin', 'arabic', 'cyrillic', 'greek', 'hebrew', 'kana', 'han', 'hangul', 'other'] as const;
const LATIN = 0;
const ARABIC = 1;
const CYRILLIC = 2;

/**
 * Letters per script, with a charCode loop, a letter table and an array of counters: the
 * code-point iteration with a regex per character it replaces made detectLanguage 15% of
 * cleaning time (bench/ingest.ts).
 */
function countScripts(text: string): ScriptCounts {
  const counts = new Array<number>(SCRIPTS.length).fill(0);
  const order: number[] = [];
  let persian = 0;
  let ukrainian = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let script: number;
    if (unit < 0x80) {
      const lower = unit | 0x20;
      if (lower < 97 || lower > 122) continue;
      script = LATIN;
    } else {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      script = scriptOf(cp);
      if (script < 0) continue;
      // Persian letters are all Arabic script, Ukrainian ones Cyrillic: only those letters are looked up.
      if (script === ARABIC && PERSIAN_LETTERS.includes(cp)) persian++;
      else if (script === CYRILLIC && UKRAINIAN_LETTERS.includes(cp)) ukrainian++;
    }
    if (counts[script]!++ === 0) order.push(script);
  }
  const byScript = new Map(order.map((k) => [SCRIPTS[k]!, counts[k]!] as [string, number]));
  return { total: counts.reduce((a, b) => a + b, 0), byScript, persian, ukrainian };
}

/** Letters only Persian uses among Arabic-script languages: پ چ ژ گ ک. */
const PERSIAN_LETTERS = [...'پچژگک'].map((ch) => ch.codePointAt(0)!);
/** Letters only Ukrainian uses among Cyrillic-script languages: і ї є ґ (both cases). */
const UKRAINIAN_LETTERS = [...'іїєґІЇЄҐ'].map((ch) => ch.codePointAt(0)!);

/** `\p{L}` by a table remembered per BMP character (text uses a few hundred distinct ones). */
function isLetter(cp: number): boolean {
  if (cp > 0xffff) return /\p{L}/u.test(String.fromCodePoint(cp));
  let known = BMP_LETTER[cp]!;
  if (known === 0xff) known = BMP_LETTER[cp] = /\p{L}/u.test(String.fromCharCode(cp)) ? 1 : 0;
  return known === 1;
}

/** Script (index in SCRIPTS) of a non-ASCII code point, -1 when not a letter: code-point ranges for the common scripts, else by property. */
function scriptOf(c: number): number {
  if ((c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0xfb50 && c <= 0xfeff)) {
    return isLetter(c) ? ARABIC : -1;
  }
  if (!isLetter(c)) return -1;
  if (c <= 0x024f || (c >= 0x1e00 && c <= 0x1eff)) return LATIN;
  if (c >= 0x0400 && c <= 0x052f) return CYRILLIC;
  if (c >= 0x0370 && c <= 0x03ff) return SCRIPTS.indexOf('greek');
  if (c >= 0x0590 && c <= 0x05ff) return SCRIPTS.indexOf('hebrew');
  const ch = String.fromCodePoint(c);
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(ch)) return SCRIPTS.indexOf('kana');
  if (/\p{Script=Han}/u.test(ch)) return SCRIPTS.indexOf('han');
  if (/\p{Script=Hangul}/u.test(ch)) return SCRIPTS.indexOf('hangul');
  if (/\p{Script=Arabic}/u.test(ch)) return ARABIC;
  return SCRIPTS.indexOf('other');
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
