import { describe, expect, it } from 'vitest';
import { cleanPage } from '../../src/clean/clean-page.js';
import { lineText } from '../../src/clean/line-shape.js';
import type { OutletAlias } from '../../src/types.js';

const outlets: OutletAlias[] = [
  { name: 'Example Times', aliases: ['example times'], domains: ['example.com'], byLang: {} },
  { name: 'AP', aliases: ['ap', 'associated press'], domains: [], byLang: {} },
];
const opts = { repeated: new Set<string>(), outlets, kind: 'text' as const };
const P1 = 'The harbour master said the ferry would run again on Friday after the storm had passed.';
const P2 = 'Fishermen in the fictional port were told to stay ashore until the warning was lifted.';
const P3 = 'The council promised to repair the damaged pier before the summer season begins.';

describe('cleanPage (raw text)', () => {
  it('finds the title before the byline block and cuts the header above it', () => {
    const page = cleanPage(['Example Times', '  • Home', '  • World', 'Ferry service to resume on Friday', '  • By Ann Lee', '  • 2 Mar 2020', P1, P2], opts);
    expect(page.title).toBe('Ferry service to resume on Friday');
    expect(page.paragraphs).toEqual([P1, P2]);
    expect(page.meta).toMatchObject({ outlet: 'Example Times', byline: 'Ann Lee', date: '2020-03-02' });
    expect(page.removed.map((r) => r.reason)).toEqual(['masthead', 'menu', 'menu', 'byline', 'date']);
  });

  it('a related block in the middle: only the block goes, the text after it stays', () => {
    const page = cleanPage(['Ferry service to resume on Friday', P1, 'Related News', 'Storm closes school', 'Bridge repairs delayed', P2, P3], opts);
    expect(page.paragraphs).toEqual([P1, P2, P3]);
    expect(page.removed.filter((r) => r.reason === 'related-list')).toHaveLength(3);
  });

  it('tabloid teasers for other stories — kicker in capitals over a headline, pair after pair — go; a subheading in capitals stays', () => {
    const html = { ...opts, kind: 'html' as const };
    const teasers = ['TIME TRAVELLER', 'Conspiracy theorists say they spotted a climate activist in an old photograph', '‘NAÏVE AND TRUSTING’', 'Court hears how the accused met the victim on a dating site'];
    const page = cleanPage([P1, ...teasers, P2, 'WHAT HAPPENS NEXT', P3], html);
    expect(page.paragraphs).toEqual([P1, P2, 'WHAT HAPPENS NEXT', P3]);
    expect(page.removed).toEqual(teasers.map((text) => ({ text, reason: 'related-list' })));
    // One pair alone is not a run: it may be a subheading over a one-line lead.
    expect(cleanPage([P1, ...teasers.slice(0, 2), P2], html).paragraphs).toEqual([P1, ...teasers.slice(0, 2), P2]);
  });

  it('never cuts the rest of the page at a marker even when the text after it is one paragraph', () => {
    const page = cleanPage(['Ferry service to resume on Friday', P1, 'Most Read', P2], opts);
    expect(page.paragraphs).toEqual([P1, P2]);
  });

  it('captions: doubled lines and line / credit / same line; the credit agency still counts', () => {
    const cap = 'The pier after the storm on Tuesday.';
    const page = cleanPage(['Ferry service to resume on Friday', P1, `  • ${cap}`, `    ${cap}`, P2, cap, 'AP', cap, P3], opts);
    expect(page.paragraphs).toEqual([P1, P2, P3]);
    expect(page.credits).toEqual(['AP']);
  });

  it('a Source: line is the credit, and wins over sign-offs', () => {
    const page = cleanPage(['Ferry service to resume on Friday', P1, 'AP', P2, 'Source: Associated Press'], opts);
    expect(page.credits).toEqual(['AP']);
    expect(page.sourceLine).toBe('Associated Press');
  });

  it('in-page duplicates keep the first copy; short repeats are data and stay', () => {
    const page = cleanPage(['Ferry service to resume on Friday', P1, P2, P1, '42', P3, '42'], { ...opts });
    expect(page.paragraphs.filter((p) => p === P1)).toHaveLength(1);
    expect(page.removed).toContainEqual({ text: P1, reason: 'duplicate' });
  });

  it('a run of headline-like lines right above the title is a ticker', () => {
    const page = cleanPage(['BREAKING', 'Minister resigns over port deal', 'Rain expected across the north tonight', 'Ferry service to resume on Friday', '  • By Ann Lee', P1], opts);
    expect(page.removed.filter((r) => r.reason === 'ticker').map((r) => r.text)).toEqual(['BREAKING', 'Minister resigns over port deal', 'Rain expected across the north tonight']);
  });

  it('repeated lines (from the outlet table) go with reason `repeated`', () => {
    const page = cleanPage(['Ferry service to resume on Friday', P1, 'Subscribe to our daily newsletter for more stories like this one.', P2],
      { ...opts, repeated: new Set(['subscribe to our daily newsletter for more stories like this one.']) });
    expect(page.paragraphs).toEqual([P1, P2]);
  });
});

describe('cleanPage (HTML)', () => {
  it('keeps short lines, table rows and repeats; removes the known title repeat and link lists', () => {
    const blocks = ['Ferry service to resume on Friday', P1, 'Pos | Boat | Crew', '1 | Aurora | 4', '1 | Aurora | 4', 'Read more: Storm closes school', P2, 'Short subhead'];
    const page = cleanPage(blocks, { ...opts, kind: 'html', knownTitle: 'Ferry service to resume on Friday' });
    expect(page.title).toBe('Ferry service to resume on Friday');
    expect(page.paragraphs).toEqual([P1, 'Pos | Boat | Crew', '1 | Aurora | 4', '1 | Aurora | 4', P2, 'Short subhead']);
  });
});

describe('cleanPage with precomputed lines', () => {
  it('gives the same page as computing them itself (cleanCorpus passes them)', () => {
    const blocks = ['Example Times', '  • Home', 'BREAKING', 'Ferry service to resume on Friday', '  • By Ann Lee', '  • 2 Mar 2020', P1, 'Related News', '  •  Storm closes school', P2, 'AP', P3, '© 2020 Example Times'];
    const texts = blocks.map(lineText);
    expect(cleanPage(blocks, { ...opts, lines: { texts, keys: texts.map((t) => t.toLowerCase()) } })).toEqual(cleanPage(blocks, opts));
  });
});

