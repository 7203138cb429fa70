import type { Lang, Token } from '../types.js';
import { arabicCliticForms, arabicLaterWordForms, hasArabic, normalizeArabic } from './arabic.js';
import { FNV_OFFSET, FNV_PRIME, foldSimple, type TermVocabulary } from './terms.js';

/**
 * Tokenizer choice (measured on this machine, 2 shared cores, Node 20):
 * - wink-nlp + wink-eng-lite-web-model: ~4 MB/s tokens only, ~1.25 MB/s with sentences and lemmas;
 *   130 MB (the 50k-article target) would take 30–100 s for tokenizing alone, over the 30 s budget
 *   for the whole pipeline, and it does not handle Arabic.
 * - this Unicode regex with normalisation: 21–23 MB/s, and tokenize + lexicon matching 17 MB/s,
 *   measured once on 20 MB of the seed pages (half Arabic) with the bundled lexicons (950 terms then),
 *   one core of a shared machine; the same code path serves English and Arabic, and offsets are
 *   exact UTF-16 offsets by construction.
 * So: word tokens by Unicode class, and inflection tolerance at match time (`matchForms`) instead
 * of lemmas — the lexicon only needs the forms its terms use, which a suffix rule covers
 * (regime/regimes/regime's).
 *
 * A word: a letter or digit, then letters, digits and combining marks (Arabic harakat, tatweel);
 * an apostrophe between letters stays inside the word (`don’t`, `Kirby’s`) so it is neither a
 * token boundary nor, later, a quotation mark. As a regular expression (`WORD_PATTERN`; tests
 * check the scanner below against it). Scanned by hand over character classes because the
 * expression's matches cost ~270 ns a token, most of tokenizing's time (10k benchmark corpus,
 * 3.2M tokens: 0.83 s for the matches alone).
 */
export const WORD_PATTERN = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)*/gu;

const NONE = 1;
const LETTER = 2;
const MARK = 3;
const NUMBER = 4;
/** Flag on a class: the character is a surrogate pair (two code units). */
const ASTRAL = 8;
/** Class of each UTF-16 code unit, filled on first sight (0: not known yet). */
const classOfUnit = new Uint8Array(0x10000);
/** Class of each character beyond the BMP seen so far (a text of emoji must not test each one three times). */
const classOfAstral = new Map<number, number>();
const IS_LETTER = /^\p{L}$/u;
const IS_MARK = /^\p{M}$/u;
const IS_NUMBER = /^\p{N}$/u;

function classify(char: string): number {
  return IS_LETTER.test(char) ? LETTER : IS_MARK.test(char) ? MARK : IS_NUMBER.test(char) ? NUMBER : NONE;
}

/** The class of the character at `i`, with ASTRAL set when it is a surrogate pair. */
function classAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) {
      const point = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
      let astral = classOfAstral.get(point);
      if (astral === undefined) classOfAstral.set(point, (astral = classify(text.slice(i, i + 2))));
      return astral | ASTRAL;
    }
  }
  let cls = classOfUnit[code]!;
  if (cls === 0) classOfUnit[code] = cls = classify(String.fromCharCode(code));
  return cls;
}

/** Where the word starting at `start` (a letter or digit) ends. */
function wordEnd(text: string, start: number): number {
  const n = text.length;
  let i = start;
  while (i < n) {
    const cls = classAt(text, i);
    if ((cls & 7) === NONE) break;
    i += cls & ASTRAL ? 2 : 1;
  }
  // Apostrophe groups: an apostrophe, then at least one letter or mark (no digits).
  for (;;) {
    const code = text.charCodeAt(i);
    if (code !== 0x27 && code !== 0x2019) return i;
    let j = i + 1;
    while (j < n) {
      const cls = classAt(text, j);
      if ((cls & 7) !== LETTER && (cls & 7) !== MARK) break;
      j += cls & ASTRAL ? 2 : 1;
    }
    if (j === i + 1) return i;
    i = j;
  }
}

/** The start of the first word at or after `from`, or -1. */
function nextWordStart(text: string, from: number): number {
  for (let i = from; i < text.length; ) {
    const cls = classAt(text, i);
    if ((cls & 7) === LETTER || (cls & 7) === NUMBER) return i;
    i += cls & ASTRAL ? 2 : 1;
  }
  return -1;
}

/**
 * Split `text` into word tokens with exact offsets: `text.slice(t.start, t.end)` is the surface.
 * Punctuation is not a token (CONTRACT.md: tokens are letters and digits).
 */
export function tokenize(text: string, lang: Lang): Token[] {
  const tokens: Token[] = [];
  for (let start = nextWordStart(text, 0); start >= 0; start = nextWordStart(text, tokens[tokens.length - 1]!.end)) {
    const end = wordEnd(text, start);
    tokens.push({ start, end, norm: normalizeToken(text.slice(start, end), lang) });
  }
  return tokens;
}

/**
 * `tokenize` with each token's norm slot in `vocabulary` (`TermVocabulary.normSlot`), and each
 * token's `norm` the vocabulary's one copy of it. Same tokens and norms as `tokenize`; most
 * tokens are found from the text without making a string (`TermVocabulary.slotOfSpan`).
 */
export function tokenizeWithSlots(text: string, lang: Lang, vocabulary: TermVocabulary): { tokens: Token[]; slots: Int32Array } {
  const tokens: Token[] = [];
  const n = text.length;
  let slots = new Int32Array(Math.max(16, n >> 3));
  for (let start = nextWordStart(text, 0); start >= 0; start = nextWordStart(text, tokens[tokens.length - 1]!.end)) {
    // Most words are made only of characters that fold on their own (`foldSimple`): the scan for
    // the word's end hashes them on the way, for the vocabulary lookup. Any other character of the
    // word (an apostrophe, a mark, another script) sends it to the general scan below.
    // Scanning then hashing read each character twice: tokenizing the 10k benchmark texts (22 MB,
    // one thread, best of 7, three alternating pairs) took 1.06–1.17 s that way, 0.96–1.08 s this.
    let end = start;
    let hash = FNV_OFFSET;
    let code = 0;
    while (end < n) {
      code = text.charCodeAt(end);
      const folded = foldSimple(code);
      if (folded < 0) break;
      hash = Math.imul(hash ^ folded, FNV_PRIME);
      end += 1;
    }
    let slot: number;
    if (end === n || ((classAt(text, end) & 7) === NONE && code !== 0x27 && code !== 0x2019)) {
      slot = vocabulary.slotOfFoldedSpan(text, start, end, hash);
    } else {
      end = wordEnd(text, start);
      slot = vocabulary.slotOfSpan(text, start, end);
    }
    if (slot < 0) slot = vocabulary.normSlot(normalizeToken(text.slice(start, end), lang));
    if (tokens.length === slots.length) {
      const grown = new Int32Array(slots.length * 2);
      grown.set(slots);
      slots = grown;
    }
    slots[tokens.length] = slot;
    tokens.push({ start, end, norm: vocabulary.normAt(slot) });
  }
  return { tokens, slots: slots.slice(0, tokens.length) };
}

/**
 * The matching form of one surface word: lower case; typographic apostrophe as `'`; an English
 * possessive `'s` dropped (`Kiev’s` → `kiev`); Arabic folded (`normalizeArabic`).
 */
export function normalizeToken(surface: string, _lang: Lang): string {
  const lower = surface.toLowerCase();
  if (hasArabic(lower)) return normalizeArabic(lower);
  if (lower.includes('’') || lower.includes("'")) {
    const plain = lower.replace(/’/g, "'");
    return plain.endsWith("'s") && plain.length > 2 ? plain.slice(0, -2) : plain;
  }
  return lower;
}

/** Stems shorter than this are never produced by suffix stripping (`is` → `i`, `us` → `u`). */
const MIN_EN_STEM = 3;

/**
 * Forms a normalised token may stand for when matched against lexicon words: itself first, then
 * English regular inflections undone (-s, -es, -ies, -ed, -ied, -ing, doubled consonants:
 * `regimes` → `regime`, `militias` → `militia`, `shelled`/`shelling` → `shell`,
 * `annexed` → `annex`, `liberated` → `liberate`), or Arabic proclitics removed
 * (`arabicCliticForms`). Over-generation is harmless: only forms that are lexicon words match.
 */
export function matchForms(norm: string): string[] {
  if (hasArabic(norm)) return arabicCliticForms(norm);
  const forms = [norm];
  const add = (form: string): void => {
    if (form.length >= MIN_EN_STEM && !forms.includes(form)) forms.push(form);
  };
  if (norm.endsWith('ies')) add(`${norm.slice(0, -3)}y`);
  if (norm.endsWith('es')) add(norm.slice(0, -2));
  if (norm.endsWith('s') && !norm.endsWith('ss')) add(norm.slice(0, -1));
  if (norm.endsWith("s'")) add(norm.slice(0, -2));
  if (norm.endsWith('ied')) add(`${norm.slice(0, -3)}y`);
  if (norm.endsWith('ed')) addVerbStem(norm.slice(0, -2), add);
  if (norm.endsWith('ing')) addVerbStem(norm.slice(0, -3), add);
  return forms;
}

/**
 * Forms a normalised token may stand for as a term's later word (a term's first word takes
 * `matchForms`): English inflection undone as for a first word; Arabic with or without the article
 * and in either plural case (`arabicLaterWordForms`), other clitics attaching to the phrase's first
 * word. The matcher's rule (`Vocabulary.computeForms`, which reuses the first-word forms for English).
 */
export function laterWordForms(norm: string): string[] {
  return hasArabic(norm) ? arabicLaterWordForms(norm) : matchForms(norm);
}

/** `shell` + `ed`/`ing` → `shell`; `liberat` → `liberate`; `bomb` → `bomb`; `stopp` → `stop`. */
function addVerbStem(stem: string, add: (form: string) => void): void {
  add(stem);
  add(`${stem}e`);
  const n = stem.length;
  if (n >= 2 && stem[n - 1] === stem[n - 2]) add(stem.slice(0, -1));
}
