import { describe, expect, it } from 'vitest';
import { parseTerm, termKey } from '../../src/lexicon/terms.js';

describe('parseTerm', () => {
  it('splits a term into normalised words, punctuation ignored like the tokenizer does', () => {
    expect(parseTerm('Neo-Nazi regime', 'en')).toEqual({ words: [{ text: 'neo', glob: false }, { text: 'nazi', glob: false }, { text: 'regime', glob: false }] });
    expect(parseTerm('نِظامُ كييف', 'ar')).toEqual({ words: [{ text: 'نظام', glob: false }, { text: 'كييف', glob: false }] });
  });

  it('marks a trailing * as a prefix glob of that word', () => {
    expect(parseTerm('russophob*', 'en')).toEqual({ words: [{ text: 'russophob', glob: true }] });
    expect(parseTerm('neo-nazi*', 'en')).toEqual({ words: [{ text: 'neo', glob: false }, { text: 'nazi', glob: true }] });
  });

  it('rejects bad globs, regex syntax and empty terms with a fix', () => {
    expect(parseTerm('*phob', 'en')).toMatchObject({ error: expect.stringMatching(/bad glob/) });
    expect(parseTerm('ru*ssia', 'en')).toMatchObject({ error: expect.stringMatching(/bad glob/) });
    expect(parseTerm('*', 'en')).toMatchObject({ error: expect.stringMatching(/bad glob/) });
    expect(parseTerm('nazi|fascist', 'en')).toMatchObject({ error: expect.stringMatching(/regular-expression syntax — write plain words/) });
    expect(parseTerm('  ', 'en')).toMatchObject({ error: expect.stringMatching(/empty term/) });
    expect(parseTerm('—', 'en')).toMatchObject({ error: expect.stringMatching(/no letters or digits/) });
  });

  it('gives equal keys to terms that match the same words', () => {
    const key = (t: string): string => {
      const parsed = parseTerm(t, 'en');
      if ('error' in parsed) throw new Error(parsed.error);
      return termKey(parsed.words);
    };
    expect(key('Kiev  Regime')).toBe(key('kiev regime'));
    expect(key('neo-nazi')).toBe(key('neo nazi'));
    expect(key('russophob*')).not.toBe(key('russophob'));
  });
});
