/**
 * An article written out in each input form framescope reads: a JSONL record, a raw scraped page
 * with the outlet's chrome around it (shaped like the seeds: masthead, bullet menus, ticker,
 * byline bullets, a related list inside the article, tags, most read, footer), an HTML page, and
 * a NewsSniffer version table (shaped like seed 004). No seed text is copied: only their shapes.
 */
import type { Outlet } from './outlets.js';
import { pickInt, pickOne, pickSome } from './prng.js';
import type { Random } from './prng.js';

export interface ArticleDraft {
  id: string;
  outlet: Outlet;
  title: string;
  /** `YYYY-MM-DD`. */
  date: string;
  url: string;
  credit: string;
  byline: string;
  paragraphs: string[];
  tags: string[];
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Egyptian/Gulf and Levantine month names, written together as Arabic sites often do. */
const AR_MONTHS = ['يناير/ كانون الثاني', 'فبراير/ شباط', 'مارس/ آذار', 'أبريل/ نيسان', 'مايو/ أيار', 'يونيو/ حزيران',
  'يوليو/ تموز', 'أغسطس/ آب', 'سبتمبر/ أيلول', 'أكتوبر/ تشرين الأول', 'نوفمبر/ تشرين الثاني', 'ديسمبر/ كانون الأول'];

/** One JSON line (fixed key order, so the bytes are stable). */
export function renderRecord(draft: ArticleDraft): string {
  return JSON.stringify({
    id: draft.id, outlet: draft.outlet.name, title: draft.title, date: draft.date, url: draft.url,
    lang: draft.outlet.lang, credit: draft.credit, text: draft.paragraphs.join('\n\n'),
  });
}

function pageDate(random: Random, draft: ArticleDraft): string {
  const [y, m, d] = draft.date.split('-').map(Number) as [number, number, number];
  if (draft.outlet.lang === 'ar') return `${d} ${AR_MONTHS[m - 1]} ${y}`;
  return `${d} ${EN_MONTHS[m - 1]} ${y} ${String(pickInt(random, 6, 23)).padStart(2, '0')}:${String(pickInt(random, 0, 59)).padStart(2, '0')}`;
}

/** A raw scraped page: the article inside its outlet's repeated chrome. */
export function renderPage(random: Random, draft: ArticleDraft): string {
  const { outlet } = draft;
  const { chrome } = outlet;
  const en = outlet.lang === 'en';
  const lines: string[] = [outlet.name, '', en ? '  • Ar' : '  • En', '  • x', outlet.name, ''];
  for (const [item, ...sub] of chrome.menu) {
    lines.push(`  • ${item}`, ...sub.map((s) => `    • ${s}`));
  }
  lines.push(en ? 'BREAKING' : 'عاجل', ...pickSome(random, chrome.headlines.slice(0, 12), pickInt(random, 3, 7)), '');
  lines.push(draft.title, '');
  lines.push(en ? `  • By ${draft.byline}` : `  • ${draft.byline}`, en ? `  • Source: ${draft.credit}` : `  • المصدر: ${draft.credit}`, `  • ${pageDate(random, draft)}`, '');
  const middle = Math.max(1, Math.floor(draft.paragraphs.length / 2));
  draft.paragraphs.forEach((paragraph, i) => {
    if (i === middle) {
      const related = pickSome(random, chrome.headlines.slice(12), pickInt(random, 2, 3));
      lines.push(en ? 'Related News' : 'قراءة المزيد:', '', ...(en ? related.flatMap((h) => [h, '']) : related.map((h) => `* ${h}`)), '');
    }
    lines.push(paragraph, '');
  });
  lines.push(...draft.tags.map((tag) => `  • ${tag}`));
  if (en) {
    lines.push('Most Read', '');
    for (const h of pickSome(random, chrome.headlines.slice(20), 4)) lines.push(h, '', h, '', `  • ${pickOne(random, chrome.menu)[0]}`);
  } else {
    lines.push('التعليقات', '', ...pickSome(random, chrome.headlines.slice(20), 4).map((h) => `  • ${h}`));
  }
  lines.push('', outlet.name, '', chrome.tagline, '', en ? 'All Rights Reserved' : 'جميع الحقوق محفوظة', '');
  lines.push(...chrome.footerLinks.map((link) => `  • ${link}`), `www.${outlet.domain}`, '');
  return lines.join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A full HTML article page: head metadata, nav, the article with an aside inside it, footer. */
export function renderHtml(random: Random, draft: ArticleDraft): string {
  const { outlet } = draft;
  const title = escapeHtml(draft.title);
  const middle = Math.max(1, Math.floor(draft.paragraphs.length / 2));
  const body = draft.paragraphs.map((p, i) => {
    const aside = i === middle
      ? `      <aside class="related"><h3>${outlet.lang === 'en' ? 'Related' : 'اقرأ أيضا'}</h3><ul>${pickSome(random, outlet.chrome.headlines, 3).map((h) => `<li><a href="/news/${pickInt(random, 1000, 9999)}">${escapeHtml(h)}</a></li>`).join('')}</ul></aside>\n`
      : '';
    return `${aside}      <p>${escapeHtml(p)}</p>`;
  });
  return [
    '<!DOCTYPE html>',
    `<html lang="${outlet.lang}"${outlet.lang === 'ar' ? ' dir="rtl"' : ''}>`,
    '<head>',
    '  <meta charset="utf-8">',
    `  <title>${title} | ${escapeHtml(outlet.name)}</title>`,
    `  <link rel="canonical" href="${draft.url}">`,
    `  <meta property="og:site_name" content="${escapeHtml(outlet.name)}">`,
    `  <meta property="og:title" content="${title}">`,
    `  <meta property="article:published_time" content="${draft.date}T${String(pickInt(random, 6, 23)).padStart(2, '0')}:00:00Z">`,
    `  <meta name="author" content="${escapeHtml(draft.byline)}">`,
    '</head>',
    '<body>',
    `  <header class="site-header"><a class="logo" href="https://www.${outlet.domain}/">${escapeHtml(outlet.name)}</a>`,
    `    <nav><ul>${outlet.chrome.menu.map(([item]) => `<li><a href="/${encodeURIComponent(item ?? '')}">${escapeHtml(item ?? '')}</a></li>`).join('')}</ul></nav>`,
    `    <div class="ticker">${pickSome(random, outlet.chrome.headlines, 3).map((h) => `<span>${escapeHtml(h)}</span>`).join(' ')}</div>`,
    '  </header>',
    '  <main>',
    '    <article>',
    `      <h1>${title}</h1>`,
    `      <p class="byline">${escapeHtml(draft.byline)} · ${draft.date}</p>`,
    ...body,
    `      <ul class="tags">${draft.tags.map((t) => `<li>${escapeHtml(t)}</li>`).join('')}</ul>`,
    '    </article>',
    `    <aside class="most-read"><h2>${outlet.lang === 'en' ? 'Most read' : 'الأكثر قراءة'}</h2><ol>${pickSome(random, outlet.chrome.headlines, 5).map((h) => `<li>${escapeHtml(h)}</li>`).join('')}</ol></aside>`,
    '  </main>',
    `  <footer><p>${escapeHtml(outlet.chrome.tagline)}</p><ul>${outlet.chrome.footerLinks.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul></footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * A NewsSniffer page with two or three versions side by side: later versions drop a paragraph,
 * add one and reword one; an empty cell marks the version that lacks a paragraph.
 */
export function renderVersionTable(random: Random, draft: ArticleDraft, extraParagraph: string): string {
  const versions = pickInt(random, 2, 3);
  const first = pickInt(random, 1, 3);
  const numbers = Array.from({ length: versions }, (_, i) => first + i);
  // Rows: [text per version]; '' where the version lacks the paragraph.
  const rows: string[][] = draft.paragraphs.map((p) => numbers.map(() => p));
  const dropAt = pickInt(random, 1, Math.max(1, rows.length - 1));
  for (let v = 1; v < versions; v++) rows[dropAt]?.splice(v, 1, '');
  const rewordAt = pickInt(random, 0, rows.length - 1);
  const reworded = rows[rewordAt];
  if (reworded) reworded[versions - 1] = (reworded[0] ?? '').replace(/ (\S+)$/, draft.outlet.lang === 'en' ? ' $1 nonetheless' : ' $1 أيضا');
  rows.push(numbers.map((_, v) => (v === versions - 1 ? extraParagraph : '')));
  const titles = numbers.map((_, v) => (v === versions - 1 ? draft.title : draft.title.replace(/ \S+$/, '')));
  const cells = (row: readonly string[]): string => `${row.map((c) => (c === '' ? '' : c)).join(' | ')} |`;
  return [
    `This article is from the source '${draft.outlet.slug}' and was first published or seen on . Last checked ${pickInt(random, 10, 60)} days ago.`,
    `Current article at the original source: ${draft.url}`,
    `The article has changed ${versions + first - 1} times. An RSS feed of changes is available.`,
    `${numbers.map((n) => `Version ${n}`).join(' | ')} |`,
    `${numbers.map(() => '---').join('|')}|`,
    cells(titles),
    cells(numbers.map((_, v) => (v === 0 ? '' : `(about ${pickInt(random, 2, 9)} hours later)`))),
    ...rows.map(cells),
    '',
  ].join('\n');
}
