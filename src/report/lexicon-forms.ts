/**
 * Lexicon terms in the form keyness terms take (tokenised, normalised, folded: src/text/terms.ts),
 * so `in_lexicon` can say whether a key term is already a lexicon term.
 */
import { foldTerm } from '../text/terms.js';
import { tokenize } from '../text/tokenize.js';
import type { Concept } from '../types.js';

/** Folded forms of every term of every concept, all languages. */
export function foldLexiconTerms(concepts: readonly Concept[]): Set<string> {
  const forms = new Set<string>();
  for (const concept of concepts) {
    for (const [lang, terms] of Object.entries(concept.terms)) {
      for (const term of terms) {
        const words = tokenize(term, lang)
          .map((t) => foldTerm(t.norm))
          .filter((w): w is string => w !== null);
        if (words.length > 0) forms.add(words.join(' '));
      }
    }
  }
  return forms;
}
