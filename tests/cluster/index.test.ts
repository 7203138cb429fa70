import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateSyntheticFeatures as generateCorpus } from '../../bench/lib/synthetic-features.js';
import { clusterArticles, clusterVectors, DEFAULT_CLUSTER_OPTIONS, vectorizeForClustering, type ClusterInput } from '../../src/cluster/index.js';
import { contentTerms, termCountsOf, TermVocabulary } from '../../src/text/terms.js';
import { tokenize } from '../../src/text/tokenize.js';
import type { EventCluster } from '../../src/types.js';

/** One vocabulary for every input of this file, as a run has. */
const vocabulary = new TermVocabulary();
const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/bilingual');

interface FixtureArticle {
  id: string;
  lang: string;
  date: string;
  title: string;
  text: string;
  event: string;
}

const articles: FixtureArticle[] = readFileSync(join(FIXTURE, 'articles.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as FixtureArticle);
const entityMap = JSON.parse(readFileSync(join(FIXTURE, 'entities.json'), 'utf8')) as Record<string, Record<string, string[]>>;

/** Arabic one-letter proclitics tolerated on the first word of an entity term (و ب ل ف ك). */
const PROCLITIC = /^[وبلفك]/;

/** A stand-in for the lexicon engine's entity matcher: token-sequence lookup on norms. */
function findEntities(body: string, lang: string): string[] {
  const norms = tokenize(body, lang).map((t) => t.norm);
  const found: string[] = [];
  for (const [id, terms] of Object.entries(entityMap).sort()) {
    for (const term of terms[lang] ?? []) {
      const pattern = tokenize(term, lang).map((t) => t.norm);
      for (let i = 0; i + pattern.length <= norms.length; i++) {
        const first = norms[i] ?? '';
        const head = first === pattern[0] || first.replace(PROCLITIC, '') === pattern[0];
        if (head && pattern.every((p, k) => k === 0 || norms[i + k] === p)) found.push(id);
      }
    }
  }
  return found;
}

function toInput(article: FixtureArticle): ClusterInput {
  const body = `${article.title}\n\n${article.text}`;
  return {
    id: article.id,
    date: article.date,
    lang: article.lang,
    termCounts: contentTerms(tokenize(body, article.lang), article.lang, vocabulary),
    entities: findEntities(body, article.lang),
  };
}

const inputs = articles.map(toInput);

function membersOf(clusters: EventCluster[]): string[][] {
  return clusters.map((c) => c.members);
}

function snapshot(clusters: EventCluster[]): unknown {
  return clusters.map((c) => ({ ...c, similarity: [...c.similarity] }));
}

describe('clusterArticles on the bilingual fixture', () => {
  it('finds the entities of both languages through the local map', () => {
    const ar = inputs.find((d) => d.id === 'ar-flood-1');
    expect(ar?.entities).toEqual(expect.arrayContaining(['varnetsa', 'kelmaria', 'dorin_halvek']));
  });

  it('puts English and Arabic articles about one event together, and the three events apart', () => {
    const clusters = clusterArticles(inputs, vocabulary);
    const gold = new Map<string, string[]>();
    for (const a of articles) gold.set(a.event, [...(gold.get(a.event) ?? []), a.id].sort());
    expect(membersOf(clusters).sort()).toEqual([...gold.values()].sort());
  });

  it('needs the entity ids: without them the languages do not meet on the events', () => {
    const clusters = clusterArticles(inputs.map((d) => ({ ...d, entities: [] })), vocabulary);
    const mixed = clusters.filter((c) => new Set(c.members.map((id) => id.slice(0, 2))).size > 1);
    // Only shared digits (a "48 hours" strike) can still bridge the languages.
    expect(mixed.map((c) => c.members)).toEqual([['ar-strike-1', 'en-strike-1']]);
  });

  it('reads entity ids only in a corpus of more than one language', () => {
    const english = inputs.filter((d) => d.lang === 'en');
    expect(english.some((d) => d.entities.length > 0)).toBe(true);
    expect(vectorizeForClustering(english, vocabulary).entities).toBeUndefined();
    expect(clusterArticles(english, vocabulary)).toEqual(clusterArticles(english.map((d) => ({ ...d, entities: [] })), vocabulary));
    // One article in another language among many (a misdetected page) does not make the corpus bilingual.
    const oneOther = [...english.flatMap((d) => Array.from({ length: 16 }, (_, k) => ({ ...d, id: `${d.id}-${k}` }))), inputs.find((d) => d.lang === 'ar')!];
    expect(oneOther.length).toBeGreaterThan(50);
    expect(vectorizeForClustering(oneOther, vocabulary).entities).toBeUndefined();
    expect(vectorizeForClustering(inputs, vocabulary).entities?.matrix.termOf(0)).toMatch(/^ent:/);
  });

  it('compares articles of one language by their wording alone, also in a bilingual corpus (entities diluted it)', () => {
    const flood = inputs.find((d) => d.id === 'en-flood-1')!;
    const strike = inputs.filter((d) => d.id.startsWith('ar-strike'));
    expect(flood.entities.length).toBeGreaterThan(0);
    // The same wording twice, one copy naming entities and one not, beside Arabic articles of another event.
    const corpus = [flood, { ...flood, id: 'en-flood-copy', entities: [] }, ...strike];
    const pair = clusterArticles(corpus, vocabulary).find((c) => c.members.includes('en-flood-1'));
    expect(pair?.members).toEqual(['en-flood-1', 'en-flood-copy']);
    for (const sim of pair!.similarity.values()) expect(sim).toBeCloseTo(1, 12);
  });

  it('numbers clusters by earliest date, then smallest member id', () => {
    const clusters = clusterArticles(inputs, vocabulary);
    expect(clusters.map((c) => [c.id, c.members[0]])).toEqual([
      ['e0001', 'ar-flood-1'],
      ['e0002', 'ar-strike-1'],
      ['e0003', 'ar-summit-1'],
    ]);
  });

  it('gives each member its mean similarity to the others, in (0, 1]', () => {
    for (const cluster of clusterArticles(inputs, vocabulary)) {
      expect([...cluster.similarity.keys()]).toEqual(cluster.members);
      for (const sim of cluster.similarity.values()) {
        expect(sim).toBeGreaterThan(0);
        expect(sim).toBeLessThanOrEqual(1);
      }
    }
  });

  it('lists top terms from the centroid, entity ids among them', () => {
    const flood = clusterArticles(inputs, vocabulary).find((c) => c.members.includes('en-flood-1'));
    expect(flood?.topTerms.length).toBeGreaterThan(0);
    expect(flood?.topTerms).toContain('ent:varnetsa');
  });

  it('is deterministic: same input twice, and shuffled input, give identical clusters', () => {
    const first = snapshot(clusterArticles(inputs, vocabulary));
    expect(snapshot(clusterArticles(inputs, vocabulary))).toEqual(first);
    const shuffled = [...inputs].reverse();
    shuffled.push(shuffled.splice(2, 1)[0] as ClusterInput);
    expect(snapshot(clusterArticles(shuffled, vocabulary))).toEqual(first);
  });

  it('is deterministic on a larger synthetic corpus: shuffled input gives identical clusters', () => {
    const generated = generateCorpus(600, 7);
    const corpus = generated.docs.map((d) => d.input);
    const cluster = (docs: ClusterInput[]) => clusterArticles(docs, generated.vocabulary);
    const first = snapshot(cluster(corpus));
    const shuffled = [...corpus].sort((x, y) => (x.id.split('').reverse().join('') < y.id.split('').reverse().join('') ? -1 : 1));
    expect(shuffled.map((d) => d.id)).not.toEqual(corpus.map((d) => d.id));
    expect(snapshot(cluster(shuffled))).toEqual(first);
    expect(cluster(corpus).length).toBeGreaterThan(100);
  });

  it('clusters the same in two steps, and the vectors keep nothing of the term counts they were made from', () => {
    const generated = generateCorpus(600, 11);
    const copy = (): ClusterInput[] =>
      generated.docs.map(({ input }) => ({ ...input, termCounts: { keys: input.termCounts.keys.slice(), counts: input.termCounts.counts.slice() } }));
    const expected = snapshot(clusterArticles(copy(), generated.vocabulary));
    const docs = copy();
    const vectors = vectorizeForClustering(docs, generated.vocabulary);
    // What the CLI does between the steps: the term counts go (here wiped in place, so a view
    // into them kept by the vectors would change the result).
    for (const doc of docs) {
      doc.termCounts.keys.fill(0);
      doc.termCounts.counts.fill(0);
    }
    expect(vectors.ids).not.toContain(docs[0]);
    expect(snapshot(clusterVectors(vectors))).toEqual(expected);
    expect(expected).not.toEqual([]);
  });

  it('keeps same-event articles apart when their dates are further apart than the window', () => {
    const late = inputs.map((d) => (d.id === 'en-flood-2' ? { ...d, date: '2026-06-01' } : d));
    const clusters = clusterArticles(late, vocabulary);
    const lone = clusters.find((c) => c.members.includes('en-flood-2'));
    expect(lone?.members).toEqual(['en-flood-2']);
    expect(clusters.at(-1)?.members).toEqual(['en-flood-2']);
  });
});

describe('clusterArticles edge cases', () => {
  const doc = (id: string, date: string, words: string[], entities: string[] = []): ClusterInput => ({
    id,
    date,
    lang: 'en',
    termCounts: termCountsOf(words.map((w) => [w, 1] as const), vocabulary),
    entities,
  });

  it('returns no clusters for no articles', () => {
    expect(clusterArticles([], vocabulary)).toEqual([]);
  });

  it('returns one singleton for one article, similarity 1', () => {
    const [only, ...rest] = clusterArticles([doc('a', '2026-01-01', ['flood'])], vocabulary);
    expect(rest).toEqual([]);
    expect(only?.id).toBe('e0001');
    expect(only?.members).toEqual(['a']);
    expect(only?.similarity.get('a')).toBe(1);
  });

  it('clusters articles without dates (no window applies) and numbers undated clusters last', () => {
    const clusters = clusterArticles([
      doc('u1', '', ['quake', 'magnitude', 'tremor']),
      doc('u2', '', ['quake', 'magnitude', 'tremor']),
      doc('d1', '2026-05-01', ['budget', 'vote', 'parliament']),
      doc('d2', '2026-05-02', ['budget', 'vote', 'parliament']),
    ], vocabulary);
    expect(membersOf(clusters)).toEqual([['d1', 'd2'], ['u1', 'u2']]);
  });

  it('guards 0/0 cosine: articles with no terms and no entities are singletons with finite similarity', () => {
    const clusters = clusterArticles([doc('x', '', []), doc('y', '', []), doc('z', '', ['only'])], vocabulary);
    expect(membersOf(clusters)).toEqual([['x'], ['y'], ['z']]);
    for (const c of clusters) for (const s of c.similarity.values()) expect(Number.isFinite(s)).toBe(true);
  });

  it('breaks top-term ties alphabetically', () => {
    const [cluster] = clusterArticles([doc('a', '', ['zeta', 'alpha', 'mid']), doc('b', '', ['mid', 'zeta', 'alpha'])], vocabulary);
    expect(cluster?.topTerms).toEqual(['alpha', 'mid', 'zeta']);
  });

  it('rejects duplicate ids and malformed dates with a message naming the article', () => {
    expect(() => clusterArticles([doc('a', '', ['x']), doc('a', '', ['y'])], vocabulary)).toThrow(/duplicate article id "a"/);
    expect(() => clusterArticles([doc('b', '2026-02-30', ['x'])], vocabulary)).toThrow(/article "b": date "2026-02-30"/);
  });

  it('rejects out-of-range options instead of falling back silently', () => {
    expect(() => clusterArticles([doc('a', '', ['x'])], vocabulary, { threshold: 0 })).toThrow(/threshold/);
    expect(() => clusterArticles([doc('a', '', ['x'])], vocabulary, { topK: 0 })).toThrow(/topK/);
  });

  it('exposes documented defaults', () => {
    expect(DEFAULT_CLUSTER_OPTIONS).toEqual({ threshold: 0.15, dateWindowDays: 7, topK: 20, maxDf: 30, threads: 1 });
  });
});
