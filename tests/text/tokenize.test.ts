import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { matchForms, normalizeToken, tokenize } from '../../src/text/tokenize.js';

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
