import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanCorpus, parseInput, parseManifest, parseOutletsYaml } from '../../src/ingest/index.js';
import type { ParsedDoc } from '../../src/types.js';

const FIX = fileURLToPath(new URL('../fixtures/ingest/', import.meta.url));
const outlets = parseOutletsYaml(readFileSync(fileURLToPath(new URL('../../lexicons/outlets.yaml', import.meta.url)), 'utf8'), 'outlets.yaml');
const docsOf = (name: string, map?: Record<string, string>): ParsedDoc[] =>
  parseInput({ path: `corpus/${name}`, bytes: readFileSync(`${FIX}${name}`) }, map ? { map } : {}).docs;

describe('cleanCorpus on fixture pages', () => {
  it('English page: title, byline, date, tags, masthead outlet; chrome out with reasons; subheading kept', () => {
    const [a] = cleanCorpus(docsOf('page-en.txt'), outlets).articles;
    expect(a).toMatchObject({ id: 'page-en', outlet: 'Sputnik', credit: '', lang: 'en', date: '2021-03-14', byline: 'Lena Marsh',
      title: 'Coastal town reopens its old lighthouse after ten years of repairs', tags: ['Porthvale', 'Lighthouses', 'Heritage'] });
    const paragraphs = a!.body.split('\n\n');
    expect(paragraphs[0]).toBe(a!.title);
    expect(a!.body.slice(0, a!.headlineEnd)).toBe(a!.title);
    expect(paragraphs).toContain('Visitors will need a ticket'); // subheading between paragraphs
    expect(paragraphs.some((p) => p.startsWith('"We waited a long time'))).toBe(true); // after the related block
    for (const chrome of ['Related News', 'Porthvale fishermen', 'BREAKING', 'ferry service', 'Most Read', 'Local bakery', 'All Rights Reserved', 'The lighthouse at dusk', 'World']) {
      expect(a!.body).not.toContain(chrome);
    }
    const reasons = new Map(a!.removed.map((r) => [r.text, r.reason]));
    expect(reasons.get('Porthvale fishermen protest new quotas')).toBe('related-list');
    expect(reasons.get('Weather office warns of strong winds along the northern coast tonight')).toBe('ticker');
    expect(reasons.get('The lighthouse at dusk.')).toBe('caption');
    expect(reasons.get('By Lena Marsh')).toBe('byline');
    expect(reasons.get('Heritage')).toBe('tags');
  });

  it('Arabic page with BOM, CRLF and NBSP: Arabic date, المصدر credit names the publisher (RT + ar → RT Arabic)', () => {
    const [a] = cleanCorpus(docsOf('page-ar.txt'), outlets).articles;
    expect(a).toMatchObject({ outlet: 'RT Arabic', credit: 'RT', lang: 'ar', date: '2020-05-12', title: 'افتتاح مكتبة جديدة في مدينة ساحلية خيالية' });
    const paragraphs = a!.body.split('\n\n');
    expect(paragraphs).toHaveLength(4);
    expect(paragraphs.filter((p) => p === a!.title)).toHaveLength(1);
    for (const chrome of ['قراءة المزيد', 'مهرجان الكتاب', 'حديقة عامة', 'التعليقات', 'مباراة ودية', 'AFP', 'المصدر', 'مباشر']) expect(a!.body).not.toContain(chrome);
  });

  it('a page that names no publisher is `unknown`', () => {
    const [a] = cleanCorpus(docsOf('page-unknown.txt'), outlets).articles;
    expect(a).toMatchObject({ outlet: 'unknown', title: 'Village choir wins national contest', lang: 'en', date: '' });
    expect(a!.removed.map((r) => r.text)).toEqual(['Home', 'Contact']);
  });

  it('manifest entries override page metadata (matched by basename)', () => {
    const manifest = parseManifest({ path: 'manifest.csv', bytes: readFileSync(`${FIX}manifest.csv`) });
    const [a] = cleanCorpus(docsOf('page-en.txt'), outlets, manifest).articles;
    expect(a).toMatchObject({ outlet: 'Al Jazeera English', date: '2021-03-15', url: 'https://www.aljazeera.com/news/fictional' });
  });

  it('HTML: metadata from the head, in-article "Read more" link out, no title repeat', () => {
    const [a] = cleanCorpus(docsOf('page.html'), outlets).articles;
    expect(a).toMatchObject({ outlet: 'Reuters', date: '2021-06-02', byline: 'Omar Haddad', title: 'Town library opens a reading garden', lang: 'en' });
    expect(a!.body).not.toContain('Read more');
    expect(a!.body).not.toContain('Storm closes coastal road');
    expect(a!.body).not.toContain('Fictional footer');
    expect(a!.body.split('\n\n').filter((p) => p === a!.title)).toHaveLength(1);
    expect(a!.removed).toContainEqual({ text: 'Read more: Elmridge market returns after winter break', reason: 'related-list' });
  });

  it('HTML with no article text is skipped: "no article text found"', () => {
    // Its only text is a link ("Home"), set aside when the page is parsed.
    const parsed = parseInput({ path: 'corpus/no-article.html', bytes: readFileSync(`${FIX}no-article.html`) });
    expect(parsed.docs).toEqual([]);
    expect(parsed.skipped).toEqual([{ source: 'corpus/no-article.html', reason: 'no article text found in the HTML' }]);
    // Menu words outside links reach cleaning, which finds no prose among them.
    const menu = '<!doctype html><html><head><title>Menu</title></head><body><article><p>Home</p><p>Sign in</p><p>Subscribe</p></article></body></html>';
    const { articles, skipped } = cleanCorpus(parseInput({ path: 'corpus/menu.html', bytes: Buffer.from(menu) }).docs, outlets);
    expect(articles).toEqual([]);
    expect(skipped).toEqual([{ source: 'corpus/menu.html', reason: 'no article text found' }]);
  });

  it('records pass through uncleaned; outlet and language canonicalised', () => {
    const { articles } = cleanCorpus(docsOf('records.jsonl'), outlets);
    expect(articles.map((a) => [a.id, a.outlet, a.lang, a.title])).toEqual([
      ['rec-1', 'BBC News', 'en', 'Harbour record'], ['rec-2', 'Al Jazeera Arabic', 'ar', ''], ['records:5', 'Some Local Paper', 'en', '']]);
    expect(articles[0]!.body).toBe('Harbour record\n\nFirst paragraph of a fictional record about a harbour.\n\nSecond paragraph, with more detail about boats.');
    expect(articles[1]!.headlineEnd).toBe(0);
  });

  it('a record whose whole text is its title is kept, its text read as running text (one-sentence briefs were skipped as "no article text")', () => {
    const lead = 'Officials said on Monday that the talks in Geneva would resume next week after a short break.';
    const jsonl = [
      JSON.stringify({ id: 'brief', title: lead, text: lead }),
      JSON.stringify({ id: 'lead-repeated', title: lead, text: `${lead}\n\nA second paragraph follows.` }),
    ].join('\n');
    const { articles, skipped } = cleanCorpus(parseInput({ path: 'b.jsonl', bytes: Buffer.from(jsonl) }).docs, outlets);
    expect(skipped).toEqual([]);
    expect(articles.map((a) => [a.id, a.title, a.body, a.headlineEnd])).toEqual([
      ['brief', lead, lead, 0],
      ['lead-repeated', lead, `${lead}\n\nA second paragraph follows.`, lead.length],
    ]);
    // A page is still skipped when cleaning leaves its title alone.
    const page = '<!doctype html><html><head><title>Talks resume</title></head><body><article><h1>Talks resume</h1></article></body></html>';
    expect(cleanCorpus(parseInput({ path: 'p.html', bytes: Buffer.from(page) }).docs, outlets).articles).toEqual([]);
  });

  it('version tables: title from the first row, outlet from the source id', () => {
    const { articles } = cleanCorpus(docsOf('versions.txt'), outlets);
    expect(articles.map((a) => [a.id, a.outlet, a.isLatest])).toEqual([['versions@v1', 'RT', false], ['versions@v2', 'RT', true]]);
    expect(articles[1]!.body.startsWith('Fictional bridge opens to traffic\n\nA new bridge')).toBe(true);
  });

  it('lines two pages of one outlet share (two stories) are removed as `repeated`; one page alone keeps them', () => {
    const page = (id: string, story: string): ParsedDoc => ({
      id, source: `${id}.txt`, format: 'text', needsCleaning: true, meta: { outlet: 'Reuters' }, version: null, isLatest: true, storyId: id, removed: [],
      blocks: ['Our newsroom is independent and funded by readers like you, every single day of the year.', `${story} happened on Monday in the fictional city, officials said in a statement.`, 'The statement added that more details would follow later in the week.'],
    });
    const two = cleanCorpus([page('a', 'A fire'), page('b', 'A flood')], outlets).articles;
    for (const a of two) expect(a.removed).toContainEqual({ text: 'Our newsroom is independent and funded by readers like you, every single day of the year.', reason: 'repeated' });
    const one = cleanCorpus([page('a', 'A fire')], outlets).articles[0]!;
    expect(one.body).toContain('Our newsroom is independent');
  });

  it('record ids that collide across files get their file stem as prefix', () => {
    const rec = (path: string): ParsedDoc[] => parseInput({ path, bytes: new TextEncoder().encode('{"id":"7","text":"Some text of a record."}\n') }).docs;
    const ids = cleanCorpus([...rec('a/one.jsonl'), ...rec('b/two.jsonl')], outlets).articles.map((a) => a.id);
    expect(ids).toEqual(['one:7', 'two:7']);
    expect(cleanCorpus(rec('a/one.jsonl'), outlets).articles[0]!.id).toBe('7');
  });

  it('ids stay unique when file names repeat across folders: the folders that tell them apart are prefixed, story ids too', () => {
    const encode = (text: string) => new TextEncoder().encode(text);
    const rec = (path: string, id = '7'): ParsedDoc[] => parseInput({ path, bytes: encode(`{"id":"${id}","text":"Some text of a record."}\n`) }).docs;
    const page = (path: string): ParsedDoc[] => parseInput({ path, bytes: encode('Talks resume\n\nForeign ministers met in Geneva on Monday to discuss a ceasefire, and officials said the talks would resume next week.\n') }).docs;
    const idsOf = (docs: ParsedDoc[]) => cleanCorpus(docs, outlets).articles.map((a) => a.id);
    // Records: the file stem first (CONTRACT.md), then folders.
    expect(idsOf([...rec('c/rt/articles.jsonl'), ...rec('c/bbc/articles.jsonl')])).toEqual(['rt/articles:7', 'bbc/articles:7']);
    expect(idsOf([...rec('x/rt/articles.jsonl'), ...rec('y/rt/articles.jsonl')])).toEqual(['x/rt/articles:7', 'y/rt/articles:7']);
    // Pages: folders; a page and a record sharing an id: the record takes its stem, the page keeps its id.
    expect(idsOf([...page('c/rt/page1.txt'), ...page('c/bbc/page1.txt')])).toEqual(['rt/page1', 'bbc/page1']);
    expect(idsOf([...page('c/page1.txt'), ...rec('c/feed.jsonl', 'page1')])).toEqual(['page1', 'feed:page1']);
    // One name, two extensions in one folder: the whole file name.
    expect(idsOf([...page('c/page1.txt'), ...page('c/page1.html')])).toEqual(['c/page1.txt', 'c/page1.html']);
    // A version table's versions move together, one folder up, and keep one story per file.
    const tableBytes = readFileSync(fileURLToPath(new URL('../../corpora/demo/versions/harbour-line-poltava-power.txt', import.meta.url)));
    const versions = [...parseInput({ path: 'c/a/story.txt', bytes: tableBytes }).docs, ...parseInput({ path: 'c/b/story.txt', bytes: tableBytes }).docs];
    const articles = cleanCorpus(versions, outlets).articles;
    expect(articles.map((a) => a.id)).toEqual(['a/story@v1', 'a/story@v2', 'b/story@v1', 'b/story@v2']);
    expect(articles.map((a) => a.storyId)).toEqual(['a/story', 'a/story', 'b/story', 'b/story']);
  });

  it('a known outlet name in the tag list does not make it the publisher', () => {
    const blocks = ['Village choir wins national contest', 'The choir of a small fictional village won first prize at the national contest on Saturday.',
      'Its conductor said the singers had rehearsed twice a week for a whole year before the final.', '  • Music', '  • BBC News', '  • Villages'];
    const doc: ParsedDoc = { id: 'p', source: 'p.txt', format: 'text', blocks, needsCleaning: true, meta: {}, version: null, isLatest: true, storyId: 'p', removed: [] };
    const a = cleanCorpus([doc], outlets).articles[0]!;
    expect(a.outlet).toBe('unknown');
    expect(a.tags).toEqual(['Music', 'BBC News', 'Villages']);
  });

  it('empty corpus gives nothing', () => {
    expect(cleanCorpus([], outlets)).toEqual({ articles: [], skipped: [] });
  });
});
