import type { Lang, TermCounts, Token } from '../types.js';
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
 * Corpus vocabulary of content words: each distinct word gets a small integer id once per run,
 * so per-article term counts are typed arrays of ids instead of `Map<string, number>`s.
 * Measured on the 10k benchmark corpus: the maps held ~180 MB of heap (bigram strings above
 * all); ids and counts hold 12 bytes per distinct term of an article.
 * Append-only: an id never changes once given, so analyses made earlier stay valid.
 */
export class TermVocabulary {
  private readonly idOf = new Map<string, number>();
  /** Word per id. */
  readonly words: string[] = [];
  /** Distinct token norms seen, in first-seen order (the incremental cache's index of the corpus). */
  readonly norms: string[] = [];
  /**
   * Open-addressing hash table over the norms (linear probing on `hashNorm`): per bucket, the
   * norm's hash and slot + 1 side by side (0 when empty), so a probe reads one cache line. A Map
   * would need the norm as a string; this table also answers for a span of the text
   * (`slotOfSpan`) without making one.
   */
  private buckets = new Int32Array(2 * 4096);
  /** The code units of every norm, one after the other: norm `slot` is `[normStart[slot], normStart[slot + 1])`. */
  private normChars = new Uint16Array(16384);
  private normStart = new Int32Array(1025);
  /** Per norm slot: the id of its content form, or -1 (stop word, too short). */
  private normContent = new Int32Array(1024);
  /** Per norm slot: `hashNorm(norm)`. */
  private normHash = new Uint32Array(1024);
  /** Per norm slot: the stamp of the last article it was seen in (`markSeen`). */
  private seenIn = new Int32Array(1024);
  private articleStamp = 0;
  /** Per word id: the stamp of the last article it was counted in, and its position there (`wordPositionIn`). */
  private wordSeenIn = new Int32Array(1024);
  private wordPosition = new Int32Array(1024);

  /**
   * The norm slot of a token norm, with its content id (`foldTerm` + `intern`) and hash made once:
   * one lookup per token instead of the stop-word, digit and script tests, the folding and a
   * second lookup (~15% of matching on the 50k benchmark corpus).
   */
  normSlot(norm: string): number {
    const hash = hashNorm(norm) | 0;
    const mask = (this.buckets.length >> 1) - 1;
    for (let b = hash & mask; ; b = (b + 1) & mask) {
      const entry = this.buckets[2 * b + 1]!;
      if (entry === 0) return this.addNorm(norm, hash >>> 0, b);
      if (this.buckets[2 * b] === hash && this.norms[entry - 1] === norm) return entry - 1;
    }
  }

  /**
   * The norm slot of the token `text[start, end)` when its norm is the token with each character
   * folded on its own — ASCII letters and digits (upper case lowered) and Arabic letters U+0621–
   * U+064A other than tatweel (alef forms, alef maqsura and taa marbuta folded), which is what
   * `normalizeToken` gives for such a token — found without making the token or its norm a string.
   * -1 when the token has another character (apostrophe, diacritic, other script: the caller
   * takes `normalizeToken` and `normSlot`) or its norm is not in the table yet.
   *
   * Why: making two strings per token (surface and norm) and hashing the norm in a Map was a third
   * of matching (profile of the 10k benchmark corpus); almost every token of a run repeats a norm
   * seen before. The norms' characters are compared in one typed array rather than in their
   * strings: the string objects are scattered over the heap, and reading them was most of the
   * lookup's time (line ticks of a profile).
   */
  slotOfSpan(text: string, start: number, end: number): number {
    let hash = FNV_OFFSET;
    for (let k = start; k < end; k++) {
      const folded = foldSimple(text.charCodeAt(k));
      if (folded < 0) return -1;
      hash = Math.imul(hash ^ folded, FNV_PRIME);
    }
    return this.slotOfFoldedSpan(text, start, end, hash);
  }

  /**
   * `slotOfSpan` for a span already known to fold character by character, with `hash` its
   * folded characters' `hashNorm` (as a signed 32-bit integer): what the tokenizer computes while
   * it finds the word's end (`tokenizeWithSlots`).
   */
  slotOfFoldedSpan(text: string, start: number, end: number, hash: number): number {
    const length = end - start;
    const mask = (this.buckets.length >> 1) - 1;
    for (let b = hash & mask; ; b = (b + 1) & mask) {
      const entry = this.buckets[2 * b + 1]!;
      if (entry === 0) return -1;
      if (this.buckets[2 * b] !== hash) continue;
      const from = this.normStart[entry - 1]!;
      if (this.normStart[entry]! - from !== length) continue;
      let k = 0;
      while (k < length && this.normChars[from + k] === foldSimple(text.charCodeAt(start + k))) k++;
      if (k === length) return entry - 1;
    }
  }

  /** A number no earlier article was given, for `markSeen`. */
  nextArticleStamp(): number {
    return ++this.articleStamp;
  }

  /** Mark the norm in `slot` as seen in the article stamped `stamp`; false when it already was. */
  markSeen(slot: number, stamp: number): boolean {
    if (this.seenIn[slot] === stamp) return false;
    this.seenIn[slot] = stamp;
    return true;
  }

  /**
   * The position of word `id` among the distinct words of the article stamped `stamp`: its earlier
   * one, or `next` (recorded as its position) when the article has not had it yet.
   */
  wordPositionIn(id: number, stamp: number, next: number): number {
    if (this.wordSeenIn.length <= id) {
      const size = Math.max(2 * this.wordSeenIn.length, id + 1);
      this.wordSeenIn = growTo(this.wordSeenIn, new Int32Array(size));
      this.wordPosition = growTo(this.wordPosition, new Int32Array(size));
    }
    if (this.wordSeenIn[id] === stamp) return this.wordPosition[id]!;
    this.wordSeenIn[id] = stamp;
    this.wordPosition[id] = next;
    return next;
  }

  /** The norm in `slot` (one shared string per distinct norm). */
  normAt(slot: number): string {
    return this.norms[slot]!;
  }

  private addNorm(norm: string, hash: number, bucket: number): number {
    const slot = this.norms.length;
    if (slot === this.normContent.length) {
      this.normContent = growTo(this.normContent, new Int32Array(slot * 2));
      this.normHash = growTo(this.normHash, new Uint32Array(slot * 2));
      this.normStart = growTo(this.normStart, new Int32Array(slot * 2 + 1));
      this.seenIn = growTo(this.seenIn, new Int32Array(slot * 2));
    }
    const from = this.normStart[slot]!;
    if (from + norm.length > this.normChars.length) {
      this.normChars = growTo(this.normChars, new Uint16Array(Math.max(2 * this.normChars.length, from + norm.length)));
    }
    for (let k = 0; k < norm.length; k++) this.normChars[from + k] = norm.charCodeAt(k);
    this.normStart[slot + 1] = from + norm.length;
    // Kept as a string of its own, made from the packed characters: a norm cut from an article's
    // text can be a slice that keeps the whole text alive (V8 slices strings of 13 characters or
    // more), and a run's vocabulary would then hold every text that brought it a new word.
    const own = stringOf(this.normChars.subarray(from, from + norm.length));
    const word = foldTerm(own);
    this.normContent[slot] = word === null ? -1 : this.intern(word);
    this.normHash[slot] = hash;
    this.norms.push(own);
    this.buckets[2 * bucket] = hash | 0;
    this.buckets[2 * bucket + 1] = slot + 1;
    // Kept at most half full, so probes stay short.
    if (4 * this.norms.length > this.buckets.length) this.rehash();
    return slot;
  }

  private rehash(): void {
    const buckets = new Int32Array(this.buckets.length * 2);
    const mask = (buckets.length >> 1) - 1;
    for (let slot = 0; slot < this.norms.length; slot++) {
      const hash = this.normHash[slot]! | 0;
      let b = hash & mask;
      while (buckets[2 * b + 1] !== 0) b = (b + 1) & mask;
      buckets[2 * b] = hash;
      buckets[2 * b + 1] = slot + 1;
    }
    this.buckets = buckets;
  }

  /** `normSlot` of every token, in order. */
  slotsOf(tokens: readonly Token[]): Int32Array {
    const slots = new Int32Array(tokens.length);
    for (let t = 0; t < tokens.length; t++) slots[t] = this.normSlot(tokens[t]!.norm);
    return slots;
  }

  /** The id of the content form of the norm in `slot`, or -1 when it has none (stop word, too short). */
  contentIdAt(slot: number): number {
    return this.normContent[slot] ?? -1;
  }

  /** `hashNorm` of the norm in `slot`. */
  hashAt(slot: number): number {
    return this.normHash[slot] ?? 0;
  }

  /** The id of `word`, given now if it has none yet. */
  intern(word: string): number {
    let id = this.idOf.get(word);
    if (id === undefined) {
      id = this.words.length;
      if (id >= BIGRAM_BASE) throw new Error(`term vocabulary: more than ${BIGRAM_BASE} distinct words`);
      this.idOf.set(word, id);
      this.words.push(word);
    }
    return id;
  }

  /** The id of `word`, or undefined when the corpus never had it. */
  lookup(word: string): number | undefined {
    return this.idOf.get(word);
  }

  /** The term a key stands for: a word, or two words joined by a space (a bigram). */
  termOf(key: number): string {
    return spellTerm(this.words, key);
  }
}

/** The term a key stands for, over a vocabulary's words in id order (`TermVocabulary.words`). */
export function spellTerm(words: readonly string[], key: number): string {
  if (key < BIGRAM_BASE) return words[key] ?? '';
  const first = firstOfBigram(key);
  return `${words[first] ?? ''} ${words[secondOfBigram(key, first)] ?? ''}`;
}

/**
 * Word ids stay below this; a bigram (first, second) is the key `(first + 1) · BIGRAM_BASE +
 * second`, below 2^53, so every term of an article is one exact float and bigram strings are
 * never built (most bigrams of a corpus occur once).
 */
export const BIGRAM_BASE = 2 ** 26;

/**
 * A number per term key that sorts keys as their spelled terms sort in code-unit order (a word
 * before every bigram it starts; `a b` before `ab`, since a space sorts before any word
 * character), without spelling a bigram: `rank(first) · (W + 1) + (bigram ? rank(second) + 1 : 0)`
 * over the word ranks, below 2^53 for W < 2^26 words. Keys of words added to the vocabulary
 * afterwards have no rank; ask again after the last word is in.
 */
export function termOrder(vocabulary: TermVocabulary): (key: number) => number {
  const words = vocabulary.words;
  const byWord = Uint32Array.from(words, (_, id) => id).sort((x, y) => {
    const a = words[x] ?? '';
    const b = words[y] ?? '';
    return a < b ? -1 : a > b ? 1 : 0;
  });
  const rank = new Uint32Array(words.length);
  byWord.forEach((id, r) => (rank[id] = r));
  const stride = words.length + 1;
  return (key) => {
    if (key < BIGRAM_BASE) return (rank[key] ?? 0) * stride;
    const first = firstOfBigram(key);
    return (rank[first] ?? 0) * stride + (rank[secondOfBigram(key, first)] ?? 0) + 1;
  };
}

/** The first word id of a bigram key. */
export function firstOfBigram(key: number): number {
  return Math.floor(key / BIGRAM_BASE) - 1;
}

/**
 * The second word id of a bigram key whose first is `first`. By subtraction, not `key %
 * BIGRAM_BASE`: the remainder of a double above 2^31 is a call to fmod, ~10 ns against ~1.5 ns
 * (measured on 5 M keys), and it is taken for every bigram entry of a run.
 */
export function secondOfBigram(key: number, first: number): number {
  return key - (first + 1) * BIGRAM_BASE;
}

/** Term key of a word id or of an adjacent pair of word ids. */
export function bigramKey(first: number, second: number): number {
  return (first + 1) * BIGRAM_BASE + second;
}

/** Keys of the article being counted (a token gives at most a word and a bigram). */
let scratch = new Float64Array(4096);

/**
 * Content-term counts of one article: folded unigrams without stop words, numbers of two or more
 * digits (years, tolls, magnitudes: they tell look-alike events apart), and bigrams of adjacent
 * content words. Words are interned in `vocabulary` (use the run's: keys are only meaningful with
 * the vocabulary that gave them). Used by keyness and event clustering.
 *
 * Folding is deliberately light so keyness stays readable: English regular plurals to the
 * singular (`regimes` → `regime`, `cities` → `city`), Arabic article prefixes off (`والحكومه` →
 * `حكومه`). Single letters and single digits are dropped.
 */
export function contentTerms(tokens: readonly Token[], lang: Lang, vocabulary: TermVocabulary): TermCounts {
  return countContentTerms(tokens, lang, vocabulary).termCounts;
}

/**
 * `contentTerms`, and the distinct `hashNorm`s of the article's token norms, ascending: what the
 * incremental cache needs to tell which articles a lexicon edit can touch (src/cache/analysis-cache.ts).
 */
export function countContentTerms(
  tokens: readonly Token[],
  _lang: Lang,
  vocabulary: TermVocabulary,
  slots: Int32Array = vocabulary.slotsOf(tokens),
): { termCounts: TermCounts; normHashes: Uint32Array } {
  // Words are counted in place (each distinct word of the article gets a position, through a
  // per-word article stamp); bigrams go to a reused buffer, then one native sort and a run count.
  // No per-article map, and only bigrams and distinct words are sorted: on the 10k benchmark
  // corpus this function took ~410 ms instead of ~505 ms sorting every token's word and bigram.
  if (scratch.length < tokens.length) {
    scratch = new Float64Array(tokens.length);
    wordScratch = new Float64Array(tokens.length);
    wordCountScratch = new Uint32Array(tokens.length);
  }
  if (hashScratch.length < tokens.length) hashScratch = new Uint32Array(tokens.length);
  let bigrams = 0;
  let words = 0;
  let distinct = 0;
  let previous = -1;
  const stamp = vocabulary.nextArticleStamp();
  for (let t = 0; t < tokens.length; t++) {
    const slot = slots[t]!;
    // Each distinct norm's hash once (most tokens repeat a norm of the article): fewer to sort.
    if (vocabulary.markSeen(slot, stamp)) hashScratch[distinct++] = vocabulary.hashAt(slot);
    const id = vocabulary.contentIdAt(slot);
    if (id < 0) {
      previous = -1;
      continue;
    }
    const at = vocabulary.wordPositionIn(id, stamp, words);
    if (at === words) {
      wordScratch[words] = id;
      wordCountScratch[words] = 0;
      words += 1;
    }
    wordCountScratch[at] = wordCountScratch[at]! + 1;
    if (previous >= 0) scratch[bigrams++] = bigramKey(previous, id);
    previous = id;
  }
  // Word ids are below every bigram key: words first, each part ascending, is ascending overall.
  const wordIds = wordScratch.slice(0, words).sort();
  const pairs = countKeys(scratch.slice(0, bigrams));
  const keys = new Float64Array(words + pairs.keys.length);
  const counts = new Uint32Array(keys.length);
  keys.set(wordIds);
  for (let k = 0; k < words; k++) counts[k] = wordCountScratch[vocabulary.wordPositionIn(wordIds[k]!, stamp, -1)]!;
  keys.set(pairs.keys, words);
  counts.set(pairs.counts, words);
  return { termCounts: { keys, counts }, normHashes: distinctSorted(hashScratch.subarray(0, distinct)) };
}

/** Words of the article being counted, and their counts (by position of first occurrence). */
let wordScratch = new Float64Array(4096);
let wordCountScratch = new Uint32Array(4096);

/** Norm hashes of the article being counted. */
let hashScratch = new Uint32Array(4096);

/** The distinct values of `values` (sorted in place), ascending, in a new array. */
function distinctSorted(values: Uint32Array): Uint32Array {
  values.sort();
  let distinct = 0;
  for (let k = 0; k < values.length; k++) if (k === 0 || values[k] !== values[k - 1]) values[distinct++] = values[k]!;
  return values.slice(0, distinct);
}

/**
 * FNV-1a (32-bit) over the UTF-16 code units of a token norm (Fowler, Noll & Vo). The incremental
 * cache keeps these per article instead of norm ids: they need no remapping between threads, and a
 * collision can only make a re-run analyse an article again, never skip one.
 */
export function hashNorm(norm: string): number {
  let h = FNV_OFFSET;
  for (let k = 0; k < norm.length; k++) h = Math.imul(h ^ norm.charCodeAt(k), FNV_PRIME);
  return h >>> 0;
}

/** FNV-1a, 32 bits (Fowler, Noll & Vo): offset basis and prime. */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** The string of these code units (in pieces: a spread of millions of arguments would overflow the stack). */
function stringOf(units: Uint16Array): string {
  let out = '';
  for (let k = 0; k < units.length; k += 8192) out += String.fromCharCode(...units.subarray(k, k + 8192));
  return out;
}

/**
 * A character's code in a norm when it folds on its own (see `TermVocabulary.slotOfSpan`), or -1.
 * Exactly `normalizeToken` (src/text/tokenize.ts) for tokens made only of these characters:
 * `toLowerCase` on ASCII, and `normalizeArabic`'s folds (أ إ آ → ا, ى → ي, ة → ه; U+0621–U+064A
 * holds no mark, digit or tatweel other than U+0640, which is left to the slow path).
 */
export function foldSimple(code: number): number {
  return code < FOLD_SIMPLE.length ? FOLD_SIMPLE[code]! : -1;
}

/** `foldSimple` as a table: a load instead of a chain of range tests, per character of every token. */
const FOLD_SIMPLE = Int32Array.from({ length: 0x064b }, (_, code) => {
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) return code;
  if (code >= 0x41 && code <= 0x5a) return code + 0x20;
  if (code < 0x0621 || code === 0x0640) return -1;
  if (code === 0x0623 || code === 0x0625 || code === 0x0622) return 0x0627;
  if (code === 0x0649) return 0x064a;
  if (code === 0x0629) return 0x0647;
  return code;
});

function growTo<T extends Int32Array | Uint32Array | Uint16Array>(from: T, into: T): T {
  into.set(from);
  return into;
}

/**
 * Term counts from term strings (a bigram is two words joined by one space), for callers that
 * already hold counted terms (tests, benchmarks). Counts of the same term add up.
 */
export function termCountsOf(terms: Iterable<readonly [string, number]>, vocabulary: TermVocabulary): TermCounts {
  const keys: number[] = [];
  const counts = new Map<number, number>();
  for (const [term, count] of terms) {
    const words = term.split(' ');
    if (words.length > 2 || words.some((w) => w === '')) throw new Error(`termCountsOf: "${term}" is not a word or two words joined by one space`);
    const key = words.length === 1 ? vocabulary.intern(term) : bigramKey(vocabulary.intern(words[0] ?? ''), vocabulary.intern(words[1] ?? ''));
    if (!counts.has(key)) keys.push(key);
    counts.set(key, (counts.get(key) ?? 0) + count);
  }
  const sorted = Float64Array.from(keys).sort();
  return { keys: sorted, counts: Uint32Array.from(sorted, (key) => counts.get(key) ?? 0) };
}

/**
 * Maps one worker's word ids into a run vocabulary. Each word is interned once, in the worker's
 * id order (= first appearance), and looked up by index after that: interning every key of every
 * article through a Map on the main thread cost as much as the matching the workers saved.
 * `words` may grow as the worker sends more.
 */
export class WordIdTranslation {
  private readonly table: number[] = [];

  constructor(
    private readonly words: readonly string[],
    private readonly into: TermVocabulary,
  ) {}

  id(workerId: number): number {
    while (this.table.length <= workerId) {
      const word = this.words[this.table.length];
      if (word === undefined) throw new Error(`remapTermCounts: word id ${workerId} missing from the ${this.words.length} words sent`);
      this.table.push(this.into.intern(word));
    }
    return this.table[workerId]!;
  }
}

/**
 * Term counts with worker word ids rewritten as run ids, in place (the counts are the worker's
 * copy). The keys are no longer ascending: nothing reads them in order (keyness adds counts up,
 * clustering orders each row's columns itself), and sorting them again was about half of the
 * ~4 s the main thread spent remapping 50k articles while the workers matched.
 */
export function remapTermCounts(counts: TermCounts, translation: WordIdTranslation): TermCounts {
  const keys = counts.keys;
  for (let k = 0; k < keys.length; k += 1) {
    const key = keys[k]!;
    if (key < BIGRAM_BASE) keys[k] = translation.id(key);
    else {
      const first = firstOfBigram(key);
      keys[k] = bigramKey(translation.id(first), translation.id(secondOfBigram(key, first)));
    }
  }
  return counts;
}

/** Sort keys (in place) and count runs. */
function countKeys(keys: Float64Array): TermCounts {
  keys.sort();
  let distinct = 0;
  for (let k = 0; k < keys.length; k++) if (k === 0 || keys[k] !== keys[k - 1]) distinct += 1;
  const unique = new Float64Array(distinct);
  const counts = new Uint32Array(distinct);
  let at = -1;
  for (let k = 0; k < keys.length; k++) {
    if (k === 0 || keys[k] !== keys[k - 1]) unique[++at] = keys[k] ?? 0;
    counts[at] = (counts[at] ?? 0) + 1;
  }
  return { keys: unique, counts };
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
