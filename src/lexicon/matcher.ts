import type { Lang, Token } from '../types.js';
import { matchForms } from '../text/tokenize.js';
import { hasArabic } from '../text/arabic.js';
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

/**
 * Every word any matcher of a compiled lexicon knows, and its glob prefixes. Token forms are
 * filtered through it once per distinct token (cached), so a token no term can start with costs
 * one map lookup — what keeps matching above 10 MB/s (scripts note in src/text/tokenize.ts).
 */
export class Vocabulary {
  private readonly words = new Set<string>();
  private readonly globs: string[] = [];
  private readonly cache = new Map<string, readonly string[]>();
  private readonly cacheRest = new Map<string, readonly string[]>();

  constructor(matchers: readonly Matcher<unknown>[]) {
    for (const matcher of matchers) this.collect(matcher.root as TrieNode<unknown>);
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

  /** The forms of `norm` a term could use: as a first word (clitics allowed) or a later word. */
  formsOf(norm: string, first: boolean): readonly string[] {
    const cache = first || !hasArabic(norm) ? this.cache : this.cacheRest;
    let forms = cache.get(norm);
    if (forms === undefined) {
      const candidates = first || !hasArabic(norm) ? matchForms(norm) : [norm];
      forms = candidates.filter((form) => this.words.has(form) || this.globs.some((g) => form.startsWith(g)));
      // Bounded: a long run over many distinct tokens must not grow memory without end.
      if (cache.size > 500_000) cache.clear();
      cache.set(norm, forms);
    }
    return forms;
  }
}

/** Match forms per token of one text, looked up in the lexicon's vocabulary. */
export class TokenForms {
  /** First-word forms per token, filled on first use: five passes (terms, excludes, labels, entities, cues) share them. */
  private readonly firstForms: (readonly string[] | undefined)[];

  constructor(
    readonly tokens: readonly Token[],
    private readonly vocabulary: Vocabulary,
  ) {
    this.firstForms = new Array<readonly string[] | undefined>(tokens.length);
  }

  /**
   * The first word of a term may carry Arabic proclitics or English inflection; later words
   * English inflection only (Arabic proclitics attach to the phrase's first word).
   */
  forms(i: number, first: boolean): readonly string[] {
    if (!first) return this.vocabulary.formsOf(this.tokens[i]!.norm, false);
    let forms = this.firstForms[i];
    if (forms === undefined) {
      forms = this.vocabulary.formsOf(this.tokens[i]!.norm, true);
      this.firstForms[i] = forms;
    }
    return forms;
  }
}

/** Every term of `matcher` that starts at token `from` (all lengths), longest first. */
export function occurrencesAt<T>(matcher: Matcher<T>, forms: TokenForms, from: number): Occurrence<T>[] {
  const found: Occurrence<T>[] = [];
  if (forms.forms(from, true).length === 0) return found;
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
  const n = forms.tokens.length;
  for (let i = 0; i < n; ) {
    let taken: Occurrence<T> | null = null;
    for (const occurrence of occurrencesAt(matcher, forms, i)) {
      const values = accept(occurrence);
      if (values !== null && values.length > 0) {
        taken = { from: occurrence.from, to: occurrence.to, values };
        break;
      }
    }
    if (taken === null) i++;
    else {
      out.push(taken);
      i = taken.to;
    }
  }
  return out;
}

/** Every occurrence at every token (overlaps kept), for exclude phrases and cue lookups. */
export function scanAll<T>(matcher: Matcher<T>, forms: TokenForms): Occurrence<T>[] {
  const out: Occurrence<T>[] = [];
  if (matcher.size === 0) return out;
  for (let i = 0; i < forms.tokens.length; i++) out.push(...occurrencesAt(matcher, forms, i));
  return out;
}
