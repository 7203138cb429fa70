import type { ArticleAnalysis } from '../types.js';

/**
 * Point the labels of a cloned or deserialised analysis (concept, lexicon, frame, term, voice;
 * contrast and label; entity ids) at one shared copy each, held in `shared`. A message between
 * threads, like a cache file read back, copies every string it holds, so each of the ~400k matches
 * of a 50k-article run came with its own copies: ~13 MB of heap per 10k articles (heap snapshot of
 * the benchmark corpus), all of it marked again by every full GC.
 */
export function shareLabels(analysis: ArticleAnalysis, shared: Map<string, string>): void {
  const one = (text: string): string => {
    const known = shared.get(text);
    if (known !== undefined) return known;
    shared.set(text, text);
    return text;
  };
  for (const match of analysis.matches) {
    match.concept = one(match.concept);
    match.lexicon = one(match.lexicon);
    match.frame = one(match.frame);
    match.term = one(match.term);
    match.voice = one(match.voice) as typeof match.voice;
  }
  for (const hit of analysis.contrastHits) {
    hit.contrast = one(hit.contrast);
    hit.label = one(hit.label);
    hit.voice = one(hit.voice) as typeof hit.voice;
  }
  analysis.entities = analysis.entities.map(one);
}
