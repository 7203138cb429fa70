import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { matchForms, normalizeToken, tokenize, tokenizeWithSlots, WORD_PATTERN } from '../../src/text/tokenize.js';
import { TermVocabulary } from '../../src/text/terms.js';

const SEEDS = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));

describe('tokenize', () => {
  it('keeps exact offsets and drops punctuation', () => {
    const text = 'Kirby’s “Kiev regime,” don’t—neo-nazi 2022.';
    const tokens = tokenize(text, 'en');
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Kirby’s', 'Kiev', 'regime', 'don’t', 'neo', 'nazi', '2022']);
    expect(tokens.map((t) => t.norm)).toEqual(['kirby', 'kiev', 'regime', "don't", 'neo', 'nazi', '2022']);
  });

  it('splits Arabic punctuation off and folds Arabic words', () => {
    const text = 'قالَ لافروف، إنّ نظامَ كييفَ؛ ٢٠٢٢؟';
    const tokens = tokenize(text, 'ar');
    expect(tokens.map((t) => t.norm)).toEqual(['قال', 'لافروف', 'ان', 'نظام', 'كييف', '2022']);
    for (const t of tokens) expect(/[،؛؟]/.test(text.slice(t.start, t.end))).toBe(false);
  });

  it('keeps tatweel and harakat inside the surface but out of the norm', () => {
    const [token] = tokenize('الحكـــومةُ', 'ar');
    expect(token).toEqual({ start: 0, end: 11, norm: 'الحكومه' });
  });

  it('property: the scanner finds exactly the words of WORD_PATTERN, and tokenizeWithSlots the norms of tokenize', () => {
    // Letters, marks, digits of several scripts, apostrophes in and out of words, astral letters
    // (𝐀 U+1D400, 𠀀 U+20000), an astral digit (𝟎 U+1D7CE), lone surrogates and punctuation.
    const pieces = [...'aZzAÉéİıßΣς09٠٩۰ـًٌّ\u0301\u064b\u0670أإآٱىةوالنظامكييف'.split(''), "'", '’', ' ', '-', '.', '،', '\n', '𝐀', '𠀀', '𝟎', '\ud800', '\udc00', 'x\u0301'];
    const vocabulary = new TermVocabulary();
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((a) => a.join('')), (text) => {
        const expected = [...text.matchAll(WORD_PATTERN)].map((m) => [m.index, m.index + m[0].length]);
        const tokens = tokenize(text, 'en');
        expect(tokens.map((t) => [t.start, t.end])).toEqual(expected);
        const withSlots = tokenizeWithSlots(text, 'en', vocabulary);
        expect(withSlots.tokens).toEqual(tokens);
        expect([...withSlots.slots].map((slot) => vocabulary.normAt(slot))).toEqual(tokens.map((t) => t.norm));
        for (const token of tokens) expect(vocabulary.normSlot(token.norm)).toBe(withSlots.slots[tokens.indexOf(token)]);
      }),
      { numRuns: 2000 },
    );
  });

  it('tokenizeWithSlots finds every norm of the seed pages in one slot, whichever way it first came in', () => {
    const vocabulary = new TermVocabulary();
    for (const name of readdirSync(SEEDS).filter((file) => file.endsWith('.txt'))) {
      const text = readFileSync(join(SEEDS, name), 'utf8');
      const lang = /[\u0600-\u06ff]/.test(text) ? 'ar' : 'en';
      const { tokens, slots } = tokenizeWithSlots(text, lang, vocabulary);
      expect(tokens.map((t) => t.norm)).toEqual(tokenize(text, lang).map((t) => t.norm));
      tokens.forEach((token, k) => expect(vocabulary.normSlot(normalizeToken(text.slice(token.start, token.end), lang))).toBe(slots[k]));
    }
    // Upper-case and folded spellings of a norm already in: the same slot.
    const slot = vocabulary.normSlot('kiev');
    expect(tokenizeWithSlots('KIEV Kiev kiev', 'en', vocabulary).slots).toEqual(Int32Array.from([slot, slot, slot]));
    const arabic = vocabulary.normSlot('اداره');
    expect(tokenizeWithSlots('إدارة ادارة', 'ar', vocabulary).slots).toEqual(Int32Array.from([arabic, arabic]));
    // Found by the fast path itself (not only by the fallback through normalizeToken): each fold.
    const spans: [string, string][] = [['KIEV', 'kiev'], ['Kyiv2022', 'kyiv2022'], ['أإآ', 'ااا'], ['مستشفى', 'مستشفي'], ['إدارة', 'اداره']];
    for (const [surface, norm] of spans) {
      const known = vocabulary.normSlot(norm);
      expect(vocabulary.slotOfSpan(surface, 0, surface.length), surface).toBe(known);
    }
    // Characters it leaves to the fallback: tatweel, a mark, an apostrophe, other scripts.
    for (const surface of ['حكـومة', 'نظامَ', "don't", 'café']) expect(vocabulary.slotOfSpan(surface, 0, surface.length), surface).toBe(-1);
  });

  it('property: every token is its exact slice of the text (English, Arabic, mixed)', () => {
    const alphabet = fc.constantFrom(...'aZ é’\'"“”«»-.,;:!?\n0123456789وقالنظامكييفأإآةىـًٌٍَُِّْ،؛؟٠٩ '.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }).map((a) => a.join('')), (text) => {
        for (const token of tokenize(text, 'en')) {
          const surface = text.slice(token.start, token.end);
          expect(surface.length).toBeGreaterThan(0);
          expect(normalizeToken(surface, 'en')).toBe(token.norm);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('real text: offsets hold on every seed page', () => {
    for (const name of ['000_2cc4e19ae9909c02.txt', '003_2a010a7cc3af768e.txt']) {
      const text = readFileSync(SEEDS + name, 'utf8');
      const tokens = tokenize(text, name.startsWith('003') ? 'ar' : 'en');
      expect(tokens.length).toBeGreaterThan(200);
      let last = 0;
      for (const t of tokens) {
        expect(t.start).toBeGreaterThanOrEqual(last);
        expect(normalizeToken(text.slice(t.start, t.end), 'en')).toBe(t.norm);
        last = t.end;
      }
    }
  });
});

describe('matchForms', () => {
  it('undoes English regular inflection', () => {
    expect(matchForms('regimes')).toContain('regime');
    expect(matchForms('militias')).toContain('militia');
    expect(matchForms('atrocities')).toContain('atrocity');
    expect(matchForms('shelled')).toContain('shell');
    expect(matchForms('shelling')).toContain('shell');
    expect(matchForms('liberated')).toContain('liberate');
    expect(matchForms('stopped')).toContain('stop');
    expect(matchForms('annexes')).toContain('annex');
  });

  it('never strips below three letters', () => {
    expect(matchForms('us')).toEqual(['us']);
    expect(matchForms('is')).toEqual(['is']);
  });

  it('strips Arabic proclitics', () => {
    expect(matchForms('ونظام')).toContain('نظام');
    expect(matchForms('لنظام')).toContain('نظام');
    expect(matchForms('والنظام')).toEqual(expect.arrayContaining(['نظام', 'النظام']));
    expect(matchForms('للنظام')).toEqual(expect.arrayContaining(['نظام', 'النظام']));
    expect(matchForms('وقف')).toEqual(['وقف']);
  });
});
