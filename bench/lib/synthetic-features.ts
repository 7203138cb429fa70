/**
 * A seeded synthetic corpus of clustering features (not text): what the clustering benchmark ran
 * on before it used the realistic generated corpus, kept because tests/cluster/index.test.ts uses
 * it as a larger deterministic input for `clusterArticles`.
 *
 * A Zipf vocabulary (s = 1.07, Zipf's law for word frequencies; Piantadosi 2014) per language,
 * events of 2–6 articles each spread over one year, every article mixing background words with
 * its event's keywords and entities, a share of keywords paraphrased (replaced by a random word)
 * per article; 20% Arabic articles sharing only entities and numbers.
 */
import type { ClusterInput } from '../../src/cluster/index.js';
import { createRandom } from '../../src/stats/prng.js';
import { bigramKey, TermVocabulary } from '../../src/text/terms.js';
import type { TermCounts } from '../../src/types.js';

const VOCABULARY = 40_000;
const ZIPF_EXPONENT = 1.07;
const ENTITY_POOL = 6_000;
const KEYWORDS_PER_EVENT = 14;
const ENTITIES_PER_EVENT = 3;
/** Chance that an article swaps one of its event's keywords for a random word (paraphrase). */
const PARAPHRASE = 0.3;
const ARABIC_SHARE = 0.2;

/** A generated document and the event it was generated for. */
export interface GeneratedDoc {
  input: ClusterInput;
  event: number;
}

function zipfSampler(size: number, exponent: number, random: () => number): () => number {
  const cdf = new Float64Array(size);
  let total = 0;
  for (let r = 0; r < size; r++) cdf[r] = total += 1 / (r + 1) ** exponent;
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cdf[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ter', 'san', 'vol', 'ri', 'den', 'po', 'lak', 'ur', 'bes', 'ma', 'nor', 'ti', 'gal'];

/** A pronounceable pseudo-word per rank, so term strings look like words of realistic length. */
function wordOf(rank: number, lang: string): string {
  let word = '';
  let r = rank + 17;
  do {
    word += SYLLABLES[r % SYLLABLES.length];
    r = Math.floor(r / SYLLABLES.length);
  } while (r > 0);
  return lang === 'ar' ? `ع${word}` : word;
}

/** Unigram and adjacent-bigram counts, as `contentTerms` gives them (keys ascending). */
export function countTerms(words: readonly string[], vocabulary: TermVocabulary): TermCounts {
  const counts = new Map<number, number>();
  let previous = -1;
  for (const word of words) {
    const id = vocabulary.intern(word);
    counts.set(id, (counts.get(id) ?? 0) + 1);
    if (previous >= 0) counts.set(bigramKey(previous, id), (counts.get(bigramKey(previous, id)) ?? 0) + 1);
    previous = id;
  }
  const keys = Float64Array.from(counts.keys()).sort();
  return { keys, counts: Uint32Array.from(keys, (key) => counts.get(key) ?? 0) };
}

/** `size` documents from `seed`, with the vocabulary their term keys index. */
export function generateSyntheticFeatures(size: number, seed: number): { docs: GeneratedDoc[]; vocabulary: TermVocabulary } {
  const random = createRandom(seed);
  const vocabulary = new TermVocabulary();
  const background = zipfSampler(VOCABULARY, ZIPF_EXPONENT, random);
  const entityRank = zipfSampler(ENTITY_POOL, 1, random);
  const docs: GeneratedDoc[] = [];
  for (let event = 0; docs.length < size; event++) {
    const day = Math.floor(random() * 365);
    // Event keywords come from the middle and tail of the vocabulary: specific, not unique.
    const keywords = Array.from({ length: KEYWORDS_PER_EVENT }, () => 500 + Math.floor(random() * (VOCABULARY - 500)));
    const entities = Array.from({ length: ENTITIES_PER_EVENT }, () => `ent${entityRank()}`);
    const toll = String(10 + Math.floor(random() * 990));
    const articles = Math.min(2 + Math.floor(random() * 5), size - docs.length);
    for (let a = 0; a < articles; a++) {
      const lang = random() < ARABIC_SHARE ? 'ar' : 'en';
      const length = 60 + Math.floor(random() * 120);
      const words: string[] = [];
      for (let w = 0; w < length; w++) {
        const fromEvent = random() < 0.2;
        const rank = fromEvent ? (keywords[Math.floor(random() * keywords.length)] ?? 0) : background();
        words.push(fromEvent && random() < PARAPHRASE ? wordOf(background(), lang) : wordOf(rank, lang));
      }
      if (random() < 0.5) words.push(toll);
      const mentions = entities.flatMap((e) => Array.from({ length: 1 + Math.floor(random() * 3) }, () => e));
      const date = new Date(Date.UTC(2025, 0, 1 + day + Math.floor(random() * 4))).toISOString().slice(0, 10);
      const id = `doc${String(docs.length).padStart(6, '0')}`;
      docs.push({ input: { id, date, lang, termCounts: countTerms(words, vocabulary), entities: mentions }, event });
    }
  }
  return { docs, vocabulary };
}
