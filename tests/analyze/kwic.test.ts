import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { kwicLines } from '../../src/commands/kwic.js';
import { compileLexicons, loadLexiconBundle } from '../../src/lexicon/index.js';
import type { Article } from '../../src/types.js';

const lexicon = compileLexicons(loadLexiconBundle(fileURLToPath(new URL('../fixtures/lexicon/good/', import.meta.url))));

function article(id: string, body: string, lang = 'en'): Article {
  return { id, source: `${id}.txt`, format: 'text', outlet: 'X', credit: '', lang, title: '', date: '', dateStated: '', url: '', byline: '', tags: [], version: null, isLatest: true, storyId: id, body, headlineEnd: 0, removed: [] };
}

describe('kwicLines', () => {
  const articles = [article('b', 'Moscow said the Kiev regime\nlied. The so-called Kiev regime fell.'), article('a', 'وقال لافروف إن نظام كييف يرفض', 'ar')];

  it('lists every hit of a concept in context with its voice, sorted by article', () => {
    const lines = kwicLines(articles, lexicon, 'kiev_regime', 12);
    expect(lines).toEqual([
      'a\tkiev_regime\tattributed\tل لافروف إن  | نظام كييف |  يرفض',
      'b\tkiev_regime\tattributed\tow said the  | Kiev regime |  lied. The s',
      'b\tkiev_regime\tauthorial (distanced)\te so-called  | Kiev regime |  fell.',
    ]);
  });

  it('accepts a term as the query', () => {
    expect(kwicLines(articles, lexicon, 'Kiev Regime').length).toBe(2);
    expect(kwicLines(articles, lexicon, 'nothing here')).toEqual([]);
  });
});
