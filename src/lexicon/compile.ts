import type { Concept, ContrastSet, Lang, LexiconBundle } from '../types.js';
import type { LoadedCues } from './load.js';
import { buildMatcher, Vocabulary } from './matcher.js';
import type { Matcher } from './matcher.js';

/** A term of a concept, as a matcher value. */
export interface TermValue {
  concept: Concept;
  term: string;
  lang: Lang;
}

/** A contrast label's term, as a matcher value. */
export interface LabelValue {
  contrast: ContrastSet;
  label: string;
}

export type CueKind = 'reporting' | 'attribution' | 'negator' | 'distancer' | 'distancerAfter';

/** Everything matching needs, built once per run from a bundle. */
export interface CompiledLexicon {
  bundle: LexiconBundle;
  concepts: ReadonlyMap<string, Concept>;
  terms: Matcher<TermValue>;
  /** Exclude phrases, valued by the concept they belong to. */
  excludes: Matcher<string>;
  labels: Matcher<LabelValue>;
  entities: Matcher<string>;
  /** Cue phrases of every language in one matcher (the cue kind is the value). */
  cues: Matcher<CueKind>;
  /** Every word of every matcher, for fast token lookup (`TokenForms`). */
  vocabulary: Vocabulary;
}

/**
 * Compile a bundle into token tries. Concepts are sorted by id first so the result never depends
 * on the order of files or entries (lexicon-order independence).
 */
export function compileLexicons(bundle: LexiconBundle): CompiledLexicon {
  const concepts = [...bundle.concepts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byId = new Map(concepts.map((c) => [c.id, c]));
  const terms = buildMatcher(
    concepts.flatMap((concept) => Object.entries(concept.terms).flatMap(([lang, list]) => list.map((term) => ({ term, lang, value: { concept, term, lang } })))),
  );
  const excludes = buildMatcher(
    concepts.flatMap((concept) => Object.entries(concept.exclude).flatMap(([lang, list]) => list.map((term) => ({ term, lang, value: concept.id })))),
  );
  const contrasts = [...bundle.contrasts].sort((a, b) => (a.id < b.id ? -1 : 1));
  const labels = buildMatcher(
    contrasts.flatMap((contrast) =>
      contrast.labels.flatMap((label) => {
        const concept = byId.get(label);
        if (concept === undefined) return [];
        return Object.entries(concept.terms).flatMap(([lang, list]) => list.map((term) => ({ term, lang, value: { contrast, label } })));
      }),
    ),
  );
  const entityList = [...bundle.entities].sort((a, b) => (a.id < b.id ? -1 : 1));
  const entities = buildMatcher(
    entityList.flatMap((entity) => Object.entries(entity.terms).flatMap(([lang, list]) => list.map((term) => ({ term, lang, value: entity.id })))),
  );
  const cueEntries: { term: string; lang: Lang; value: CueKind }[] = [];
  for (const [lang, lists] of Object.entries(bundle.cues)) {
    const cues = lists as Partial<LoadedCues>;
    const push = (list: string[] | undefined, value: CueKind): void => {
      for (const term of list ?? []) cueEntries.push({ term, lang, value });
    };
    push(cues.reportingVerbs, 'reporting');
    push(cues.attributionPhrases, 'attribution');
    push(cues.negators, 'negator');
    push(cues.distancers, 'distancer');
    push(cues.distancersAfter, 'distancerAfter');
  }
  const cues = buildMatcher(cueEntries);
  const vocabulary = new Vocabulary([terms, excludes, labels, entities, cues] as Matcher<unknown>[]);
  return { bundle, concepts: byId, terms, excludes, labels, entities, cues, vocabulary };
}
