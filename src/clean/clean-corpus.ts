/**
 * Parsed docs to articles: outlet pre-pass (to pool pages per outlet), the boilerplate table,
 * per-page cleaning, metadata merge (manifest > page > parser hints), language, canonical outlet.
 */
import type { Article, MetaHints, OutletAlias, ParsedDoc, Skipped } from '../types.js';
import { canonicalOutlet, findOutlet, hostOf } from '../ingest/outlets.js';
import { manifestLookup } from '../ingest/manifest.js';
import { basename } from 'node:path';
import { fileStem } from '../ingest/decode.js';
import { detectLanguage } from '../text/detect-language.js';
import { languageCode } from '../text/lang-code.js';
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
  // Before the table: versions of one story count as one story there, and two files of one name are two stories.
  docs = uniqueIds(docs);
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
  return { articles, skipped };
}

/**
 * Ids unique across the corpus (CONTRACT.md "Units and ids"). A record keeps its id, prefixed
 * `<file stem>:` only where two inputs give it (`one:7`, `two:7`). Where that is not enough — files
 * of one name in two folders (`rt/articles.jsonl`, `bbc/articles.jsonl`), pages of one name
 * (`rt/page1.txt`, `bbc/page1.txt`) — the id is prefixed with as many of the file's folders as
 * tell them apart (`rt/articles:7`, `bbc/page1`), and so is the story id: every version of a
 * version table, and every page, moves with its file. Before, such corpora failed with an internal
 * error (duplicate ids). Ids of one file are unique already (src/ingest/parse-records.ts).
 */
export function uniqueIds(docs: readonly ParsedDoc[]): ParsedDoc[] {
  const isRecord = (doc: ParsedDoc): boolean => doc.format === 'jsonl' || doc.format === 'csv';
  const fileOf = (doc: ParsedDoc): string => (isRecord(doc) ? doc.source.replace(/:\d+$/, '') : doc.source);
  const parts = (doc: ParsedDoc): string[] => fileOf(doc).split(/[\\/]/).filter((part) => part !== '' && part !== '.');
  const folderPrefix = (doc: ParsedDoc, count: number): string => (count === 0 ? '' : `${parts(doc).slice(0, -1).slice(-count).join('/')}/`);
  // Records are prefixed one by one (each is its own story); pages and version tables file by file.
  const unitOf = (doc: ParsedDoc, i: number): string => (isRecord(doc) ? `record ${i}` : `file ${fileOf(doc)}`);
  const folderCount = (doc: ParsedDoc): number => parts(doc).length - 1;
  /**
   * The id at a level. Records: 1 `<stem>:<id>`, then one folder more per level. Pages and version
   * tables: one folder more per level. Last, the file's whole name replaces its stem (`x.txt` and
   * `x.html` side by side).
   */
  const maxLevel = (doc: ParsedDoc): number => folderCount(doc) + (isRecord(doc) ? 2 : 1);
  const idAt = (doc: ParsedDoc, level: number): string => {
    if (level === 0) return doc.id;
    const file = fileOf(doc);
    const stem = fileStem(file);
    const whole = level === maxLevel(doc);
    if (isRecord(doc)) {
      if (whole) return `${folderPrefix(doc, folderCount(doc))}${basename(file)}:${doc.id}`;
      const qualified = doc.id.startsWith(`${stem}:`) ? doc.id : `${stem}:${doc.id}`;
      return `${folderPrefix(doc, level - 1)}${qualified}`;
    }
    if (whole) return `${folderPrefix(doc, folderCount(doc))}${basename(file)}${doc.id.startsWith(stem) ? doc.id.slice(stem.length) : `:${doc.id}`}`;
    return `${folderPrefix(doc, level)}${doc.id}`;
  };
  const storyAt = (doc: ParsedDoc, level: number): string => {
    if (level === 0) return doc.storyId;
    if (isRecord(doc)) return doc.storyId === doc.id ? idAt(doc, level) : doc.storyId;
    // A story id of a page or version table is its stem, as its id is without the version.
    return doc.storyId === fileStem(fileOf(doc)) ? idAt({ ...doc, id: doc.storyId }, level) : `${folderPrefix(doc, folderCount(doc))}${doc.storyId}`;
  };
  const level = new Map<string, number>();
  const levelOf = (doc: ParsedDoc, i: number): number => level.get(unitOf(doc, i)) ?? 0;
  for (;;) {
    const byId = new Map<string, number[]>();
    docs.forEach((doc, i) => {
      const id = idAt(doc, levelOf(doc, i));
      const same = byId.get(id);
      if (same) same.push(i);
      else byId.set(id, [i]);
    });
    // Each unit one level up per round, however many of its ids collide (a version table's versions).
    const raise = new Map<string, number>();
    for (const members of byId.values()) {
      if (members.length < 2) continue;
      const open = members.filter((i) => levelOf(docs[i]!, i) < maxLevel(docs[i]!));
      // CONTRACT.md's step first: records that collide take their file stem; others wait for it.
      const unprefixedRecords = open.filter((i) => isRecord(docs[i]!) && levelOf(docs[i]!, i) === 0);
      for (const i of unprefixedRecords.length > 0 ? unprefixedRecords : open) raise.set(unitOf(docs[i]!, i), levelOf(docs[i]!, i) + 1);
    }
    if (raise.size === 0) break;
    for (const [unit, next] of raise) level.set(unit, next);
  }
  return docs.map((doc, i) => {
    const at = levelOf(doc, i);
    return at === 0 ? doc : { ...doc, id: idAt(doc, at), storyId: storyAt(doc, at) };
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
  // A record whose whole text is its title (exports that fill the title with the lead; news
  // briefs of one sentence — 23 of the 496 ECB+ dev articles): the text is the article, read as
  // running text, not a headline alone with nothing under it.
  const textIsTitle = !doc.needsCleaning && title !== '' && paragraphs.length === 1 && paragraphs[0]?.trim() === title;
  if (title && paragraphs[0]?.trim() === title && !textIsTitle) paragraphs = paragraphs.slice(1);
  const text = paragraphs.join('\n\n');
  const body = title && !textIsTitle ? (text ? `${title}\n\n${text}` : title) : text;
  const lang = languageCode(override.lang) ?? languageCode(doc.meta.lang) ?? detectLanguage(body).lang;
  // Publisher: manifest, then what names the site (masthead, URL, parser hint), then Source: line.
  const outletHint = override.outlet ?? page.meta.outlet ?? doc.meta.outlet ?? outletFromUrl(override.url ?? doc.meta.url, outlets) ?? page.sourceLine;
  const credit = override.credit ?? (page.credits.length ? page.credits.join('; ') : doc.meta.credit ?? '');
  const date = override.date ?? page.meta.date ?? doc.meta.date ?? '';
  const dateStated = date === '' ? doc.meta.dateStated ?? '' : '';
  return {
    id: doc.id, source: doc.source, format: doc.format,
    outlet: canonicalOutlet(outletHint, lang, outlets),
    credit, lang, title,
    date,
    dateStated,
    url: override.url ?? doc.meta.url ?? '',
    byline: override.byline ?? page.meta.byline ?? doc.meta.byline ?? '',
    tags: override.tags ?? page.meta.tags ?? doc.meta.tags ?? [],
    version: doc.version, isLatest: doc.isLatest, storyId: doc.storyId,
    body, headlineEnd: title && !textIsTitle ? title.length : 0,
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
