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
 * Lazily computed match forms per token: the first word of a term may carry Arabic proclitics or
 * English inflection; later words may carry English inflection only (Arabic proclitics attach to
 * the phrase's first word).
 */
export class TokenForms {
  private readonly cache: (string[] | undefined)[];

  constructor(readonly tokens: readonly Token[]) {
    this.cache = new Array<string[] | undefined>(tokens.length);
  }

  forms(i: number, first: boolean): readonly string[] {
    const norm = this.tokens[i]!.norm;
    if (!first && hasArabic(norm)) return [norm];
    let forms = this.cache[i];
    if (forms === undefined) {
      forms = matchForms(norm);
      this.cache[i] = forms;
    }
    return forms;
  }
}

/** Every term of `matcher` that starts at token `from` (all lengths), longest first. */
export function occurrencesAt<T>(matcher: Matcher<T>, forms: TokenForms, from: number): Occurrence<T>[] {
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
