import type { Article, ArticleAnalysis, ContrastHit, Match, Span } from '../types.js';
import type { CompiledLexicon, TermValue } from '../lexicon/compile.js';
import { scanAll, scanLongest, TokenForms } from '../lexicon/matcher.js';
import { countContentTerms, TermVocabulary } from '../text/terms.js';
import { tokenizeWithSlots } from '../text/tokenize.js';
import { buildVoiceContext, indexSentences, voiceOf, type SentenceIndex, type VoiceContext } from './voice.js';

/** `Match.sentence` is cut to at most this many characters around the hit (CONTRACT.md). */
const SENTENCE_MAX = 300;

/**
 * Analyse one article: every lexicon hit with its voice and flags, contrast-label occurrences in
 * their own pass, entity ids and content-term counts. Offsets are exact UTF-16 offsets in `body`.
 *
 * `vocabulary` interns the article's content words (`termCounts` keys); pass the run's, so keys of
 * all articles agree. The default, a fresh one, suits a single article (its keys mean nothing
 * beside another article's).
 */
export function analyzeArticle(
  article: Pick<Article, 'id' | 'body' | 'lang' | 'headlineEnd'>,
  lexicon: CompiledLexicon,
  vocabulary: TermVocabulary = new TermVocabulary(),
): ArticleAnalysis {
  const { body, lang } = article;
  // One lookup of each token norm in the run's vocabulary serves matching and term counting.
  const { tokens, slots } = tokenizeWithSlots(body, lang, vocabulary);
  const forms = new TokenForms(tokens, lexicon.vocabulary, { of: slots, forms: lexicon.vocabulary.formsBySlot(vocabulary) });
  // Built on first use: an article with no hit and no contrast label (off the lexicons' topics)
  // needs no quotes or cue scan, and one with no phrase candidate not even a sentence split.
  let sentenceIndex: SentenceIndex | undefined;
  const sentences = (): SentenceIndex => (sentenceIndex ??= indexSentences(body, tokens));
  let ctx: VoiceContext | undefined;
  const context = (): VoiceContext => (ctx ??= buildVoiceContext(body, tokens, forms, article.headlineEnd, lexicon, sentences()));

  // Exclude phrases: a hit of concept C inside an occurrence of one of C's exclude phrases is
  // dropped. Scanned when the first candidate hit asks.
  let excluded: readonly { from: number; to: number; values: readonly string[] }[] | undefined;
  const isExcluded = (concept: string, from: number, to: number): boolean =>
    (excluded ??= scanAll(lexicon.excludes, forms)).some((e) => e.from <= from && e.to >= to && e.values.includes(concept));
  // A term, contrast label or entity name is a phrase: it never runs on across a sentence end
  // (`… left Kiev. Regime officials …` holds no `kiev regime`); the scan then tries the shorter
  // ones there.
  const inOneSentence = (occurrence: { from: number; to: number }): boolean =>
    occurrence.to - occurrence.from === 1 || sentences().sentenceOf[occurrence.from] === sentences().sentenceOf[occurrence.to - 1];

  const hits = scanLongest(lexicon.terms, forms, (occurrence) => {
    if (!inOneSentence(occurrence)) return null;
    const allowed = occurrence.values.filter((v) => !isExcluded(v.concept.id, occurrence.from, occurrence.to));
    if (allowed.length === 0) return null;
    // The same words may be a term in two languages of different concepts: the article's language wins.
    return [allowed.find((v) => v.lang === lang) ?? allowed[0]!];
  });

  const matches: Match[] = hits.map((hit) => {
    const value: TermValue = hit.values[0]!;
    const start = tokens[hit.from]!.start;
    const end = tokens[hit.to - 1]!.end;
    const voice = voiceOf(context(), hit.from, hit.to);
    return {
      concept: value.concept.id,
      lexicon: value.concept.lexicon,
      frame: value.concept.frame,
      term: value.term,
      start,
      end,
      matched: body.slice(start, end),
      voice: voice.voice,
      negated: voice.negated,
      distanced: voice.distanced,
      sentence: cutSentence(body, voice.sentence, start, end),
    };
  });

  const contrastHits: ContrastHit[] = [];
  for (const hit of scanLongest(lexicon.labels, forms, (occurrence) => (inOneSentence(occurrence) ? occurrence.values : null))) {
    const voice = voiceOf(context(), hit.from, hit.to).voice;
    const seen = new Set<string>();
    for (const value of hit.values) {
      const key = `${value.contrast.id}\0${value.label}`;
      if (seen.has(key)) continue;
      seen.add(key);
      contrastHits.push({ contrast: value.contrast.id, label: value.label, start: tokens[hit.from]!.start, end: tokens[hit.to - 1]!.end, voice });
    }
  }

  const entities: string[] = [];
  for (const hit of scanLongest(lexicon.entities, forms, (occurrence) => (inOneSentence(occurrence) ? occurrence.values : null))) entities.push(...new Set(hit.values));

  const { termCounts, normHashes } = countContentTerms(tokens, lang, vocabulary, slots);
  return { id: article.id, tokens: tokens.length, matches, contrastHits, termCounts, entities, normHashes };
}

/** The hit's sentence, cut to at most 300 characters, centred on the hit when it is longer. */
export function cutSentence(body: string, sentence: Span, start: number, end: number): string {
  const s = Math.min(sentence.start, start);
  const e = Math.max(sentence.end, end);
  if (e - s <= SENTENCE_MAX) return body.slice(s, e);
  const room = Math.max(0, SENTENCE_MAX - (end - start));
  let from = Math.max(s, start - Math.floor(room / 2));
  const to = Math.min(e, from + SENTENCE_MAX);
  from = Math.max(s, to - SENTENCE_MAX);
  return body.slice(from, to);
}
