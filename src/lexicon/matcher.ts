import type { Lang, Token } from '../types.js';
import { matchForms } from '../text/tokenize.js';
import { arabicLaterWordForms, hasArabic } from '../text/arabic.js';
import { parseTerm } from './terms.js';

/**
 * A token trie: each edge is one normalised word; glob words (`russophob*`) are prefix edges
 * checked with `startsWith` — linear in the text, no regular expression built from lexicon data.
 */
interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  globs: { prefix: string; node: TrieNode<T> }[];
  values: T[];
}

export interface Matcher<T> {
  root: TrieNode<T>;
  size: number;
  /** This matcher's bit among those of the `Vocabulary` built over it (set by that vocabulary). */
  bit?: { owner: Vocabulary; mask: number };
}

/** One occurrence found by a matcher: tokens `[from, to)` and the values of the term that matched. */
export interface Occurrence<T> {
  from: number;
  to: number;
  values: readonly T[];
}

function newNode<T>(): TrieNode<T> {
  return { next: new Map(), globs: [], values: [] };
}

/** Build a matcher from `(term, lang, value)` entries; terms that do not parse are skipped (the loader reports them). */
export function buildMatcher<T>(entries: Iterable<{ term: string; lang: Lang; value: T }>): Matcher<T> {
  const root = newNode<T>();
  let size = 0;
  for (const { term, lang, value } of entries) {
    const parsed = parseTerm(term, lang);
    if ('error' in parsed) continue;
    let node = root;
    for (const word of parsed.words) {
      if (word.glob) {
        let edge = node.globs.find((g) => g.prefix === word.text);
        if (edge === undefined) {
          edge = { prefix: word.text, node: newNode<T>() };
          node.globs.push(edge);
        }
        node = edge.node;
      } else {
        let child = node.next.get(word.text);
        if (child === undefined) {
          child = newNode<T>();
          node.next.set(word.text, child);
        }
        node = child;
      }
    }
    node.values.push(value);
    size++;
  }
  return { root, size };
}

/** The forms of one distinct token a term could use: as a term's first word, and as a later word. */
interface TokenTypeForms {
  first: readonly string[];
  rest: readonly string[];
  /** The bits of the vocabulary's matchers that have a term starting with one of the `first` forms. */
  starts: number;
}

const NO_FORMS: TokenTypeForms = { first: [], rest: [], starts: 0 };

/** Forms per distinct token of a run, indexed by its slot (`TermVocabulary.normSlot`); filled on first use. */
export type FormsBySlot = (TokenTypeForms | undefined)[];

/**
 * Every word any matcher of a compiled lexicon knows, and its glob prefixes. Token forms are
 * filtered through it once per distinct token (cached), so a token no term can start with costs
 * one map lookup — what keeps matching above 10 MB/s (scripts note in src/text/tokenize.ts).
 */
export class Vocabulary {
  private readonly words = new Set<string>();
  private readonly globs: string[] = [];
  private readonly cache = new Map<string, TokenTypeForms>();
  private readonly bySlot = new WeakMap<object, FormsBySlot>();

  private readonly matchers: readonly Matcher<unknown>[];

  constructor(matchers: readonly Matcher<unknown>[]) {
    if (matchers.length > 31) throw new Error('internal: a vocabulary spans at most 31 matchers');
    matchers.forEach((matcher, index) => {
      if (matcher.bit !== undefined) throw new Error('internal: a matcher belongs to one vocabulary');
      matcher.bit = { owner: this, mask: 1 << index };
      this.collect(matcher.root as TrieNode<unknown>);
    });
    this.matchers = matchers;
  }

  private collect(node: TrieNode<unknown>): void {
    for (const [word, child] of node.next) {
      this.words.add(word);
      this.collect(child);
    }
    for (const glob of node.globs) {
      if (!this.globs.includes(glob.prefix)) this.globs.push(glob.prefix);
      this.collect(glob.node);
    }
  }

  /**
   * The forms of `norm` a term could use: as a first word (Arabic clitics allowed) and as a later
   * word (English inflection; Arabic with or without the article, `arabicLaterWordForms`: other
   * Arabic clitics attach to the phrase's first word). One map
   * lookup per token: on the 50k benchmark corpus a lookup per pass and word position (with an
   * Arabic-script test each time) was ~20% of matching.
   */
  formsOfType(norm: string): TokenTypeForms {
    let forms = this.cache.get(norm);
    if (forms === undefined) {
      forms = this.computeForms(norm);
      // Bounded: a long run over many distinct tokens must not grow memory without end.
      if (this.cache.size > 500_000) this.cache.clear();
      this.cache.set(norm, forms);
    }
    return forms;
  }

  private computeForms(norm: string): TokenTypeForms {
    const first = this.known(matchForms(norm));
    const rest = hasArabic(norm) ? this.known(arabicLaterWordForms(norm)) : first;
    if (first.length === 0 && rest.length === 0) return NO_FORMS;
    // Which matchers a term can start here in, decided once per distinct token: most tokens that
    // start something start it in one matcher (a cue verb, an entity), and every pass walked its
    // trie from them all. Skipping the others: analysing the 10k benchmark corpus in one thread
    // took ~3.4 s instead of ~3.6 s (best of four runs each).
    let starts = 0;
    for (const matcher of this.matchers) {
      const root = matcher.root as TrieNode<unknown>;
      if (first.some((form) => root.next.has(form) || root.globs.some((glob) => form.startsWith(glob.prefix)))) starts |= matcher.bit!.mask;
    }
    return { first, rest, starts };
  }

  /** `formsOfType` for a token slot: computed once per slot, kept only in the slot cache. */
  formsAtSlot(slots: FormsBySlot, slot: number, norm: string): TokenTypeForms {
    while (slots.length <= slot) slots.push(undefined);
    return (slots[slot] ??= this.computeForms(norm));
  }

  /**
   * The forms cache by slot for the slot numbers of `owner` (a run's TermVocabulary): an array
   * read per token instead of a map lookup, since the run already looks every token norm up once
   * to count its content terms.
   */
  formsBySlot(owner: object): FormsBySlot {
    let forms = this.bySlot.get(owner);
    if (forms === undefined) {
      forms = [];
      this.bySlot.set(owner, forms);
    }
    return forms;
  }

  private known(candidates: readonly string[]): readonly string[] {
    const known = candidates.filter((form) => this.words.has(form) || this.globs.some((g) => form.startsWith(g)));
    return known.length === 0 ? NO_FORMS.first : known;
  }
}

/** Match forms per token of one text, looked up in the lexicon's vocabulary once per token, on first use. */
export class TokenForms {
  private readonly types: (TokenTypeForms | undefined)[];
  private startList: Int32Array | undefined;

  /** `slots`: each token's slot and the vocabulary's forms cache for those slots (`Vocabulary.formsBySlot`). */
  constructor(
    readonly tokens: readonly Token[],
    readonly vocabulary: Vocabulary,
    private readonly slots?: { of: Int32Array; forms: FormsBySlot },
  ) {
    this.types = new Array<TokenTypeForms | undefined>(tokens.length);
  }

  /**
   * The first word of a term may carry Arabic clitics or English inflection; later words English
   * inflection, or an Arabic article added or dropped (`arabicLaterWordForms`).
   */
  forms(i: number, first: boolean): readonly string[] {
    const type = this.typeAt(i);
    return first ? type.first : type.rest;
  }

  /** Whether a term of `matcher` can start at token `i` (false only when none can). */
  canStart(matcher: Matcher<unknown>, i: number): boolean {
    const type = this.typeAt(i);
    if (type.first.length === 0) return false;
    const bit = matcher.bit;
    return bit === undefined || bit.owner !== this.vocabulary || (type.starts & bit.mask) !== 0;
  }

  private typeAt(i: number): TokenTypeForms {
    let type = this.types[i];
    if (type === undefined) {
      if (this.slots === undefined) type = this.vocabulary.formsOfType(this.tokens[i]!.norm);
      else {
        type = this.vocabulary.formsAtSlot(this.slots.forms, this.slots.of[i]!, this.tokens[i]!.norm);
      }
      this.types[i] = type;
    }
    return type;
  }

  /**
   * Indices of the tokens some term can start at, ascending. Computed once and shared by every
   * scan of the text (terms, excludes, labels, entities, cues): most tokens start nothing, and
   * walking the trie from each of them in every pass was most of the scanning time.
   */
  starts(): Int32Array {
    if (this.startList === undefined) {
      const found: number[] = [];
      for (let i = 0; i < this.tokens.length; i++) if (this.forms(i, true).length > 0) found.push(i);
      this.startList = Int32Array.from(found);
    }
    return this.startList;
  }
}

const NO_OCCURRENCES: readonly Occurrence<never>[] = [];

/** Every term of `matcher` that starts at token `from` (all lengths), longest first. */
export function occurrencesAt<T>(matcher: Matcher<T>, forms: TokenForms, from: number): readonly Occurrence<T>[] {
  if (!forms.canStart(matcher as Matcher<unknown>, from)) return NO_OCCURRENCES;
  const found: Occurrence<T>[] = [];
  walk(matcher.root, from, from, forms, found);
  found.sort((a, b) => b.to - a.to);
  return found;
}

function walk<T>(node: TrieNode<T>, from: number, at: number, forms: TokenForms, found: Occurrence<T>[]): void {
  if (at >= forms.tokens.length) return;
  const first = at === from;
  // Forms are distinct strings, so each leads to a distinct child: no de-duplication needed.
  const candidates = forms.forms(at, first);
  for (const form of candidates) {
    const child = node.next.get(form);
    if (child !== undefined) step(child, from, at, forms, found);
  }
  for (const glob of node.globs) {
    if (candidates.some((form) => form.startsWith(glob.prefix))) step(glob.node, from, at, forms, found);
  }
}

function step<T>(child: TrieNode<T>, from: number, at: number, forms: TokenForms, found: Occurrence<T>[]): void {
  if (child.values.length > 0) found.push({ from, to: at + 1, values: child.values });
  if (child.next.size > 0 || child.globs.length > 0) walk(child, from, at + 1, forms, found);
}

/**
 * Leftmost-longest, non-overlapping scan: at each token take the longest term that `accept`s
 * (default: any), then continue after it. Returns occurrences in text order.
 */
export function scanLongest<T>(
  matcher: Matcher<T>,
  forms: TokenForms,
  accept: (occurrence: Occurrence<T>) => readonly T[] | null = (o) => o.values,
): Occurrence<T>[] {
  const out: Occurrence<T>[] = [];
  if (matcher.size === 0) return out;
  const starts = forms.starts();
  let next = 0;
  for (let s = 0; s < starts.length; s++) {
    const i = starts[s]!;
    if (i < next) continue;
    for (const occurrence of occurrencesAt(matcher, forms, i)) {
      const values = accept(occurrence);
      if (values !== null && values.length > 0) {
        out.push({ from: occurrence.from, to: occurrence.to, values });
        next = occurrence.to;
        break;
      }
    }
  }
  return out;
}

/** Every occurrence at every token (overlaps kept), for exclude phrases and cue lookups. */
export function scanAll<T>(matcher: Matcher<T>, forms: TokenForms): Occurrence<T>[] {
  const out: Occurrence<T>[] = [];
  if (matcher.size === 0) return out;
  const starts = forms.starts();
  for (let s = 0; s < starts.length; s++) for (const occurrence of occurrencesAt(matcher, forms, starts[s]!)) out.push(occurrence);
  return out;
}
