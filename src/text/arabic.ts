/**
 * Arabic normalisation and clitic handling for matching.
 * Folding rules follow common Arabic IR practice (Larkey, Ballesteros & Connell 2002, "light10";
 * Darwish & Magdy 2014, "Arabic Information Retrieval", §2.2 orthographic normalisation).
 */

/**
 * One pass over the word: harakat, tanween, shadda, sukun, dagger alef and Quranic marks
 * (U+0610–061A, 064B–065F, 0670, 06D6–06ED) and tatweel (U+0640) removed; the rest folded.
 * A single regex replace with a lookup is ~3× faster than chained replaces (profiled).
 */
const FOLD = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640أإآٱىة٠-٩۰-۹]/g;
const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;
const FOLDED: Record<string, string> = { 'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ة': 'ه' };

function foldChar(ch: string): string {
  const mapped = FOLDED[ch];
  if (mapped !== undefined) return mapped;
  const code = ch.charCodeAt(0);
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  return '';
}

/**
 * A final alef carrying tanween fath (`اً`, typed in either order), the indefinite accusative
 * ending (`غزواً` = `غزو` + accusative): it belongs to the case ending, not the word. Only taken off
 * when the tanween is written: a bare final alef is often part of the word (`روسيا`).
 */
const TANWEEN_FATH_ALEF = /(?:\u0627\u064B|\u064B\u0627)$/;

/**
 * Fold an Arabic word for matching: an accusative tanween alef off; no diacritics or tatweel;
 * alef, yaa and taa marbuta folded; Arabic-Indic digits to ASCII.
 */
export function normalizeArabic(word: string): string {
  const bare = word.includes('\u064B') ? word.replace(TANWEEN_FATH_ALEF, '') : word;
  return bare.replace(FOLD, foldChar);
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
 * Pronoun enclitics taken off a word's end, in normalised form, longest first: third person
 * (ها her/its — the pronoun of countries, which are feminine: غزوها "its invasion"; هم, هما, هن
 * them) and first and second plural (نا, كم). Left out on purpose: ه (his), which normalisation
 * makes the same letter as the feminine ending ة → ه, so stripping it would fold every feminine
 * noun onto its masculine (إرهابية → إرهابي) — after ت it is taken off only with the taa marbuta
 * restored (`arabicCliticForms`); ي (my), the same letter as the very common nisba
 * adjective ending (روسي, نظامي "regular"); ك (your), rare in news and the last letter of many
 * stems (بنك, ملك, شريك).
 */
const ENCLITICS = ['هما', 'هم', 'هن', 'ها', 'كم', 'نا'];
/** Letters that must remain before an enclitic (light10's length guard): غزوها → غزو, not هنا → ه. */
const MIN_STEM_BEFORE_ENCLITIC = 3;

/**
 * The forms a normalised Arabic token may take as a later word of a term: itself, and itself with
 * the definite article added or taken off (`محتله` ↔ `المحتله`); each also with the other case of
 * a sound masculine plural (`pluralCaseForms`). Why: the second word of an adjective phrase or a
 * construct (idafa) carries the article exactly when the phrase is definite — الأراضي المحتلة "the
 * occupied territories", مناطق محتلة "occupied regions"; جرائم الحرب, جرائم حرب "war crimes" — and
 * its plural ending follows the phrase's case (رعاة الغربيين, رعاته الغربيون "its Western
 * sponsors"); neither is part of a frame. The first word's article is already optional
 * (`arabicCliticForms`). Other clitics stay on the first word only: a proclitic attaches to the
 * phrase, a pronoun suffix ends it. A remainder must keep two letters after `ال` (light10's
 * guard, as for the first word).
 */
export function arabicLaterWordForms(norm: string): string[] {
  const bare = withoutArticle(norm);
  const forms = [norm];
  if (!norm.startsWith('ال')) forms.push(`ال${norm}`);
  else if (bare !== norm) forms.push(bare);
  for (const form of [...forms]) for (const other of pluralCaseForms(form)) if (!forms.includes(other)) forms.push(other);
  return forms;
}

/**
 * A later word as `arabicLaterWordForms` treats it — without its article, a plural in ون as in
 * ين — so `الغربيون`, `غربيين` and `الغربيين` give one key.
 */
export function arabicLaterWordKey(norm: string): string {
  return arabicPluralKey(withoutArticle(norm));
}

/** The word without its article `ال`, when two letters remain (light10's guard); else the word. */
function withoutArticle(norm: string): string {
  return norm.startsWith('ال') && norm.length - 2 >= MIN_STEM_AFTER_ARTICLE ? norm.slice(2) : norm;
}

/** A word whose sound masculine plural ending is read either way, in ين: `محتلون` and `محتلين` give one key. */
export function arabicPluralKey(norm: string): string {
  return norm.endsWith('ون') && stemBeforeEnding(norm, 2) >= MIN_PLURAL_STEM ? `${norm.slice(0, -2)}ين` : norm;
}

/**
 * Letters a sound masculine plural keeps before its ending: مسلح in مسلحون. Three, so that short
 * words that merely end in the same letters (دين "religion", بين "between", عيون "eyes") are not
 * read as plurals.
 */
const MIN_PLURAL_STEM = 3;

/** Letters of `form` before its last `ending` letters, not counting an article. */
function stemBeforeEnding(form: string, ending: number): number {
  return form.length - ending - (form.startsWith('ال') ? 2 : 0);
}

/**
 * The other case of a sound masculine plural: nominative ون ↔ accusative/genitive ين
 * (المحتلون ↔ المحتلين). Nouns and adjectives of this plural take either ending by their place in
 * the sentence, and a lexicon lists one. Only forms the lexicon knows are kept by the caller, so a
 * word that merely ends in ين (فلسطين) costs one failed lookup.
 */
function pluralCaseForms(form: string): string[] {
  if (stemBeforeEnding(form, 2) < MIN_PLURAL_STEM) return [];
  if (form.endsWith('ين')) return [`${form.slice(0, -2)}ون`];
  if (form.endsWith('ون')) return [`${form.slice(0, -2)}ين`];
  return [];
}

/**
 * The forms a normalised Arabic token may take once its clitics are removed: the token itself,
 * each proclitic-stripped remainder, for article-bearing prefixes the remainder with `ال` put back
 * (`والنظام` → `نظام`, `النظام`), and — when the word has no article, which a pronoun suffix
 * never follows — each of these without a pronoun enclitic, a taa marbuta that the suffix had
 * turned into ت restored (`وحكومتها` → `حكومه`, i.e. حكومة; for ه "his/its" only that restored
 * form: `حكومته` → `حكومه`); a sound masculine plural in construct given its ن back (`مسلحي` →
 * `مسلحين`); and every form that is such a plural in its other case (`pluralCaseForms`). The
 * caller keeps only forms the lexicon knows, so a word whose first or last letters merely look
 * like a clitic is never split unless the lexicon has the shorter word.
 */
export function arabicCliticForms(norm: string): string[] {
  const forms = [norm];
  const add = (form: string): void => {
    if (!forms.includes(form)) forms.push(form);
  };
  const bare = [norm];
  let definite = false;
  for (const clitic of PROCLITICS) {
    if (!norm.startsWith(clitic)) continue;
    const rest = norm.slice(clitic.length);
    const withArticle = clitic.endsWith('ال') || clitic.endsWith('لل');
    const min = withArticle ? MIN_STEM_AFTER_ARTICLE : MIN_STEM_AFTER_LETTER;
    if (rest.length < min) continue;
    add(rest);
    if (withArticle) {
      add(`ال${rest}`);
      definite = true;
    } else bare.push(rest);
  }
  if (!definite) {
    const stems: string[] = [];
    for (const form of bare) {
      for (const enclitic of ENCLITICS) {
        if (!form.endsWith(enclitic) || form.length - enclitic.length < MIN_STEM_BEFORE_ENCLITIC) continue;
        const stem = form.slice(0, -enclitic.length);
        add(stem);
        stems.push(stem);
        if (stem.endsWith('ت')) add(`${stem.slice(0, -1)}ه`);
      }
      // ه "his/its" on a word whose taa marbuta it turned into ت: رعاته → رعاة, حكومته → حكومة.
      // Only the restored word is offered — never the word without ه, which would fold a
      // feminine ending (ة → ه) onto the masculine (see ENCLITICS).
      if (form.endsWith('ته') && form.length - 2 >= MIN_STEM_BEFORE_ENCLITIC) add(`${form.slice(0, -2)}ه`);
    }
    // A sound masculine plural in construct (before a noun or a pronoun suffix) loses its ن:
    // مسلحي هيئة تحرير الشام "the militants of HTS", محتلوها "its occupiers".
    for (const form of [...bare, ...stems]) {
      if ((form.endsWith('ي') || form.endsWith('و')) && form.length - 1 >= MIN_PLURAL_STEM) add(`${form}ن`);
    }
  }
  for (const form of [...forms]) for (const other of pluralCaseForms(form)) add(other);
  return forms;
}
