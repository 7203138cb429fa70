import { describe, expect, it } from 'vitest';
import { extractHtml, htmlToBlocks } from '../../src/ingest/parse-html.js';

const para = (n: number): string => `Paragraph ${n} of a fictional report tells how the river rose by two metres overnight and how neighbours helped each other to move furniture upstairs.`;

describe('extractHtml', () => {
  it('flattens block elements to paragraphs and table rows to one line each', () => {
    expect(htmlToBlocks('<p>One <b>bold</b> line</p><div>Two<br>Three</div><table><tr><td>a</td><td>b</td></tr></table>').blocks).toEqual(['One bold line', 'Two', 'Three', 'a | b']);
  });

  it('sets aside link lists and figure captions as removed lines, keeping prose with links in it', () => {
    const { blocks, removed } = htmlToBlocks(
      `<p>${para(1)} <a href="/x">A linked phrase</a> inside prose.</p>` +
        '<ul><li><a href="/a">Dave Matthews Band takes over Rock Hall Fan Vote</a></li><li><a href="/b">Contact us</a></li></ul>' +
        '<p>Read more: <a href="/c">Storm closes the coastal road</a></p>' +
        '<figure><img src="x.jpg"><figcaption>The river at dawn. <a href="/p">Photo: A. Writer</a></figcaption></figure>' +
        // All link, but 50 words: more than a link list's line.
        `<p><a href="/long">${para(2)} ${para(3)}</a></p>`,
    );
    expect(blocks).toEqual([`${para(1)} A linked phrase inside prose.`, 'Read more: Storm closes the coastal road', `${para(2)} ${para(3)}`]);
    expect(removed).toEqual([
      { text: 'Dave Matthews Band takes over Rock Hall Fan Vote', reason: 'link-list' },
      { text: 'Contact us', reason: 'link-list' },
      { text: 'The river at dawn. Photo: A. Writer', reason: 'caption' },
    ]);
  });

  it('keeps what it sets aside in the page audit (removed)', () => {
    const html = `<html><head><title>Flood</title></head><body><article><p>${para(1)}</p><p>${para(2)}</p><p>${para(3)}</p><ul><li><a href="/a">Related: the dam holds</a></li></ul></article></body></html>`;
    const out = extractHtml(html);
    expect(out.blocks.join(' ')).not.toContain('the dam holds');
    expect(out.removed).toContainEqual({ text: 'Related: the dam holds', reason: 'link-list' });
  });

  it('falls back to the densest container when Readability finds no article', () => {
    // Text spread in small sibling containers with nav chrome: the fallback still finds it.
    const html = `<html><head><title>Flood</title></head><body><nav><p>${'Home News Sport Weather '.repeat(3)}</p></nav><div><p>${para(1)}</p></div></body></html>`;
    const out = extractHtml(html);
    expect(out.blocks.join(' ')).toContain('Paragraph 1 of a fictional report');
    expect(out.blocks.join(' ')).not.toContain('Home News Sport');
  });

  it('reads JSON-LD when meta tags are missing, ignoring a malformed block', () => {
    const html = `<html lang="ar-EG"><head><script type="application/ld+json">{broken</script>
      <script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2020-05-12T10:00:00+03:00","publisher":{"name":"Al Jazeera"},"author":[{"name":"A"},{"name":"B"}]}]}</script></head>
      <body><article><p>${para(1)}</p><p>${para(2)}</p><p>${para(3)}</p></article></body></html>`;
    const { meta } = extractHtml(html);
    expect(meta).toMatchObject({ date: '2020-05-12', outlet: 'Al Jazeera', byline: 'A; B', lang: 'ar' });
  });
});

describe('page dates', () => {
  it('takes the day a page states (not moved to UTC) and none for a day the calendar lacks (it crashed clustering)', async () => {
    const { parseInput } = await import('../../src/ingest/parse-input.js');
    const page = (published: string) =>
      new TextEncoder().encode(`<html><head><meta property="article:published_time" content="${published}"><title>T</title></head><body><article><p>${para(1)}</p><p>${para(2)}</p></article></body></html>`);
    expect(parseInput({ path: 'a.html', bytes: page('2024-03-16T23:30:00-05:00') }).docs[0]?.meta.date).toBe('2024-03-16');
    expect(parseInput({ path: 'b.html', bytes: page('2024-02-30T10:00:00Z') }).docs[0]?.meta.date).toBeUndefined();
    // What could not be read is kept, to be reported; a day above 12 settles a numeric date.
    expect(parseInput({ path: 'c.html', bytes: page('05/06/2024') }).docs[0]?.meta).toMatchObject({ dateStated: '05/06/2024' });
    expect(parseInput({ path: 'd.html', bytes: page('25/06/2024 10:00') }).docs[0]?.meta).toMatchObject({ date: '2024-06-25' });
  });
});
