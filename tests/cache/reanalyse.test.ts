import { describe, expect, it } from 'vitest';
import { articlesToReanalyse, type CachedAnalyses } from '../../src/cache/analysis-cache.js';
import { parseLexiconFiles } from '../../src/lexicon/index.js';
import { lexiconSignature } from '../../src/lexicon/signature.js';
import { hashNorm } from '../../src/text/terms.js';
import { tokenize } from '../../src/text/tokenize.js';
import type { ArticleAnalysis } from '../../src/types.js';

/** A lexicon of one concept with `terms` (English and Arabic by script). */
function signatureOf(terms: string[]) {
  const en = terms.filter((t) => !/[\u0600-\u06FF]/.test(t));
  const ar = terms.filter((t) => /[\u0600-\u06FF]/.test(t));
  const yaml = `lexicon: t\nconcepts:\n  - id: c\n    label: c\n    frame: f\n    terms:\n${en.length ? `      en: [${en.join(', ')}]\n` : ''}${ar.length ? `      ar: [${ar.join(', ')}]\n` : ''}`;
  return lexiconSignature(parseLexiconFiles([{ path: 'x/t.yaml', text: yaml }], 'x'));
}

/** Cached analyses of `texts` (only what `articlesToReanalyse` reads: norms and their hashes). */
function cachedOf(texts: string[], terms: string[]): CachedAnalyses {
  const norms = new Set<string>();
  const analyses = texts.map((text, i) => {
    const own = [...new Set(tokenize(text, /[\u0600-\u06FF]/.test(text) ? 'ar' : 'en').map((t) => t.norm))];
    for (const norm of own) norms.add(norm);
    return { id: `a${i}`, tokens: own.length, matches: [], contrastHits: [], entities: [], normHashes: own.map(hashNorm) } as unknown as ArticleAnalysis;
  });
  return { stamp: 's', signature: signatureOf(terms), words: [], norms: [...norms], keyness: [], analyses };
}

describe('articlesToReanalyse', () => {
  it('sends back only the articles holding every word of a changed term, in the forms matching reads', () => {
    const texts = [
      'Russophobic hysteria grew.', // 0: both words of the glob phrase
      'Russophobia is a word.', // 1: the glob word alone
      'وقالت إن المناطق المحتلة تعاني', // 2: مناطق (with the article) and محتلة (a later word with it)
      'زار المناطق الحدودية', // 3: the first word alone
      'Kiev regimes and Kiev.', // 4: an inflected later word
    ];
    const before = ['kiev', 'qqq'];
    const cached = cachedOf(texts, before);
    const plan = (terms: string[]) => articlesToReanalyse(cached, signatureOf(terms));
    expect(plan(before)).toEqual({ all: false, indices: [] });
    expect(plan([...before, 'russophob* hysteria'])).toEqual({ all: false, indices: [0] });
    expect(plan([...before, 'مناطق محتلة'])).toEqual({ all: false, indices: [2] });
    expect(plan([...before, 'kiev regime'])).toEqual({ all: false, indices: [4] });
    expect(plan([...before, 'kiev zzyzx'])).toEqual({ all: false, indices: [] });
    // A changed single word: every article holding it (here: removing `kiev`).
    expect(plan(['qqq'])).toEqual({ all: false, indices: [4] });
  });
});
