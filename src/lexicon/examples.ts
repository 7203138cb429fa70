import type { LexiconBundle } from '../types.js';
import { analyzeArticle } from '../analyze/analyze-article.js';
import type { CompiledLexicon } from './compile.js';

/**
 * Run every concept's examples: each `match` example must give at least one hit of that concept,
 * each `no_match` example none. Returns one `file:line: entry <id>: …` message per failure.
 */
export function checkLexiconExamples(bundle: LexiconBundle, lexicon: CompiledLexicon): string[] {
  const failures: string[] = [];
  for (const concept of bundle.concepts) {
    const run = (text: string): { hits: number; others: string[] } => {
      const lang = /[\u0600-\u06FF]/.test(text) ? 'ar' : 'en';
      const analysis = analyzeArticle({ id: concept.id, body: text, lang, headlineEnd: 0 }, lexicon);
      const own = analysis.matches.filter((m) => m.concept === concept.id);
      return { hits: own.length, others: [...new Set(analysis.matches.map((m) => m.concept))] };
    };
    for (const text of concept.examples.match) {
      const { hits, others } = run(text);
      if (hits === 0) {
        const got = others.length === 0 ? 'no hit at all' : `hits of ${others.join(', ')} instead`;
        failures.push(`${concept.file}:${concept.line}: entry ${concept.id}: match example gives no hit (${got}) — add the missing term form, or fix the example: "${text}"`);
      }
    }
    for (const text of concept.examples.noMatch) {
      if (run(text).hits > 0) {
        failures.push(`${concept.file}:${concept.line}: entry ${concept.id}: no_match example gives a hit — narrow the term or add an exclude phrase: "${text}"`);
      }
    }
  }
  return failures;
}
