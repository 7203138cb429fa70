/**
 * Key terms of each outlet against the rest of the corpus, over the latest versions' content-term
 * counts (the scoring itself is `rankKeyness`, src/stats/keyness.ts).
 *
 * Only terms an outlet uses at least KEYNESS_MIN_COUNT times can be listed, so only those become
 * candidates; a candidate's reference count is its corpus count − the outlet's, and the reference
 * total the corpus total − the outlet's (the same integers a full reference table would give).
 *
 * Counting without hashing: word ids index arrays directly, and bigram entries (two word ids,
 * `src/text/terms.ts`) are grouped by their first word with a stable counting sort (Knuth, TAOCP
 * vol. 3, §5.2, algorithm D), then each group is counted in tables indexed by the second word.
 * Why: most bigrams of a corpus are rare, and a hash table per outlet plus a corpus table of the
 * candidates took ~1.0 s of the ~1.2 s this took at 50k benchmark articles (cache misses in
 * tables of several MB); the groups are read in order and the tables indexed by word id are small.
 */
import { rankKeyness } from '../stats/keyness.js';
import type { KeynessRow } from '../stats/keyness.js';
import { compareText } from '../stats/stance.js';
import { bigramKey, firstOfBigram, secondOfBigram, spellTerm, type TermVocabulary } from '../text/terms.js';
import type { Article, ArticleAnalysis, TermCounts } from '../types.js';

/** Key terms kept per outlet in `keyness.csv`. */
export const KEYNESS_TOP = 30;
/** A key term must occur this often in the outlet to be listed (rarer ones are noise). */
export const KEYNESS_MIN_COUNT = 3;

/** One outlet's key terms, before they are marked as in a lexicon or not. */
export interface OutletKeyRows {
  outlet: string;
  rows: KeynessRow[];
}

/** An outlet's candidates: term keys, their counts in the outlet and in the rest of the corpus. */
interface Candidates {
  keys: number[];
  target: number[];
  reference: number[];
}

/**
 * Each outlet vs the rest over the latest versions' term counts. With one outlet there is no
 * "rest", so there is no keyness (an empty table, said in the report).
 *
 * Depends on the articles and their content-term counts only, never on the lexicons: the
 * incremental cache keeps the result for re-runs after a lexicon edit (src/cache/analysis-cache.ts).
 *
 * @throws Error (internal) on a term key that is neither a word id nor a bigram of `vocabulary`.
 */
export function rankOutletKeyness(
  articles: readonly Article[],
  analyses: ReadonlyMap<string, ArticleAnalysis>,
  vocabulary: TermVocabulary,
): OutletKeyRows[] {
  const { outlets, lists } = termCountsByOutlet(articles, analyses);
  return rankKeynessOfOutlets(outlets, lists, vocabulary.words);
}

/** The latest versions' term counts, by outlet (outlets in code-unit order). */
export function termCountsByOutlet(
  articles: readonly Article[],
  analyses: ReadonlyMap<string, ArticleAnalysis>,
): { outlets: string[]; lists: TermCounts[][] } {
  const byOutlet = new Map<string, TermCounts[]>();
  for (const article of articles) {
    const termCounts = analyses.get(article.id)?.termCounts;
    if (!article.isLatest || termCounts === undefined) continue;
    const list = byOutlet.get(article.outlet) ?? [];
    list.push(termCounts);
    byOutlet.set(article.outlet, list);
  }
  const outlets = [...byOutlet.keys()].sort(compareText);
  return { outlets, lists: outlets.map((outlet) => byOutlet.get(outlet) ?? []) };
}

/**
 * `rankOutletKeyness` over term counts already grouped by outlet (`termCountsByOutlet`), their
 * keys spelled by `words` (`TermVocabulary.words`); what a worker thread runs
 * (src/workers/keyness-thread.ts).
 */
export function rankKeynessOfOutlets(outlets: readonly string[], lists: readonly (readonly TermCounts[])[], words: readonly string[]): OutletKeyRows[] {
  if (outlets.length < 2) return [];
  const candidates = outlets.map((): Candidates => ({ keys: [], target: [], reference: [] }));
  const totals = new Float64Array(outlets.length);
  lists.forEach((list, o) => {
    for (const terms of list) for (let k = 0; k < terms.counts.length; k++) totals[o]! += terms.counts[k] ?? 0;
  });
  const corpusWords = countWords(lists, words.length, candidates);
  for (const found of candidates) found.reference = found.keys.map((key, i) => (corpusWords[key] ?? 0) - (found.target[i] ?? 0));
  countBigrams(lists, words.length, candidates);
  let corpusTotal = 0;
  for (const total of totals) corpusTotal += total;
  return outlets.map((outlet, o) => {
    const { keys, target, reference } = candidates[o]!;
    const rows = rankKeyness(
      { target, reference, termOf: (i) => spellTerm(words, keys[i] ?? 0), nTarget: totals[o]!, nReference: corpusTotal - totals[o]! },
      { top: KEYNESS_TOP, minCount: KEYNESS_MIN_COUNT },
    );
    return { outlet, rows };
  });
}

/**
 * Words (keys below `words`): each outlet's counts in an array indexed by the id, reset after the
 * outlet; its words used at least KEYNESS_MIN_COUNT times join its candidates. Returns every
 * word's corpus count.
 */
function countWords(lists: readonly (readonly TermCounts[])[], words: number, candidates: Candidates[]): Float64Array {
  const tally = new Float64Array(words);
  const corpus = new Float64Array(words);
  lists.forEach((list, o) => {
    const touched: number[] = [];
    for (const terms of list) {
      for (let k = 0; k < terms.keys.length; k++) {
        const key = terms.keys[k] ?? 0;
        if (!(key >= 0 && key < words)) continue;
        if (tally[key] === 0) touched.push(key);
        tally[key]! += terms.counts[k] ?? 0;
      }
    }
    const found = candidates[o]!;
    for (const key of touched) {
      const count = tally[key]!;
      tally[key] = 0;
      corpus[key]! += count;
      if (count >= KEYNESS_MIN_COUNT) {
        found.keys.push(key);
        found.target.push(count);
      }
    }
  });
  return corpus;
}

/**
 * Bigrams (keys from BIGRAM_BASE up): entries grouped by first word, each group counted per
 * second word corpus-wide, then — for the pairs found at least KEYNESS_MIN_COUNT times in the
 * corpus, the only ones that can reach it in one outlet — per outlet, in a table of one row of
 * outlet counts per such pair. The pairs an outlet uses at least KEYNESS_MIN_COUNT times join
 * its candidates, with their reference counts.
 */
function countBigrams(lists: readonly (readonly TermCounts[])[], words: number, candidates: Candidates[]): void {
  const outlets = lists.length;
  const firstOf = (key: number): number => {
    const first = firstOfBigram(key);
    const second = secondOfBigram(key, first);
    if (!(first >= 0 && first < words && second >= 0 && second < words && (second | 0) === second)) {
      throw new Error(`internal: keyness met term key ${key}, neither a word nor a bigram of the vocabulary (${words} words)`);
    }
    return first;
  };
  const groupStart = new Int32Array(words + 1);
  for (const list of lists) {
    for (const terms of list) {
      for (let k = 0; k < terms.keys.length; k++) {
        const key = terms.keys[k] ?? 0;
        if (key >= 0 && key < words) continue;
        groupStart[firstOf(key) + 1]! += 1;
      }
    }
  }
  for (let f = 1; f <= words; f++) groupStart[f]! += groupStart[f - 1]!;
  const entries = groupStart[words]!;
  const seconds = new Int32Array(entries);
  const counts = new Uint32Array(entries);
  const outletOf = outlets <= 256 ? new Uint8Array(entries) : new Int32Array(entries);
  const cursor = groupStart.slice(0, words);
  lists.forEach((list, o) => {
    for (const terms of list) {
      for (let k = 0; k < terms.keys.length; k++) {
        const key = terms.keys[k] ?? 0;
        if (key >= 0 && key < words) continue;
        const first = firstOf(key);
        const at = cursor[first]!++;
        seconds[at] = secondOfBigram(key, first);
        counts[at] = terms.counts[k] ?? 0;
        outletOf[at] = o;
      }
    }
  });
  // Per second word: its group's corpus count, valid while `stamp` holds the group's first word;
  // the row of its outlet counts while `slotStamp` does.
  const stamp = new Int32Array(words).fill(-1);
  const corpus = new Float64Array(words);
  const slotStamp = new Int32Array(words).fill(-1);
  const slotOf = new Int32Array(words);
  let slotSecond = new Int32Array(64);
  let outletCounts = new Float64Array(64 * outlets);
  for (let first = 0; first < words; first++) {
    const start = groupStart[first]!;
    const end = groupStart[first + 1]!;
    for (let p = start; p < end; p++) {
      const second = seconds[p]!;
      if (stamp[second] !== first) {
        stamp[second] = first;
        corpus[second] = 0;
      }
      corpus[second]! += counts[p]!;
    }
    let slots = 0;
    for (let p = start; p < end; p++) {
      const second = seconds[p]!;
      if (corpus[second]! < KEYNESS_MIN_COUNT) continue;
      if (slotStamp[second] !== first) {
        slotStamp[second] = first;
        if (slots === slotSecond.length) {
          slotSecond = grow(slotSecond, new Int32Array(slots * 2));
          outletCounts = grow(outletCounts, new Float64Array(slots * 2 * outlets));
        }
        slotSecond[slots] = second;
        slotOf[second] = slots++;
      }
      outletCounts[slotOf[second]! * outlets + outletOf[p]!]! += counts[p]!;
    }
    for (let slot = 0; slot < slots; slot++) {
      const second = slotSecond[slot]!;
      for (let o = 0; o < outlets; o++) {
        const count = outletCounts[slot * outlets + o]!;
        if (count === 0) continue;
        outletCounts[slot * outlets + o] = 0;
        if (count < KEYNESS_MIN_COUNT) continue;
        const found = candidates[o]!;
        found.keys.push(bigramKey(first, second));
        found.target.push(count);
        found.reference.push(corpus[second]! - count);
      }
    }
  }
}

/** `into` holding `from`'s values at its start. */
function grow<T extends Int32Array | Float64Array>(from: T, into: T): T {
  into.set(from);
  return into;
}
