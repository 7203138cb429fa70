/**
 * Event-clustering benchmark on a seeded synthetic corpus (10k and 50k articles): time of
 * `clusterArticles` (TF-IDF + neighbours + linkage + description), peak RSS, the 50k/10k time
 * ratio, and B-cubed F1 against the generator's own events as a sanity check. Each size runs in
 * its own child process so peak RSS is that size's alone.
 *
 * The corpus: a Zipf vocabulary (s = 1.07, Zipf's law for word frequencies; Piantadosi 2014) per
 * language, thousands of events of 2–6 articles each spread over one year, every article mixing
 * background words with its event's keywords and entities, a share of keywords paraphrased
 * (replaced by a random word) per article; 20% Arabic articles sharing only entities and numbers.
 *
 * Run: `node dist/bench/cluster.js` (both sizes) — run it once, the machine is shared.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { scoreBCubed } from '../src/cluster/b-cubed.js';
import { clusterArticles, type ClusterInput } from '../src/cluster/index.js';
import { createRandom } from '../src/stats/prng.js';
import { bigramKey, TermVocabulary } from '../src/text/terms.js';
import type { TermCounts } from '../src/types.js';

const SIZES = [10_000, 50_000];
const SEED = 20_260_322;
const VOCABULARY = 40_000;
const ZIPF_EXPONENT = 1.07;
const ENTITY_POOL = 6_000;
const KEYWORDS_PER_EVENT = 14;
const ENTITIES_PER_EVENT = 3;
/** Chance that an article swaps one of its event's keywords for a random word (paraphrase). */
const PARAPHRASE = 0.3;
const ARABIC_SHARE = 0.2;

interface GeneratedDoc {
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
function countTerms(words: readonly string[], vocabulary: TermVocabulary): TermCounts {
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

export function generateCorpus(size: number, seed: number): { docs: GeneratedDoc[]; vocabulary: TermVocabulary } {
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

interface RunResult {
  size: number;
  seconds: number;
  /** User + system CPU seconds of the call: less sensitive than wall time to a busy machine. */
  cpuSeconds: number;
  rssMb: number;
  inputRssMb: number;
  clusters: number;
  f1: number;
}

/** Child process: generate one size, time clusterArticles, print a JSON result line. */
function runOne(size: number): void {
  const { docs, vocabulary } = generateCorpus(size, SEED);
  const inputRss = process.memoryUsage().rss;
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const clusters = clusterArticles(docs.map((d) => d.input), vocabulary);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const predicted = new Map<string, string>();
  for (const c of clusters) for (const id of c.members) predicted.set(id, c.id);
  const gold = new Map(docs.map((d) => [d.input.id, String(d.event)]));
  const result: RunResult = {
    size,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    rssMb: process.resourceUsage().maxRSS / 1024,
    inputRssMb: inputRss / 1_048_576,
    clusters: clusters.length,
    f1: scoreBCubed(predicted, gold).f1,
  };
  console.log(JSON.stringify(result));
}

/** scikit-learn TF-IDF + average linkage on the same corpus, when sklearn is importable. */
function runSklearn(size: number): string {
  const probe = spawnSync('/usr/bin/python3', ['-c', 'import sklearn'], { encoding: 'utf8' });
  if (probe.status !== 0) return 'scikit-learn not installed (/usr/bin/python3 -c "import sklearn" fails): comparison skipped';
  const dir = mkdtempSync(join(tmpdir(), 'framescope-bench-'));
  try {
    const corpus = join(dir, 'corpus.jsonl');
    const { docs, vocabulary } = generateCorpus(size, SEED);
    const lines = docs.map(({ input: { termCounts } }) =>
      JSON.stringify(Object.fromEntries(Array.from(termCounts.keys, (key, k) => [vocabulary.termOf(key), termCounts.counts[k]]))),
    );
    writeFileSync(corpus, `${lines.join('\n')}\n`);
    const script = [
      'import json,sys,time',
      'from sklearn.feature_extraction import DictVectorizer',
      'from sklearn.feature_extraction.text import TfidfTransformer',
      'from sklearn.cluster import AgglomerativeClustering',
      'docs=[json.loads(l) for l in open(sys.argv[1])]',
      't=time.time()',
      'X=TfidfTransformer(sublinear_tf=True).fit_transform(DictVectorizer().fit_transform(docs))',
      'AgglomerativeClustering(n_clusters=None,metric="cosine",linkage="average",distance_threshold=0.85).fit(X.toarray())',
      'print(time.time()-t)',
    ].join('\n');
    const seconds = Number(execFileSync('/usr/bin/python3', ['-c', script, corpus], { encoding: 'utf8' }).trim());
    return `scikit-learn TF-IDF + average linkage, ${size} docs: ${seconds.toFixed(2)} s`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(): void {
  const sizeArg = process.argv[2];
  if (sizeArg !== undefined) {
    runOne(Number(sizeArg));
    return;
  }
  const self = fileURLToPath(import.meta.url);
  const results = SIZES.map((size) => {
    const out = execFileSync(process.execPath, ['--max-old-space-size=4096', self, String(size)], { encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as RunResult;
  });
  console.log(`load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} cores`);
  console.log('| docs | clusterArticles wall (s) | CPU (s) | peak RSS (MB) | RSS after generating input (MB) | clusters | B-cubed F1 vs generator |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    console.log(`| ${r.size} | ${r.seconds.toFixed(2)} | ${r.cpuSeconds.toFixed(2)} | ${r.rssMb.toFixed(0)} | ${r.inputRssMb.toFixed(0)} | ${r.clusters} | ${r.f1.toFixed(3)} |`);
  }
  const [small, large] = results;
  if (small && large) console.log(`50k/10k time ratio: ${(large.seconds / small.seconds).toFixed(2)}`);
  console.log(runSklearn(SIZES[0] ?? 10_000));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
