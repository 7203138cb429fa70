/** Negation scope (src/analyze/negation.ts), on fictional EN and AR sentences. */
import { describe, expect, it } from 'vitest';
import { hits } from './voice-lexicon.js';

describe('negation scope', () => {
  it('a negator before the term must govern it', () => {
    expect(hits('It was not a special military operation.')).toEqual(['smo:authorial:neg']);
    // The name given (not) by Moscow is Moscow's: attributed, as in `Moscow called it an invasion`.
    expect(hits('Moscow did not call it an invasion.')).toEqual(['invasion:attributed:neg']);
    expect(hits('There is no Kiev regime.')).toEqual(['kiev_regime:authorial:neg']);
    expect(hits('لم تكن عملية عسكرية خاصة.', 'ar')).toEqual(['smo:authorial:neg']);
    expect(hits('هذه ليست عملية عسكرية خاصة.', 'ar')).toEqual(['smo:authorial:neg']);
  });

  it('a negator after the term, or governing another word, does not negate it', () => {
    expect(hits('The Kiev regime is not independent.')).toEqual(['kiev_regime:authorial']);
    expect(hits('Units stand not only in the Kiev regime capital, but also elsewhere.')).toEqual(['kiev_regime:authorial']);
    expect(hits('Not just the invasion but the sanctions hurt.')).toEqual(['invasion:authorial', 'sanctions:authorial']);
    expect(hits('We will never talk to the Kiev regime.')).toEqual(['kiev_regime:authorial']);
    expect(hits('لا يزال نظام كييف يرفض.', 'ar')).toEqual(['kiev_regime:authorial']);
  });

  it('"no longer" is a negation when it governs the term', () => {
    expect(hits('There is no longer a Kiev regime.')).toEqual(['kiev_regime:authorial:neg']);
    expect(hits('The invasion is no longer news.')).toEqual(['invasion:authorial']);
  });

  it('a negator does not cross a clause boundary', () => {
    expect(hits('This is not peace, but an invasion.')).toEqual(['invasion:authorial']);
    expect(hits('It is not over while the invasion goes on.')).toEqual(['invasion:authorial']);
    expect(hits('هذا ليس سلاما، بل غزو.', 'ar')).toEqual(['invasion:authorial']);
    expect(hits('لم يتوقف القتال لكن الغزو تعثر.', 'ar')).toEqual(['invasion:authorial']);
  });

  it('negators match exactly: `noted` is not `not` + -ed', () => {
    expect(hits('The president noted that the provocations of the army were the reason.')).toEqual(['provocations:attributed']);
    expect(hits('The president noted provocations.')).toEqual(['provocations:attributed']);
    expect(hits('ولم تكن عملية عسكرية خاصة.', 'ar')).toEqual(['smo:authorial:neg']);
  });
});

