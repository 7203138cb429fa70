import type { Lang, Token } from '../types.js';
import { arabicCliticForms, hasArabic, normalizeArabic } from './arabic.js';

/**
 * Tokenizer choice (measured on this machine, 2 shared cores, Node 20):
 * - wink-nlp + wink-eng-lite-web-model: ~4 MB/s tokens only, ~1.25 MB/s with sentences and lemmas;
 *   130 MB (the 50k-article target) would take 30–100 s for tokenizing alone, over the 30 s budget
 *   for the whole pipeline, and it does not handle Arabic.
 * - this Unicode regex with normalisation: 21–23 MB/s, and tokenize + lexicon matching 17 MB/s,
 *   measured once on 20 MB of the seed pages (half Arabic) with the bundled lexicons (950 terms),
 *   one core of a shared machine; the same code path serves English and Arabic, and offsets are
 *   exact UTF-16 offsets by construction.
 * So: regex tokens, and inflection tolerance at match time (`matchForms`) instead of lemmas — the
 * lexicon only needs the forms its terms use, which a suffix rule covers (regime/regimes/regime's).
 *
 * A word: a letter or digit, then letters, digits and combining marks (Arabic harakat, tatweel);
 * an apostrophe between letters stays inside the word (`don’t`, `Kirby’s`) so it is neither a
 * token boundary nor, later, a quotation mark.
 */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)*/gu;

/**
 * Split `text` into word tokens with exact offsets: `text.slice(t.start, t.end)` is the surface.
 * Punctuation is not a token (CONTRACT.md: tokens are letters and digits).
 */
export function tokenize(text: string, lang: Lang): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const surface = m[0];
    tokens.push({ start: m.index, end: m.index + surface.length, norm: normalizeToken(surface, lang) });
  }
  return tokens;
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

/** `shell` + `ed`/`ing` → `shell`; `liberat` → `liberate`; `bomb` → `bomb`; `stopp` → `stop`. */
function addVerbStem(stem: string, add: (form: string) => void): void {
  add(stem);
  add(`${stem}e`);
  const n = stem.length;
  if (n >= 2 && stem[n - 1] === stem[n - 2]) add(stem.slice(0, -1));
}
