import { describe, expect, it } from 'vitest';
import { extractHtml, htmlToBlocks } from '../../src/ingest/parse-html.js';

const para = (n: number): string => `Paragraph ${n} of a fictional report tells how the river rose by two metres overnight and how neighbours helped each other to move furniture upstairs.`;

describe('extractHtml', () => {
  it('flattens block elements to paragraphs and table rows to one line each', () => {
    expect(htmlToBlocks('<p>One <b>bold</b> line</p><div>Two<br>Three</div><table><tr><td>a</td><td>b</td></tr></table>')).toEqual(['One bold line', 'Two', 'Three', 'a | b']);
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
