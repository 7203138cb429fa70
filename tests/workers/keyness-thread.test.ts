import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { rankOutletKeyness } from '../../src/report/outlet-keyness.js';
import { createRandom } from '../../src/stats/prng.js';
import { bigramKey, termCountsOf, TermVocabulary } from '../../src/text/terms.js';
import type { Article, ArticleAnalysis, TermCounts } from '../../src/types.js';
import { buildOnce, REPO } from '../helpers/cli.js';

// The worker side needs compiled modules, so the functions under test are the compiled ones too.
let rankOutletKeynessInThread: typeof import('../../src/workers/keyness-thread.js').rankOutletKeynessInThread;
let TermCountArena: typeof import('../../src/text/term-count-arena.js').TermCountArena;

beforeAll(async () => {
  buildOnce();
  const load = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(REPO, 'dist', path)).href)) as T;
  ({ rankOutletKeynessInThread } = await load<typeof import('../../src/workers/keyness-thread.js')>('src/workers/keyness-thread.js'));
  ({ TermCountArena } = await load<typeof import('../../src/text/term-count-arena.js')>('src/text/term-count-arena.js'));
});

function article(id: string, outlet: string, isLatest = true): Article {
  return {
    id, source: `${id}.txt`, format: 'text', outlet, credit: '', lang: 'en', title: id, date: '', dateStated: '', url: '',
    byline: '', tags: [], version: null, isLatest, storyId: id, body: id, headlineEnd: id.length, removed: [],
  };
}

/** 600 articles of four outlets, each outlet leaning on words of its own, words and bigrams counted. */
function corpus(): { articles: Article[]; termCounts: TermCounts[]; vocabulary: TermVocabulary } {
  const random = createRandom(7);
  const vocabulary = new TermVocabulary();
  const outlets = ['RT', 'BBC News', 'Al Jazeera', 'TASS'];
  const articles: Article[] = [];
  const termCounts: TermCounts[] = [];
  for (let i = 0; i < 600; i++) {
    const o = i % outlets.length;
    const words = Array.from({ length: 30 }, () => (random() < 0.3 ? `own${o}w${Math.floor(random() * 12)}` : `w${Math.floor(60 * random() ** 2)}`));
    const counts = new Map<string, number>();
    words.forEach((word, w) => {
      counts.set(word, (counts.get(word) ?? 0) + 1);
      if (w > 0) counts.set(`${words[w - 1]} ${word}`, (counts.get(`${words[w - 1]} ${word}`) ?? 0) + 1);
    });
    articles.push(article(`a${i}`, outlets[o]!, i % 17 !== 0));
    termCounts.push(termCountsOf(counts, vocabulary));
  }
  return { articles, termCounts, vocabulary };
}

describe('key terms ranked in a worker thread', () => {
  it('give the rows of ranking them here, from term counts in shared chunks', async () => {
    const { articles, termCounts, vocabulary } = corpus();
    const arena = new TermCountArena(5000);
    const shared = termCounts.map((counts) => arena.add(counts));
    expect(shared.every((counts) => counts.keys.buffer instanceof SharedArrayBuffer && counts.counts.buffer instanceof SharedArrayBuffer)).toBe(true);
    const analyses = new Map(articles.map((a, i) => [a.id, { termCounts: shared[i] } as ArticleAnalysis]));
    const expected = rankOutletKeyness(articles, new Map(articles.map((a, i) => [a.id, { termCounts: termCounts[i] } as ArticleAnalysis])), vocabulary);
    expect(expected.map((k) => k.rows.length)).toEqual([30, 30, 30, 30]);
    expect(await rankOutletKeynessInThread(articles, analyses, vocabulary, 2)).toEqual(expected);
    // One thread, or counts outside shared memory: counted here, the same rows.
    expect(await rankOutletKeynessInThread(articles, analyses, vocabulary, 1)).toEqual(expected);
  }, 30_000);

  it('reject with the worker\'s message on a key that is neither a word nor a bigram', async () => {
    const { articles, termCounts, vocabulary } = corpus();
    const arena = new TermCountArena(5000);
    const bad = bigramKey(vocabulary.words.length + 5, 0);
    const shared = termCounts.map((counts, i) => arena.add(i === 3 ? { keys: Float64Array.of(...counts.keys, bad), counts: Uint32Array.of(...counts.counts, 1) } : counts));
    const analyses = new Map(articles.map((a, i) => [a.id, { termCounts: shared[i] } as ArticleAnalysis]));
    await expect(rankOutletKeynessInThread(articles, analyses, vocabulary, 2)).rejects.toThrow(/internal: keyness met term key/);
  }, 30_000);
});
