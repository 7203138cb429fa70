/**
 * Parsed docs to articles: outlet pre-pass (to pool pages per outlet), the boilerplate table,
 * per-page cleaning, metadata merge (manifest > page > parser hints), language, canonical outlet.
 */
import type { Article, MetaHints, OutletAlias, ParsedDoc, Skipped } from '../types.js';
import { canonicalOutlet, findOutlet, hostOf } from '../ingest/outlets.js';
import { manifestLookup } from '../ingest/manifest.js';
import { fileStem } from '../ingest/decode.js';
import { detectLanguage } from '../text/detect-language.js';
import { buildBoilerplateTable } from './boilerplate.js';
import { cleanPage, type CleanedPage } from './clean-page.js';
import { isProse, lineText, wordCount } from './line-shape.js';
import { canonicalCredit } from './metadata.js';

/** Lines scanned for a masthead in the outlet pre-pass (mastheads sit at the top). */
const MASTHEAD_LINES = 5;

/** Clean every doc; docs with no text left are skipped with a reason. */
export function cleanCorpus(
  docs: readonly ParsedDoc[], outlets: readonly OutletAlias[], manifest?: Map<string, MetaHints>,
): { articles: Article[]; skipped: Skipped[] } {
  const lookup = manifestLookup(manifest);
  const entries = docs.map((d) => lookup(d.source));
  const hints = docs.map((d, i) => ({ ...d.meta, ...entries[i] }));
  const poolKeys = docs.map((d, i) => (d.needsCleaning ? poolKey(d, hints[i]!, outlets) : undefined));
  // Each line's text and key once, for the table and the page (they were built twice, then lowered again per rule).
  const lineTexts = docs.map((d) => (d.needsCleaning ? d.blocks.map(lineText) : []));
  const lineKeys = lineTexts.map((texts) => texts.map((t) => t.toLowerCase()));
  const table = buildBoilerplateTable(docs.map((d, i) => ({ outlet: poolKeys[i], storyId: d.storyId, blocks: d.needsCleaning ? d.blocks : [], keys: lineKeys[i]! })));
  const articles: Article[] = [];
  const skipped: Skipped[] = [];
  docs.forEach((doc, i) => {
    const override = entries[i] ?? {};
    const page = doc.needsCleaning
      ? cleanPage(doc.blocks, {
        repeated: table.get(poolKeys[i] ?? '') ?? new Set(), outlets,
        kind: doc.format === 'html' ? 'html' : 'text', lines: { texts: lineTexts[i]!, keys: lineKeys[i]! },
        ...(doc.meta.title !== undefined ? { knownTitle: doc.meta.title } : {}),
      })
      : asCleaned(doc, outlets);
    const article = toArticle(doc, page, override, outlets);
    // A cleaned page must keep some running text; menus and a title alone are not an article.
    const noProse = doc.needsCleaning && !page.paragraphs.some((p) => isProse(p));
    if (noProse || article.body.slice(article.headlineEnd).trim() === '') {
      skipped.push({ source: doc.source, reason: 'no article text found' });
    } else articles.push(article);
  });
  return { articles: prefixCollidingRecordIds(articles), skipped };
}

/** CONTRACT "Units and ids": a record keeps its id, prefixed `<file stem>:` only where two inputs collide. */
function prefixCollidingRecordIds(articles: Article[]): Article[] {
  const counts = new Map<string, number>();
  for (const a of articles) counts.set(a.id, (counts.get(a.id) ?? 0) + 1);
  return articles.map((a) => {
    if ((counts.get(a.id) ?? 0) < 2 || (a.format !== 'jsonl' && a.format !== 'csv') || a.id.startsWith(`${fileStem(a.source.replace(/:\d+$/, ''))}:`)) return a;
    const id = `${fileStem(a.source.replace(/:\d+$/, ''))}:${a.id}`;
    return { ...a, id, storyId: a.storyId === a.id ? id : a.storyId };
  });
}

/** Records and version tables: their blocks are the text already. */
function asCleaned(doc: ParsedDoc, outlets: readonly OutletAlias[]): CleanedPage {
  return {
    title: doc.meta.title ?? '', paragraphs: [...doc.blocks], removed: [], meta: {},
    credits: doc.meta.credit ? [canonicalCredit(doc.meta.credit, outlets)] : [],
  };
}

function toArticle(doc: ParsedDoc, page: CleanedPage, override: MetaHints, outlets: readonly OutletAlias[]): Article {
  const title = (override.title ?? page.title).trim();
  let paragraphs = page.paragraphs;
  if (title && paragraphs[0]?.trim() === title) paragraphs = paragraphs.slice(1);
  const text = paragraphs.join('\n\n');
  const body = title ? (text ? `${title}\n\n${text}` : title) : text;
  const lang = override.lang ?? doc.meta.lang ?? detectLanguage(body).lang;
  // Publisher: manifest, then what names the site (masthead, URL, parser hint), then Source: line.
  const outletHint = override.outlet ?? page.meta.outlet ?? doc.meta.outlet ?? outletFromUrl(override.url ?? doc.meta.url, outlets) ?? page.sourceLine;
  const credit = override.credit ?? (page.credits.length ? page.credits.join('; ') : doc.meta.credit ?? '');
  return {
    id: doc.id, source: doc.source, format: doc.format,
    outlet: canonicalOutlet(outletHint, lang, outlets),
    credit, lang, title,
    date: override.date ?? page.meta.date ?? doc.meta.date ?? '',
    url: override.url ?? doc.meta.url ?? '',
    byline: override.byline ?? page.meta.byline ?? doc.meta.byline ?? '',
    tags: override.tags ?? page.meta.tags ?? doc.meta.tags ?? [],
    version: doc.version, isLatest: doc.isLatest, storyId: doc.storyId,
    body, headlineEnd: title ? title.length : 0,
    removed: [...doc.removed, ...page.removed],
  };
}

function outletFromUrl(url: string | undefined, outlets: readonly OutletAlias[]): string | undefined {
  if (!url) return undefined;
  return findOutlet(url, outlets)?.name ?? hostOf(url);
}

/** Which outlet's pool a page's lines join: a known masthead near the top, a URL, or a hint. */
function poolKey(doc: ParsedDoc, hints: MetaHints, outlets: readonly OutletAlias[]): string | undefined {
  const named = hints.outlet ?? hints.url;
  if (named) return findOutlet(named, outlets)?.name ?? hostOf(named) ?? named.toLowerCase();
  for (const block of doc.blocks.slice(0, MASTHEAD_LINES)) {
    const text = lineText(block);
    if (isProse(text)) break; // mastheads come before the text
    if (wordCount(text) <= 5) {
      const entry = findOutlet(text, outlets);
      if (entry) return entry.name;
    }
  }
  return undefined;
}
