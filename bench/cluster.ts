/**
 * Event-clustering benchmark on the realistic generated corpus (`npm run bench:cluster`): per
 * size (default 10k and 50k articles), the time and peak RSS of `clusterArticles(docs,
 * vocabulary)` (the whole similarity + clustering) on exactly what a real run passes it, B-cubed
 * against the generator's true events as a sanity check, and the same articles through
 * scikit-learn's TF-IDF and a blocked sparse X·Xᵀ top-k (bench/sklearn_similarity.py) side by side.
 *
 * Steps per size, one process at a time (the machine is shared):
 * 1. the corpus (`<cache>/corpus-g<version>-seed<seed>-n<size>`, generated when missing);
 * 2. its clustering inputs, read and matched by the real pipeline once and cached beside it
 *    (bench/lib/cluster-cache.ts says when they are rebuilt), in a child process;
 * 3. `clusterArticles` timed in a child process of its own, so its peak RSS is that size's alone;
 * 4. scikit-learn, when `/usr/bin/python3 -c "import sklearn"` works (Debian `python3-sklearn`).
 * The table goes to stdout and, as JSON, to `<cache>/results/cluster-latest.json`.
 *
 * Options: --sizes 10000,50000  --seed 1  --cache <dir>  --threads N (clusterArticles' option;
 * default: one per core, at most 4, as `framescope analyze` passes it)  --sklearn-max-seconds 360  --no-sklearn
 * --rebuild (rebuild the cached inputs)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { clusterArticles } from '../src/cluster/index.js';
import { defaultThreads } from '../src/workers/match-pool.js';
import { isMainModule } from '../src/is-main.js';
import { bundledLexiconDir } from '../src/paths.js';
import { EVENTS_FILE, GENERATOR_VERSION, generateCorpus, packageRoot, readCorpusManifest, sourcesHash } from './generate-corpus.js';
import { clusterCachePaths, clusterInputsKey, defaultCodeDir } from './lib/cluster-cache.js';
import { buildClusterInputs, vocabularyOf } from './lib/cluster-inputs.js';
import { readClusterInputs, readClusterInputsKey, writeClusterInputs, writeClusterTexts } from './lib/cluster-inputs-file.js';
import { parseStoryEvents, scoreAgainstEvents } from './lib/cluster-score.js';
import { formatClusterTable, timeRatio } from './lib/cluster-table.js';
import type { ClusterBenchRow, FramescopeResult, SklearnResult } from './lib/cluster-table.js';

const DEFAULT_SIZES = [10_000, 50_000];
const PYTHON = '/usr/bin/python3';
/** Neighbours kept per row on the scikit-learn side: `clusterArticles`' default `topK`. */
const SKLEARN_TOP_K = 20;
/** Rows per X·Xᵀ block: at 50k documents a 2,000-row block of the product is ~1 GB. */
const SKLEARN_BLOCK_ROWS = 2000;
/** The brief: cap a scikit-learn run at 6 minutes and report what was measured. */
const SKLEARN_MAX_SECONDS = 360;
const KB_TO_MB = 1024 / 1e6;

interface BenchOptions {
  sizes: number[];
  seed: number;
  cache: string;
  threads: number;
  sklearn: boolean;
  sklearnMaxSeconds: number;
  rebuild: boolean;
}

function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string' }, seed: { type: 'string', default: '1' }, cache: { type: 'string' }, threads: { type: 'string' },
      'sklearn-max-seconds': { type: 'string', default: String(SKLEARN_MAX_SECONDS) }, 'no-sklearn': { type: 'boolean', default: false },
      rebuild: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const sizes = values.sizes === undefined ? DEFAULT_SIZES : values.sizes.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes must be whole numbers ≥ 1 separated by commas, got "${values.sizes}"`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a whole number ≥ 0, got "${values.seed}"`);
  // Default: what `framescope analyze` uses (one thread per core, at most 4).
  const threads = values.threads === undefined ? defaultThreads() : Number(values.threads);
  if (!(Number.isInteger(threads) && threads >= 1)) throw new Error(`--threads must be a whole number ≥ 1, got "${values.threads}"`);
  const sklearnMaxSeconds = Number(values['sklearn-max-seconds']);
  if (!(sklearnMaxSeconds > 0)) throw new Error(`--sklearn-max-seconds must be a number > 0, got "${values['sklearn-max-seconds']}"`);
  return {
    sizes, seed, threads, sklearnMaxSeconds, sklearn: !values['no-sklearn'], rebuild: values.rebuild,
    cache: resolve(values.cache ?? join(tmpdir(), 'framescope-bench')),
  };
}

const log = (line: string): void => void process.stderr.write(`${line}\n`);
const seconds = (startedMs: number): string => ((performance.now() - startedMs) / 1000).toFixed(1);

/** The pipeline benchmark's corpus folder for this size and seed: reused when its manifest is current. */
function ensureCorpus(cache: string, articles: number, seed: number, root: string): string {
  const dir = join(cache, `corpus-g${GENERATOR_VERSION}-seed${seed}-n${articles}`);
  const cached = readCorpusManifest(dir);
  if (cached?.generator_version === GENERATOR_VERSION && cached.articles === articles && cached.seed === seed && cached.sources_sha256 === sourcesHash(root)) {
    return dir;
  }
  const started = performance.now();
  generateCorpus({ articles, seed, outDir: dir, root });
  log(`corpus ${articles}: generated in ${seconds(started)} s → ${dir}`);
  return dir;
}

/** Cached clustering inputs and texts of a corpus, rebuilt in a child process when missing or stale. */
function ensureInputs(corpusDir: string, rebuild: boolean): { inputs: string; texts: string } {
  const paths = clusterCachePaths(corpusDir);
  const key = clusterInputsKey(corpusDir, defaultCodeDir(), bundledLexiconDir());
  // The texts are written first and the inputs last, so a current inputs file implies its texts.
  if (!rebuild && existsSync(paths.texts) && readClusterInputsKey(paths.inputs) === key) return paths;
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--max-old-space-size=4096', fileURLToPath(import.meta.url), 'child-prepare', corpusDir, key], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (child.status !== 0) throw new Error(`building the clustering inputs of ${corpusDir} failed (exit ${child.status ?? child.signal})`);
  log(`inputs: built in ${seconds(started)} s → ${paths.inputs}`);
  return paths;
}

/** Child: read + match the corpus with the real pipeline and cache what clustering sees. */
async function prepareChild(corpusDir: string, key: string): Promise<void> {
  const { inputs, texts } = await buildClusterInputs(corpusDir);
  const paths = clusterCachePaths(corpusDir);
  writeClusterTexts(paths.texts, texts);
  writeClusterInputs(paths.inputs, key, inputs);
}

/** Child: load the cached inputs, time `clusterArticles`, print one JSON line (a FramescopeResult). */
function clusterChild(inputsPath: string, eventsPath: string, threads: number | null): void {
  const { inputs } = readClusterInputs(inputsPath);
  const vocabulary = vocabularyOf(inputs.words);
  const events = parseStoryEvents(readFileSync(eventsPath, 'utf8'));
  globalThis.gc?.();
  const loadedRssMb = process.memoryUsage().rss / 1e6;
  const loadPeakRssMb = process.resourceUsage().maxRSS * KB_TO_MB;
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const clusters = threads === null ? clusterArticles(inputs.docs, vocabulary) : clusterArticles(inputs.docs, vocabulary, { threads });
  const wallSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const result: FramescopeResult = {
    articles: inputs.docs.length, seconds: wallSeconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, threads,
    loadedRssMb, loadPeakRssMb, peakRssMb: process.resourceUsage().maxRSS * KB_TO_MB,
    clusters: clusters.length, score: scoreAgainstEvents(clusters, events),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function runFramescope(inputsPath: string, eventsPath: string, threads: number | null): FramescopeResult {
  // --expose-gc only so the child can collect before reading its post-load RSS.
  const args = ['--expose-gc', fileURLToPath(import.meta.url), 'child-cluster', inputsPath, eventsPath, ...(threads === null ? [] : [String(threads)])];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 << 20 });
  if (child.status !== 0) throw new Error(`clusterArticles child failed (exit ${child.status ?? child.signal})`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '') as FramescopeResult;
}

/** scikit-learn's version, or why the comparison is skipped. */
function probeSklearn(): { version: string } | { skipped: string } {
  const probe = spawnSync(PYTHON, ['-c', 'import sklearn; print(sklearn.__version__)'], { encoding: 'utf8' });
  if (probe.status !== 0) return { skipped: `not installed (${PYTHON} -c "import sklearn" fails; Debian: apt-get install python3-sklearn)` };
  return { version: probe.stdout.trim() };
}

function runSklearn(textsPath: string, maxSeconds: number): SklearnResult | { skipped: string } {
  const script = join(packageRoot(), 'bench', 'sklearn_similarity.py');
  const args = [script, textsPath, '--top-k', String(SKLEARN_TOP_K), '--block-rows', String(SKLEARN_BLOCK_ROWS), '--max-seconds', String(maxSeconds)];
  // The script stops itself at the cap; the timeout only guards against a hang (vectorizing is not capped).
  const child = spawnSync(PYTHON, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: (maxSeconds + 600) * 1000 });
  if (child.status !== 0) return { skipped: `${script} failed (exit ${child.status ?? child.signal})` };
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '') as SklearnResult;
}

function benchSize(size: number, options: BenchOptions, root: string, sklearn: { version: string } | { skipped: string }): ClusterBenchRow {
  const corpus = ensureCorpus(options.cache, size, options.seed, root);
  const paths = ensureInputs(corpus, options.rebuild);
  const framescope = runFramescope(paths.inputs, join(corpus, EVENTS_FILE), options.threads);
  log(`framescope ${size}: ${framescope.seconds.toFixed(2)} s (CPU ${framescope.cpuSeconds.toFixed(2)} s), peak RSS ${framescope.peakRssMb.toFixed(0)} MB, ${framescope.clusters} clusters, B³ F1 ${framescope.score.f1.toFixed(3)}`);
  let sklearnResult: ClusterBenchRow['sklearn'] = 'skipped' in sklearn ? sklearn : { skipped: 'turned off (--no-sklearn)' };
  if (options.sklearn && 'version' in sklearn) {
    sklearnResult = runSklearn(paths.texts, options.sklearnMaxSeconds);
    if (!('skipped' in sklearnResult)) {
      log(`scikit-learn ${size}: vectorize ${sklearnResult.vectorizeSeconds.toFixed(2)} s, similarity ${sklearnResult.similaritySeconds.toFixed(2)} s (CPU ${sklearnResult.similarityCpuSeconds.toFixed(2)} s), peak RSS ${sklearnResult.peakRssMb.toFixed(0)} MB`);
    }
  }
  return { size, corpus, framescope, sklearn: sklearnResult };
}

function main(argv: string[]): void {
  const options = parseOptions(argv);
  const root = packageRoot();
  mkdirSync(options.cache, { recursive: true });
  const sklearn = options.sklearn ? probeSklearn() : { skipped: 'turned off (--no-sklearn)' };
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  const rows = options.sizes.map((size) => benchSize(size, options, root, sklearn));
  process.stdout.write(`${formatClusterTable(rows)}\nload average before: ${load} on ${cpus().length} cores\n`);
  const path = join(options.cache, 'results', 'cluster-latest.json');
  mkdirSync(dirname(path), { recursive: true });
  const report = {
    node: process.version, sklearn: 'version' in sklearn ? sklearn.version : null, date: new Date().toISOString(), loadAverageBefore: load,
    cores: cpus().length, generatorVersion: GENERATOR_VERSION, seed: options.seed, threads: options.threads,
    sklearnSettings: { topK: SKLEARN_TOP_K, blockRows: SKLEARN_BLOCK_ROWS, maxSeconds: options.sklearnMaxSeconds },
    ratio50kTo10k: timeRatio(rows, 50_000, 10_000), rows,
  };
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`results: ${path}\n`);
}

async function dispatch(argv: string[]): Promise<void> {
  const [mode, ...rest] = argv;
  if (mode === 'child-prepare') {
    const [corpusDir, key] = rest;
    if (corpusDir === undefined || key === undefined) throw new Error('child-prepare needs <corpus dir> <key>');
    await prepareChild(corpusDir, key);
  } else if (mode === 'child-cluster') {
    const [inputsPath, eventsPath, threads] = rest;
    if (inputsPath === undefined || eventsPath === undefined) throw new Error('child-cluster needs <inputs> <events.csv> [threads]');
    clusterChild(inputsPath, eventsPath, threads === undefined ? null : Number(threads));
  } else {
    main(argv);
  }
}

if (isMainModule(import.meta.url)) {
  try {
    await dispatch(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`bench:cluster: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
