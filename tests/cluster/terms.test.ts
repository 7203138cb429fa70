import { describe, expect, it } from 'vitest';
import { BIGRAM_BASE, bigramKey, contentTerms, countContentTerms, hashNorm, foldTerm, isStopWord, remapTermCounts, termCountsOf, termOrder, TermVocabulary, WordIdTranslation } from '../../src/text/terms.js';
import { tokenize } from '../../src/text/tokenize.js';

/** Counts spelled out as term → count, through one vocabulary. */
function terms(text: string, lang: string, vocabulary = new TermVocabulary()): Record<string, number> {
  const counts = contentTerms(tokenize(text, lang), lang, vocabulary);
  return Object.fromEntries(Array.from(counts.keys, (key, k) => [vocabulary.termOf(key), counts.counts[k] ?? 0]));
}

describe('contentTerms (src/text/terms.ts)', () => {
  it('drops English stop words and reporting verbs, keeps bigrams of adjacent content words', () => {
    expect(terms('The minister said the floods were over in Varnetsa', 'en')).toEqual({
      minister: 1,
      flood: 1,
      varnetsa: 1,
    });
    expect(terms('Heavy rain flooded river banks', 'en')).toMatchObject({ 'heavy rain': 1, 'river bank': 1 });
  });

  it('folds regular English plurals and leaves exceptions alone', () => {
    expect(['regimes', 'cities', 'crashes', 'news', 'series', 'process', 'status'].map(foldTerm)).toEqual([
      'regime',
      'city',
      'crash',
      'news',
      'series',
      'process',
      'status',
    ]);
  });

  it('keeps numbers of two or more digits (years, tolls) and drops single digits', () => {
    expect(terms('In 2013 a 6 point quake killed 48', 'en')).toMatchObject({ '2013': 1, '48': 1 });
    expect(terms('6 quakes', 'en')).toEqual({ quake: 1 });
  });

  it('drops Arabic stop words in any spelling variant and strips article prefixes', () => {
    expect(terms('وقال الوزير إن الحكومة في فارنيتسا', 'ar')).toEqual({ وزير: 1, حكومه: 1, فارنيتسا: 1 });
    expect(foldTerm('والحكومه')).toBe('حكومه');
    expect(foldTerm('بالحكومه')).toBe('حكومه');
    expect(isStopWord('الي')).toBe(true);
  });

  it('does not leave a one-letter stem after stripping an Arabic prefix', () => {
    expect(foldTerm('الم')).toBe('الم');
  });

  it('is safe with prototype-like words', () => {
    expect(terms('constructor __proto__ toString', 'en')).toMatchObject({ constructor: 1, __proto__: 1, tostring: 1 });
  });

  it('counts repeats and keeps keys ascending and distinct', () => {
    const vocabulary = new TermVocabulary();
    const counts = contentTerms(tokenize('Floods hit Varnetsa. Floods hit Varnetsa again, floods everywhere', 'en'), 'en', vocabulary);
    expect([...counts.keys]).toEqual([...counts.keys].sort((a, b) => a - b));
    expect(new Set(counts.keys).size).toBe(counts.keys.length);
    expect(terms('Floods hit Varnetsa. Floods hit Varnetsa again, floods everywhere', 'en', vocabulary)).toMatchObject({
      flood: 3,
      'flood hit': 2,
      'hit varnetsa': 2,
    });
  });
});

describe('TermVocabulary', () => {
  it('gives each word one id for the whole run, and spells bigram keys out', () => {
    const vocabulary = new TermVocabulary();
    const first = contentTerms(tokenize('river flood', 'en'), 'en', vocabulary);
    const second = contentTerms(tokenize('flood river', 'en'), 'en', vocabulary);
    const river = vocabulary.lookup('river') ?? -1;
    const flood = vocabulary.lookup('flood') ?? -1;
    expect([...first.keys]).toEqual([river, flood, bigramKey(river, flood)].sort((a, b) => a - b));
    expect([...second.keys]).toEqual([river, flood, bigramKey(flood, river)].sort((a, b) => a - b));
    expect(vocabulary.termOf(bigramKey(flood, river))).toBe('flood river');
    expect(bigramKey(0, 0)).toBe(BIGRAM_BASE);
    expect(Number.isSafeInteger(bigramKey(BIGRAM_BASE - 1, BIGRAM_BASE - 1))).toBe(true);
  });

  it('builds counts from term strings, adding repeats, and refuses malformed terms', () => {
    const vocabulary = new TermVocabulary();
    const counts = termCountsOf([['b', 2], ['a b', 1], ['a', 1], ['b', 3]], vocabulary);
    expect(Array.from(counts.keys, (key, k) => [vocabulary.termOf(key), counts.counts[k]])).toEqual([['b', 5], ['a', 1], ['a b', 1]]);
    expect(() => termCountsOf([['a  b', 1]], vocabulary)).toThrow(/not a word or two words/);
    expect(() => termCountsOf([['a b c', 1]], vocabulary)).toThrow(/not a word or two words/);
  });

  it('gives the distinct norm hashes of each article, ascending, whatever articles came before', () => {
    const vocabulary = new TermVocabulary();
    const texts = ['Floods hit Varnetsa, floods hit the river banks', 'The river rose; Varnetsa floods again', 'فيضانات في المدينة والفيضانات تتواصل'];
    for (const text of [...texts, ...texts]) {
      const tokens = tokenize(text, 'en');
      const expected = [...new Set(tokens.map((t) => hashNorm(t.norm)))].sort((a, b) => a - b);
      expect([...countContentTerms(tokens, 'en', vocabulary).normHashes]).toEqual(expected);
    }
  });

  it("re-keys counts from another vocabulary (a worker thread's) into the run's", () => {
    const worker = new TermVocabulary();
    const run = new TermVocabulary();
    run.intern('unrelated');
    const text = 'Floods hit Varnetsa, floods hit the river banks';
    const counts = contentTerms(tokenize(text, 'en'), 'en', worker);
    const byKey = (terms: { keys: Float64Array; counts: Uint32Array }): Map<number, number> => new Map(Array.from(terms.keys, (key, k) => [key, terms.counts[k]!]));
    expect(() => remapTermCounts(contentTerms(tokenize(text, 'en'), 'en', worker), new WordIdTranslation([], run))).toThrow(/missing from the 0 words sent/);
    const remapped = remapTermCounts(counts, new WordIdTranslation(worker.words, run));
    expect(byKey(remapped)).toEqual(byKey(contentTerms(tokenize(text, 'en'), 'en', run)));
  });
});

describe('termOrder', () => {
  it('sorts term keys as their spelled terms sort (code units), bigrams without being spelled', () => {
    const vocabulary = new TermVocabulary();
    const words = ['ab', 'a', 'zed', 'b', 'بيت', 'Alpha', '2024'];
    const ids = words.map((w) => vocabulary.intern(w));
    const keys = [...ids];
    for (const x of ids) for (const y of ids) keys.push(bigramKey(x, y));
    const order = termOrder(vocabulary);
    const byOrder = [...keys].sort((x, y) => order(x) - order(y)).map((k) => vocabulary.termOf(k));
    const byString = keys.map((k) => vocabulary.termOf(k)).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    expect(byOrder).toEqual(byString);
    expect(new Set(keys.map(order)).size).toBe(keys.length);
  });
});
