import { describe, expect, it } from 'vitest';
import { contentTerms, foldTerm, isStopWord } from '../../src/text/terms.js';
import { tokenize } from '../../src/text/tokenize.js';

const terms = (text: string, lang: string) => Object.fromEntries(contentTerms(tokenize(text, lang), lang));

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
});
