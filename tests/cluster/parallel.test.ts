import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as ClusterModule from '../../src/cluster/index.js';
import type * as NeighboursModule from '../../src/cluster/neighbours.js';
import type * as ParallelModule from '../../src/cluster/parallel-neighbours.js';
import type * as VectorizeModule from '../../src/cluster/vectorize.js';
import { createRandom } from '../../src/stats/prng.js';
import { TermVocabulary } from '../../src/text/terms.js';
import { countTerms } from '../../bench/lib/synthetic-features.js';
import { buildOnce, REPO } from '../helpers/cli.js';

// Worker threads run compiled modules, so this file drives the build in dist/ (as users run it).
beforeAll(() => buildOnce());
const load = async <T>(path: string): Promise<T> => (await import(join(REPO, 'dist', path))) as T;

/**
 * 6,000 articles (above the size from which the neighbour search uses threads): events of 2–5
 * articles sharing keywords and an entity, over background words, dates across 120 days.
 */
function syntheticCorpus(vocabulary: TermVocabulary): ClusterModule.ClusterInput[] {
  const random = createRandom(42);
  const pick = (n: number): number => Math.floor(random() * n);
  const docs: ClusterModule.ClusterInput[] = [];
  for (let event = 0; docs.length < 6000; event++) {
    const keywords = Array.from({ length: 6 }, () => `k${pick(20_000)}`);
    const day = 1 + pick(120);
    const size = 2 + pick(4);
    for (let a = 0; a < size; a++) {
      const words = [...keywords.filter(() => random() < 0.8), ...Array.from({ length: 40 }, () => `w${Math.floor(2000 * random() ** 3)}`)];
      const termCounts = countTerms(words, vocabulary);
      const date = `2025-${String(1 + Math.floor(day / 30)).padStart(2, '0')}-${String(1 + (day % 28)).padStart(2, '0')}`;
      docs.push({ id: `a${docs.length}`, date, lang: 'en', termCounts, entities: [`ent${event % 700}`] });
    }
  }
  return docs;
}

describe('parallel neighbour search (worker threads)', () => {
  it('finds exactly the edges of the one-thread search', async () => {
    const { buildTfIdf } = await load<typeof VectorizeModule>('src/cluster/vectorize.js');
    const { findNeighbourEdges, collectEdges } = await load<typeof NeighboursModule>('src/cluster/neighbours.js');
    const { findNeighbourGraphInThreads } = await load<typeof ParallelModule>('src/cluster/parallel-neighbours.js');
    const vocabulary = new TermVocabulary();
    const docs = syntheticCorpus(vocabulary);
    const options = { termOf: (key: number) => vocabulary.termOf(key), minDf: 2, maxDfShare: 0.5, idfExponent: 2 };
    const matrix = buildTfIdf(docs.map((d) => ({ parts: [d.termCounts] })), { ...options, shared: true });
    const days = Float64Array.from(docs, (d) => Date.parse(d.date) / 86_400_000);
    const neighbourOptions = { topK: 20, maxDf: 30, days, dateWindowDays: 7 };
    const one = findNeighbourEdges(matrix, neighbourOptions);
    for (const threads of [2, 3]) {
      const graph = findNeighbourGraphInThreads(matrix, neighbourOptions, threads);
      expect(collectEdges(graph.keys, graph.sims, graph.n)).toEqual(one);
    }
    expect(one.length).toBeGreaterThan(6000);
  });

  it('gives clusterArticles the same clusters with 1 and 2 threads', async () => {
    const { clusterArticles } = await load<typeof ClusterModule>('src/cluster/index.js');
    const vocabulary = new TermVocabulary();
    const docs = syntheticCorpus(vocabulary);
    const snapshot = (threads: number): string =>
      JSON.stringify(clusterArticles(docs, vocabulary, { threads }).map((c) => [c.id, c.members, [...c.similarity], c.topTerms]));
    const single = snapshot(1);
    expect(snapshot(2)).toBe(single);
    expect(JSON.parse(single).length).toBeLessThan(docs.length);
  });
});
