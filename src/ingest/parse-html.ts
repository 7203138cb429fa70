/**
 * HTML pages: main text by Mozilla Readability over linkedom, as paragraph blocks, plus the
 * page's own metadata (`<title>`, `og:*`, `article:published_time`, canonical link, JSON-LD).
 * Readability misses in two known ways, each with a fallback: it returns nothing or a sliver on
 * pages whose text sits in many small containers (then the densest container's text is used),
 * and it keeps in-article chrome (share bars, "Read more" lists, captions). Lines that are all
 * link text and figure captions are set aside here, where the markup shows them (`nodeToBlocks`);
 * the common cleaning rules remove the rest afterwards.
 */
import { createRequire } from 'node:module';
import { Readability } from '@mozilla/readability';
import type { MetaHints, ParsedDoc, Removed } from '../types.js';
import { foldWhitespace } from './decode.js';
import { parseDateField } from '../clean/metadata.js';

/**
 * linkedom, loaded on the first HTML page (its CommonJS build, so parsing stays synchronous):
 * importing it takes ~130 ms of every run's start-up here, and most runs — a corpus without
 * HTML, or a re-run from the cache — never parse a page.
 */
let linkedom: typeof import('linkedom') | undefined;
function parseHTML(html: string): ReturnType<typeof import('linkedom').parseHTML> {
  linkedom ??= createRequire(import.meta.url)('linkedom') as typeof import('linkedom');
  return linkedom.parseHTML(html);
}

/** Block-level elements: each starts a new paragraph when the DOM is flattened to text. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P',
  'PRE', 'SECTION', 'TABLE', 'TR', 'UL',
]);
/** Never text: scripts, styles and embedded media. */
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'CANVAS', 'BUTTON', 'SELECT']);
/** Page chrome by element: dropped before the fallback reads a container. */
const CHROME_SELECTOR = 'nav, header, footer, aside, form, [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true]';
/** Below this many characters Readability's result is treated as a miss (a teaser or a caption). */
const MIN_ARTICLE_CHARS = 250;
/**
 * Readability's time grows steeply with nesting depth (measured here: depth 200 → 0.5 s,
 * 1000 → 6.8 s, 5000 → 280 s), so a hostile page could stall a run. Article pages stay far below
 * this; deeper pages skip Readability and use the fallback, which is linear.
 */
const MAX_READABILITY_DEPTH = 150;

/** The few DOM members used here (the project compiles without the DOM lib; linkedom provides them). */
interface DomNode {
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
interface DomElement extends DomNode {
  tagName: string;
  parentElement: DomElement | null;
  getAttribute(name: string): string | null;
  remove(): void;
}
interface DomDocument {
  body: DomElement;
  documentElement: DomElement | null;
  querySelector(sel: string): DomElement | null;
  querySelectorAll(sel: string): ArrayLike<DomElement>;
}
/** Readability's declared parameter type, whatever lib the project compiles with. */
type ReadabilityDocument = ConstructorParameters<typeof Readability>[0];

function domOf(html: string): DomDocument {
  const document = parseHTML(html).document as unknown as DomDocument;
  // linkedom leaves documentElement null when the input has no element at all (plain text, a
  // comment, "" in a .html file), and its body getter then throws: give such input a skeleton.
  if (document.documentElement !== null) return document;
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document as unknown as DomDocument;
}

export interface HtmlExtraction {
  title: string;
  blocks: string[];
  meta: MetaHints;
  removed: Removed[];
}

/** Extract the article's paragraphs and metadata from an HTML string. */
export function extractHtml(html: string): HtmlExtraction {
  const document = domOf(html);
  const meta = readHtmlMeta(document);
  let article: ReturnType<Readability<DomNode>['parse']> = null;
  const tooDeep = elementDepth(document.body) > MAX_READABILITY_DEPTH;
  if (!tooDeep) {
    try {
      // The article element itself, not its innerHTML: serialising and re-parsing it was a fifth of HTML time.
      const serializer = (el: unknown): DomNode => el as DomNode;
      article = new Readability(document as unknown as ReadabilityDocument, { charThreshold: 300, serializer }).parse();
    } catch {
      article = null;
    }
  }
  let text: { blocks: string[]; removed: Removed[] } = { blocks: [], removed: [] };
  if (article?.content) text = nodeToBlocks(article.content);
  // A short Readability result is a miss (a teaser, or chrome it mistook for text): the densest
  // container, with chrome elements removed, is the better guess whenever it found paragraphs.
  // Parsed (a second DOM: Readability changes the first) only then: it was a third of HTML time.
  if (textLength(text.blocks) < MIN_ARTICLE_CHARS) {
    // Readability did not run on a too-deep page, so its DOM is still whole: no second parse.
    const fallback = densestContainerBlocks(tooDeep ? document : domOf(html));
    if (textLength(fallback.blocks) > 0) text = fallback;
    else if (tooDeep) text = nodeToBlocks(document.body);
  }
  const title = (article?.title ?? meta.title ?? '').trim();
  if (article?.byline && !meta.byline) meta.byline = article.byline.trim();
  if (title) meta.title = title;
  return { title, blocks: text.blocks, meta, removed: text.removed };
}

/** Parse an HTML page into one doc (id = file stem). */
export function parseHtmlPage(html: string, source: string, stem: string): ParsedDoc {
  const { blocks, meta, removed } = extractHtml(html);
  return {
    id: stem, source, format: 'html', blocks, needsCleaning: true, meta,
    version: null, isLatest: true, storyId: stem, removed,
  };
}

/** Flatten an HTML fragment to paragraph blocks (one per block element, whitespace collapsed), link lists and captions set aside. */
export function htmlToBlocks(fragment: string): { blocks: string[]; removed: Removed[] } {
  return nodeToBlocks(domOf(`<!doctype html><html><body>${fragment}</body></html>`).body);
}

/**
 * A block whose text lies at least this share inside links is a link list or a teaser
 * ("Dave Matthews Band takes over Rock Hall Fan Vote", "Contact Chron"), not article prose: the
 * link density of boilerpipe (Kohlschütter, Fankhauser & Nejdl, WSDM 2010), where a block's share of
 * anchor text is among the strongest single boilerplate features. Readability judges it per
 * container and keeps such lines inside the container it picks.
 */
const LINK_SHARE = 0.9;
/** Longer all-link blocks are kept: an article paragraph rarely sits wholly inside one link, but a long one is not worth the risk. */
const LINK_BLOCK_MAX_WORDS = 25;

/** End of an element whose text is counted apart (a link, a figure caption), in the walk's stack. */
interface Exit {
  exit: 'A' | 'FIGCAPTION';
}

/**
 * Flatten a DOM subtree to blocks, setting aside link lists (`LINK_SHARE`) and figure captions
 * (`<figcaption>`) as removed lines. Iterative (an explicit stack, `null` marking the end of a
 * block element) so that a page nested thousands of levels deep cannot overflow the call stack.
 */
function nodeToBlocks(root: DomNode): { blocks: string[]; removed: Removed[] } {
  const blocks: string[] = [];
  const removed: Removed[] = [];
  let current = '';
  let linkChars = 0;
  let captioned = false;
  let inLink = 0;
  let inCaption = 0;
  const flush = (): void => {
    const t = foldWhitespace(current);
    if (t) {
      const chars = t.replace(/\s+/g, '').length;
      if (captioned) removed.push({ text: t, reason: 'caption' });
      else if (linkChars >= LINK_SHARE * chars && t.split(' ').length <= LINK_BLOCK_MAX_WORDS) removed.push({ text: t, reason: 'link-list' });
      else blocks.push(t);
    }
    current = '';
    linkChars = 0;
    captioned = inCaption > 0;
  };
  const stack: (DomNode | Exit | null)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    if (node === null) {
      flush();
      continue;
    }
    if ('exit' in node) {
      if (node.exit === 'A') inLink -= 1;
      else inCaption -= 1;
      continue;
    }
    if (node.nodeType === 3) {
      const text = node.textContent ?? '';
      current += text;
      if (inLink > 0) linkChars += text.replace(/\s+/g, '').length;
      if (inCaption > 0 && text.trim() !== '') captioned = true;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const tag = (node as DomElement).tagName.toUpperCase();
    if (SKIP_TAGS.has(tag)) continue;
    // Table cells stay on their row's line, so a row reads as one record, not as stray words.
    if ((tag === 'TD' || tag === 'TH') && current.trim() !== '') current += ' | ';
    if (BLOCK_TAGS.has(tag)) {
      flush();
      stack.push(null);
    }
    if (tag === 'A' || tag === 'FIGCAPTION') {
      if (tag === 'A') inLink += 1;
      else inCaption += 1;
      stack.push({ exit: tag });
    }
    for (let i = node.childNodes.length - 1; i >= 0; i -= 1) {
      const child = node.childNodes[i];
      if (child) stack.push(child);
    }
  }
  flush();
  return { blocks, removed };
}

/** Deepest element nesting below `root`, counted without recursion. */
function elementDepth(root: DomNode): number {
  let deepest = 0;
  const stack: [DomNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const entry = stack.pop();
    if (!entry) break;
    const [node, depth] = entry;
    if (depth > deepest) deepest = depth;
    for (let i = 0; i < node.childNodes.length; i += 1) {
      const child = node.childNodes[i];
      if (child?.nodeType === 1) stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

/**
 * Fallback when Readability finds no article: the element whose own paragraphs hold the most
 * text (paragraph text counted at its parent, as Readability and boilerpipe score), chrome removed.
 */
function densestContainerBlocks(document: DomDocument): { blocks: string[]; removed: Removed[] } {
  for (const el of Array.from(document.querySelectorAll(CHROME_SELECTOR))) el.remove();
  const score = new Map<DomElement, number>();
  for (const p of Array.from(document.querySelectorAll('p, pre, blockquote'))) {
    const len = (p.textContent ?? '').replace(/\s+/g, ' ').trim().length;
    if (len < 25 || !p.parentElement) continue;
    score.set(p.parentElement, (score.get(p.parentElement) ?? 0) + len);
  }
  let best: DomElement | null = null;
  let bestScore = 0;
  for (const [el, s] of score) if (s > bestScore) [best, bestScore] = [el, s];
  return best ? nodeToBlocks(best) : { blocks: [], removed: [] };
}

function textLength(blocks: string[]): number {
  return blocks.reduce((n, b) => n + b.length, 0);
}

/** Title, outlet, date, URL, language, byline and tags from the page head and JSON-LD. */
export function readHtmlMeta(doc: DomDocument): MetaHints {
  const metaContent = (sel: string): string | undefined => doc.querySelector(sel)?.getAttribute('content')?.trim() || undefined;
  const meta: MetaHints = {};
  const title = metaContent('meta[property="og:title"]') ?? doc.querySelector('title')?.textContent?.trim();
  if (title) meta.title = title;
  const site = metaContent('meta[property="og:site_name"]') ?? metaContent('meta[name="application-name"]');
  const url = doc.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() ?? metaContent('meta[property="og:url"]');
  if (url && /^https?:\/\//.test(url)) meta.url = url;
  const published = metaContent('meta[property="article:published_time"]') ?? metaContent('meta[name="date"]') ?? metaContent('meta[itemprop="datePublished"]');
  const ld = readJsonLd(doc);
  const stated = published ?? ld.date;
  const date = isoDay(stated);
  if (date) meta.date = date;
  else if (stated) meta.dateStated = stated;
  const outlet = site ?? ld.publisher;
  if (outlet) meta.outlet = outlet;
  const author = metaContent('meta[name="author"]') ?? ld.author;
  if (author) meta.byline = author;
  const lang = doc.documentElement?.getAttribute('lang')?.trim().toLowerCase().split(/[-_]/)[0];
  if (lang && /^[a-z]{2,3}$/.test(lang)) meta.lang = lang;
  const tags = Array.from(doc.querySelectorAll('meta[property="article:tag"]')).map((m) => m.getAttribute('content')?.trim() ?? '').filter(Boolean);
  if (tags.length) meta.tags = tags;
  return meta;
}

function isoDay(value: string | undefined): string | undefined {
  // The day as stated (not moved to UTC), when it is a calendar date: `2024-02-30T…` is none.
  return value === undefined ? undefined : parseDateField(value);
}

/** The first NewsArticle-like JSON-LD object's date, publisher and author (malformed blocks ignored). */
function readJsonLd(doc: DomDocument): { date?: string; publisher?: string; author?: string } {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const items = flattenLd(data);
    const article = items.find((o) => typeof o['datePublished'] === 'string' || /Article/.test(String(o['@type'] ?? '')));
    if (!article) continue;
    const out: { date?: string; publisher?: string; author?: string } = {};
    if (typeof article['datePublished'] === 'string') out.date = article['datePublished'];
    const pub = nameOf(article['publisher']);
    if (pub) out.publisher = pub;
    const author = nameOf(article['author']);
    if (author) out.author = author;
    return out;
  }
  return {};
}

function flattenLd(data: unknown): Record<string, unknown>[] {
  if (Array.isArray(data)) return data.flatMap(flattenLd);
  if (data && typeof data === 'object') {
    const o = data as Record<string, unknown>;
    return [o, ...(Array.isArray(o['@graph']) ? flattenLd(o['@graph']) : [])];
  }
  return [];
}

function nameOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (Array.isArray(v)) return v.map(nameOf).filter(Boolean).join('; ') || undefined;
  if (v && typeof v === 'object') {
    const name = (v as Record<string, unknown>)['name'];
    return typeof name === 'string' ? name.trim() || undefined : undefined;
  }
  return undefined;
}
