import { describe, expect, it } from 'vitest';
import { foldLexiconTerms } from '../../src/report/lexicon-forms.js';
import { BUNDLE } from './fixture.js';

describe('foldLexiconTerms', () => {
  it('folds terms the way keyness terms are folded', () => {
    const forms = foldLexiconTerms(BUNDLE.concepts);
    expect(forms.has('kiev regime')).toBe(true);
    expect(forms.has('terrorist')).toBe(true); // plural folded like contentTerms
    expect(forms.has('كييف')).toBe(true);
    expect(forms.has('نظام كييف')).toBe(true);
    expect(forms.has('regime')).toBe(false);
  });
});
