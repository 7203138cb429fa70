import { describe, expect, it } from 'vitest';
import { profileOutlets, scoreArticles, warnSample } from '../../src/report/profiles.js';
import { listAxes } from '../../src/stats/stance.js';
import { ANALYSES, ARTICLES, BUNDLE } from './fixture.js';

const concepts = new Map(BUNDLE.concepts.map((c) => [c.id, c]));
const axes = listAxes(BUNDLE.concepts);
const scores = scoreArticles(ARTICLES, ANALYSES, axes, concepts);
const profiles = profileOutlets(scores, axes, concepts, BUNDLE.contrasts, 1);
const byOutlet = (name: string) => profiles.find((p) => p.outlet === name)!;

describe('scoreArticles', () => {
  it('scores every article, earlier versions included, sorted by id', () => {
    expect(scores.map((s) => s.article.id)).toEqual([...ARTICLES.map((a) => a.id)].sort());
    const rt = scores.find((s) => s.article.id === 'rt-en-1')!;
    expect(rt.hits).toBe(5);
    expect(rt.hitsAuthorial).toBe(4);
    // Kiev regime ×2 (+1 each, authorial), special operation (+1), terrorists attributed (+0.5·1).
    expect(rt.stance.get('ru_ua')).toEqual({ value: 1, hits: 4 });
  });

  it('treats an article without analysis as empty rather than failing', () => {
    const [only] = scoreArticles([ARTICLES[0]!], new Map(), axes, concepts);
    expect(only?.hits).toBe(0);
    expect(only?.stance.get('ru_ua')).toEqual({ value: null, hits: 0 });
  });
});

describe('profileOutlets', () => {
  it('counts latest versions only', () => {
    const bbc = byOutlet('BBC News');
    expect(bbc.articles).toBe(2);
    const latest = scores.filter((s) => s.article.outlet === 'BBC News' && s.article.isLatest);
    expect(bbc.hits).toBe(latest.reduce((n, s) => n + s.analysis.matches.length, 0));
    expect(bbc.tokens).toBe(latest.reduce((n, s) => n + s.analysis.tokens, 0));
  });

  it('gives rates that trace back to match rows and tokens', () => {
    const bbc = byOutlet('BBC News');
    const invasion = bbc.concepts.find((c) => c.concept === 'invasion')!;
    expect(invasion.hits).toBe(4);
    expect(invasion.rate).toBeCloseTo((1000 * 4) / bbc.tokens, 9);
    expect(invasion.lo! <= invasion.rate && invasion.rate <= invasion.hi!).toBe(true);
  });

  it('pools stance over articles with a bootstrap interval around it', () => {
    const bbc = byOutlet('BBC News').stance.get('ru_ua')!;
    expect(bbc.value).not.toBeNull();
    expect(bbc.lo! <= bbc.value! && bbc.value! <= bbc.hi!).toBe(true);
    expect(bbc.hi! - bbc.lo!).toBeGreaterThan(0);
    // A distanced "so-called special operation" counts against the Russian framing.
    expect(byOutlet('Al Jazeera').stance.get('ru_ua')?.value).toBe(-1);
    expect(byOutlet('RT Arabic').stance.get('gaza')).toEqual({ value: null, hits: 0, lo: null, hi: null });
  });

  it('gives contrast shares summing to 1 per set, zero-count labels listed', () => {
    for (const p of profiles) {
      const total = p.contrasts.reduce((sum, c) => sum + c.share, 0);
      expect(total).toBeCloseTo(1, 12);
    }
    expect(byOutlet('RT').contrasts).toEqual([
      { contrast: 'kiev_kyiv', label: 'kiev', count: 3, share: 1, countOwn: 3, shareOwn: 1 },
      { contrast: 'kiev_kyiv', label: 'kyiv', count: 0, share: 0, countOwn: 0, shareOwn: 0 },
    ]);
  });

  it('counts own-voice label shares apart from quoted and attributed ones', () => {
    for (const p of profiles) {
      for (const c of p.contrasts) expect(c.countOwn).toBeLessThanOrEqual(c.count);
      const sets = new Set(p.contrasts.map((c) => c.contrast));
      for (const set of sets) {
        const rows = p.contrasts.filter((c) => c.contrast === set);
        const ownTotal = rows.reduce((sum, c) => sum + c.countOwn, 0);
        // A set with no own-voice occurrence has no own share (null), never a 0 that reads as "never".
        for (const c of rows) expect(c.shareOwn === null).toBe(ownTotal === 0);
      }
    }
  });

  it('warns when few articles or hits stand behind a figure', () => {
    expect(byOutlet('RT').warning).toMatch(/fewer than 5 articles \(1\)/);
    expect(warnSample(5, 10)).toBe('');
    expect(warnSample(4, 10)).toBe('fewer than 5 articles (4)');
  });

  it('depends on the seed only through the intervals', () => {
    const other = profileOutlets(scores, axes, concepts, BUNDLE.contrasts, 99);
    const a = byOutlet('BBC News');
    const b = other.find((p) => p.outlet === 'BBC News')!;
    expect(b.stance.get('ru_ua')?.value).toBe(a.stance.get('ru_ua')?.value);
    expect(b.concepts.map((c) => c.rate)).toEqual(a.concepts.map((c) => c.rate));
  });
});
