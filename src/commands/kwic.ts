import type { Article } from '../types.js';
import { analyzeArticle } from '../analyze/analyze-article.js';
import type { CompiledLexicon } from '../lexicon/index.js';
import { parseTerm } from '../lexicon/index.js';
import { tokenize } from '../text/tokenize.js';

/**
 * `framescope kwic <concept|term>`: every hit in context. A query that is a concept id selects
 * that concept's hits; otherwise hits whose term, or whose matched words, equal the query
 * (normalised like a term). Each line: `article_id  voice[ flags]  left | match | right`.
 */
export function kwicLines(articles: Article[], lexicon: CompiledLexicon, query: string, width = 40): string[] {
  const byConcept = lexicon.concepts.has(query);
  const parsed = parseTerm(query, /[\u0600-\u06FF]/.test(query) ? 'ar' : 'en');
  const key = 'error' in parsed ? query.toLowerCase() : parsed.words.map((w) => w.text).join(' ');
  const lines: string[] = [];
  for (const article of [...articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const analysis = analyzeArticle(article, lexicon);
    for (const m of analysis.matches) {
      const keep = byConcept
        ? m.concept === query
        : m.term.toLowerCase() === query.toLowerCase() || tokenize(m.matched, article.lang).map((t) => t.norm).join(' ') === key;
      if (!keep) continue;
      const flags = [m.negated ? 'negated' : '', m.distanced ? 'distanced' : ''].filter(Boolean).join(',');
      const left = oneLine(article.body.slice(Math.max(0, m.start - width), m.start)).padStart(width);
      const right = oneLine(article.body.slice(m.end, m.end + width));
      lines.push(`${article.id}\t${m.concept}\t${m.voice}${flags ? ` (${flags})` : ''}\t${left} | ${oneLine(m.matched)} | ${right}`);
    }
  }
  return lines;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}
