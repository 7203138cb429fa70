import { describe, expect, it } from 'vitest';
import { findQuotes, quoteAround } from '../../src/text/quotes.js';

const inner = (text: string): string[] => findQuotes(text).map((q) => text.slice(q.innerStart, q.innerEnd));

describe('findQuotes', () => {
  it('finds every double-quote style', () => {
    expect(inner('a “one” b "two" c «three» d „four“ e')).toEqual(['one', 'two', 'three', 'four']);
  });

  it('finds single quotes at word edges but not apostrophes', () => {
    expect(inner('Kirby’s team don’t see ‘new highs’ or \'plastic rainfall\' in the nationalists’ camp')).toEqual(['new highs', 'plastic rainfall']);
  });

  it('runs an open quote to the end of its paragraph', () => {
    const text = 'He said it was "an attempt to force us.\n\n"We signaled," he added.';
    const quotes = findQuotes(text);
    expect(quotes[0]).toMatchObject({ open: true });
    expect(text.slice(quotes[0]!.innerStart, quotes[0]!.innerEnd)).toBe('an attempt to force us.');
    expect(text.slice(quotes[1]!.innerStart, quotes[1]!.innerEnd)).toBe('We signaled,');
  });

  it('handles Arabic quotation with straight and guillemet marks', () => {
    expect(inner('وقال لافروف: "روسيا منفتحة" و«نظام كييف»')).toEqual(['روسيا منفتحة', 'نظام كييف']);
  });

  it('keeps single quotes nested in a double quote inside it', () => {
    expect(inner('“They call it ‘peace’ today,” he said.')).toEqual(['They call it ‘peace’ today,']);
  });

  it('quoteAround finds the enclosing quote only', () => {
    const text = 'x “a b” y';
    const quotes = findQuotes(text);
    expect(quoteAround(quotes, 3, 4)).not.toBeNull();
    expect(quoteAround(quotes, 0, 1)).toBeNull();
    expect(quoteAround(quotes, 8, 9)).toBeNull();
  });
});
