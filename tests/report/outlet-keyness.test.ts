import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KEYNESS_MIN_COUNT, KEYNESS_TOP, rankOutletKeyness } from '../../src/report/outlet-keyness.js';
import { scoreKeyness } from '../../src/stats/keyness.js';
import { termCountsOf, TermVocabulary } from '../../src/text/terms.js';
import type { Article, ArticleAnalysis } from '../../src/types.js';

const WORDS = ['kiev', 'kyiv', 'regime', 'forces', 'shelling', 'donetsk', 'gaza', 'aid'];

function article(id: string, outlet: string, isLatest: boolean): Article {
  return {
    id, source: `${id}.txt`, format: 'text', outlet, credit: '', lang: 'en', title: id, date: '', dateStated: '', url: '',
    byline: '', tags: [], version: null, isLatest, storyId: id, body: id, headlineEnd: id.length, removed: [],
  };
}

/** The definition, on term strings and Maps: each outlet's latest articles against everyone else's. */
function referenceKeyness(docs: readonly { outlet: string; isLatest: boolean; terms: Map<string, number> }[]) {
  const outlets = [...new Set(docs.filter((d) => d.isLatest).map((d) => d.outlet))].sort();
  if (outlets.length < 2) return [];
  return outlets.map((outlet) => {
    const target = new Map<string, number>();
    const reference = new Map<string, number>();
    for (const doc of docs) {
      if (!doc.isLatest) continue;
      const into = doc.outlet === outlet ? target : reference;
      for (const [term, count] of doc.terms) into.set(term, (into.get(term) ?? 0) + count);
    }
    return { outlet, rows: scoreKeyness(target, reference, { top: KEYNESS_TOP, minCount: KEYNESS_MIN_COUNT }) };
  });
}

describe('rankOutletKeyness', () => {
  it('property: the same rows as scoring each outlet against the rest term by term (words and bigrams)', () => {
    const term = fc.oneof(
      fc.constantFrom(...WORDS),
      fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...WORDS)).map(([a, b]) => `${a} ${b}`),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            outlet: fc.constantFrom('RT', 'BBC', 'Al Jazeera'),
            isLatest: fc.constantFrom(true, true, true, false),
            terms: fc.dictionary(term, fc.integer({ min: 1, max: 4 }), { maxKeys: 10 }),
          }),
          { maxLength: 25 },
        ),
        (docs) => {
          const vocabulary = new TermVocabulary();
          const articles = docs.map((d, i) => article(`a${i}`, d.outlet, d.isLatest));
          const analyses = new Map<string, ArticleAnalysis>(
            docs.map((d, i) => [`a${i}`, { termCounts: termCountsOf(Object.entries(d.terms), vocabulary) } as ArticleAnalysis]),
          );
          const expected = referenceKeyness(docs.map((d) => ({ ...d, terms: new Map(Object.entries(d.terms)) })));
          expect(rankOutletKeyness(articles, analyses, vocabulary)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('counts a bigram an outlet uses three times in one article (one entry, count 3)', () => {
    const vocabulary = new TermVocabulary();
    const articles = [article('a', 'RT', true), article('b', 'BBC', true)];
    const analyses = new Map<string, ArticleAnalysis>([
      ['a', { termCounts: termCountsOf([['kiev regime', 3]], vocabulary) } as ArticleAnalysis],
      ['b', { termCounts: termCountsOf([['kyiv', 5]], vocabulary) } as ArticleAnalysis],
    ]);
    const rt = rankOutletKeyness(articles, analyses, vocabulary).find((k) => k.outlet === 'RT');
    expect(rt?.rows.map((r) => [r.term, r.nTarget, r.nReference])).toEqual([['kiev regime', 3, 0]]);
  });
});
