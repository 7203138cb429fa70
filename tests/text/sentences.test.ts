import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/sentences.js';

const cut = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits at stops but not after titles, ranks and initials', () => {
    expect(cut('Mr. Lavrov met Gen. Igor Konashenkov. Dr. J. Smith said no! Was it? Yes.')).toEqual([
      'Mr. Lavrov met Gen. Igor Konashenkov.',
      'Dr. J. Smith said no!',
      'Was it?',
      'Yes.',
    ]);
  });

  it('keeps U.S. inside a sentence but ends one before a new sentence', () => {
    expect(cut('The U.S. Army moved. Troops in the U.S. The end.')).toEqual(['The U.S. Army moved.', 'Troops in the U.S.', 'The end.']);
  });

  it('keeps closing quotes with their sentence', () => {
    expect(cut('“We will win.” He left. "No," she said.')).toEqual(['“We will win.”', 'He left.', '"No," she said.']);
  });

  it('splits Arabic at . ؟ ! and lines', () => {
    expect(cut('قال لافروف. هل يريدون السلام؟ لا!\nعنوان بلا نقطة')).toEqual(['قال لافروف.', 'هل يريدون السلام؟', 'لا!', 'عنوان بلا نقطة']);
  });

  it('gives exact spans without surrounding white space', () => {
    const text = '  Title\n\n  First one.   Second.  ';
    for (const s of splitSentences(text)) {
      expect(text.slice(s.start, s.end)).toBe(text.slice(s.start, s.end).trim());
    }
    expect(cut(text)).toEqual(['Title', 'First one.', 'Second.']);
  });

  it('does not split decimals', () => {
    expect(cut('It rose 3.5 percent. Then fell.')).toEqual(['It rose 3.5 percent.', 'Then fell.']);
  });

  it('splits where a closing quote meets an opening one with no space', () => {
    expect(cut('He said it was “on the table.”“We offered talks,” he added.')).toEqual(['He said it was “on the table.”', '“We offered talks,” he added.']);
    // A German-style „…“ close is still a closer.
    expect(cut('Er sagte „Nein.“ Dann ging er.')).toEqual(['Er sagte „Nein.“', 'Dann ging er.']);
  });
});

describe('over-long sentences', () => {
  it('caps a sentence with no stop at 3,000 characters, cutting at whitespace, offsets exact', () => {
    const text = 'word '.repeat(2000).trim();
    const spans = splitSentences(text);
    expect(spans.length).toBeGreaterThan(3);
    for (const span of spans) {
      expect(span.end - span.start).toBeLessThanOrEqual(3000);
      expect(text.slice(span.start, span.end)).toMatch(/^word( word)*$/);
    }
  });
});
