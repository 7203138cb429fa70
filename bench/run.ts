/**
 * The whole-pipeline benchmark (`npm run bench`): generate corpora of 1k, 10k and 50k articles
 * (cached under the temp folder), run `framescope analyze` on each as a child process, and print
 * wall time, per-stage seconds and MB/s, peak RSS, the time ratio between sizes and the ratio to
 * a read-and-tokenize floor. Writes the same as JSON to `<cache>/results/latest.json`.
 *
 * Options: --sizes 1000,10000  --runs N  --seed N  --cache <dir>  --measure gnu-time|wrapper  --keep
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { GENERATOR_VERSION, generateCorpus, packageRoot, readCorpusManifest, sourcesHash } from './generate-corpus.js';
import { measureFloor } from './lib/floor.js';
import { formatTable, median, summariseRuns } from './lib/results-table.js';
import type { RunResult, SizeResult } from './lib/results-table.js';
import { GNU_TIME, runMeasured } from './lib/run-child.js';
import { isMainModule } from '../src/is-main.js';
import { bundledLexiconDir } from '../src/paths.js';

/** A lexicon edit a re-run measures: a replacement in one bundled lexicon file. */
interface LexiconEdit {
  file: string;
  from: string;
  to: string;
}

/**
 * The lexicon edit the re-run measures: one more English term ("kiev puppets") for the `kiev_junta` concept, the kind
 * of edit a researcher makes between runs. Articles holding both words are matched again (none of
 * the generated corpora: a term's words must all be there, src/cache/analysis-cache.ts); the rest
 * come from the incremental cache.
 */
const LEXICON_EDIT: LexiconEdit = { file: 'ru-ua.yaml', from: 'junta in kyiv, fascist junta]\n', to: 'junta in kyiv, fascist junta, kiev puppets]\n' };

/**
 * The harder case, measured beside it: an edit of a one-word term (the `kiev` concept's frame)
 * sends back every article holding the word (~6% of the generated articles).
 */
const WORD_EDIT: LexiconEdit = {
  file: 'ru-ua.yaml',
  from: '  - id: kiev\n    label: Kiev (Russian-derived spelling)\n    frame: naming\n',
  to: '  - id: kiev\n    label: Kiev (Russian-derived spelling)\n    frame: naming-edited\n',
};

/** A copy of the bundled lexicons with `edit` applied. */
function editedLexicons(parent: string, edit: LexiconEdit): string {
  const dir = mkdtempSync(join(parent, 'lexicons-edited-'));
  cpSync(bundledLexiconDir(), dir, { recursive: true });
  const path = join(dir, edit.file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(edit.from)) throw new Error(`bench: ${path} no longer holds ${JSON.stringify(edit.from)}; update the bench's lexicon edits`);
  writeFileSync(path, text.replace(edit.from, edit.to));
  return dir;
}

const DEFAULT_SIZES = [1000, 10000, 50000];

interface BenchOptions {
  sizes: number[];
  runs: number;
  seed: number;
  cache: string;
  useGnuTime: boolean;
  keep: boolean;
}

function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string' }, runs: { type: 'string', default: '1' }, seed: { type: 'string', default: '1' },
      cache: { type: 'string' }, measure: { type: 'string' }, keep: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const sizes = values.sizes === undefined ? DEFAULT_SIZES : values.sizes.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes must be whole numbers ≥ 1 separated by commas, got "${values.sizes}"`);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number ≥ 1, got "${values.runs}"`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a whole number ≥ 0, got "${values.seed}"`);
  if (values.measure !== undefined && values.measure !== 'gnu-time' && values.measure !== 'wrapper') {
    throw new Error(`--measure must be gnu-time or wrapper, got "${values.measure}"`);
  }
  if (values.measure === 'gnu-time' && !existsSync(GNU_TIME)) throw new Error(`--measure gnu-time: ${GNU_TIME} not found`);
  return {
    sizes, runs, seed, keep: values.keep,
    cache: resolve(values.cache ?? join(tmpdir(), 'framescope-bench')),
    useGnuTime: values.measure === undefined ? existsSync(GNU_TIME) : values.measure === 'gnu-time',
  };
}

/** A cached corpus when its manifest matches (generator version, real-word sources, size, seed); else a fresh one. */
function ensureCorpus(cache: string, articles: number, seed: number, root: string): { dir: string; files: number; bytes: number } {
  const dir = join(cache, `corpus-g${GENERATOR_VERSION}-seed${seed}-n${articles}`);
  const cached = readCorpusManifest(dir);
  const hash = sourcesHash(root);
  if (cached && cached.generator_version === GENERATOR_VERSION && cached.sources_sha256 === hash && cached.articles === articles && cached.seed === seed) {
    process.stderr.write(`corpus ${articles}: reusing ${dir}\n`);
    return { dir, files: cached.files, bytes: cached.bytes };
  }
  const started = performance.now();
  const made = generateCorpus({ articles, seed, outDir: dir, root });
  process.stderr.write(`corpus ${articles}: generated ${made.files} files, ${(made.bytes / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s → ${dir}\n`);
  return { dir, ...made };
}

function readRunJson(outDir: string): { stagesMs: Record<string, number>; counts: Record<string, number> } {
  try {
    const run = JSON.parse(readFileSync(join(outDir, 'run.json'), 'utf8')) as { timings_ms?: Record<string, number>; counts?: Record<string, number> };
    return { stagesMs: run.timings_ms ?? {}, counts: run.counts ?? {} };
  } catch {
    return { stagesMs: {}, counts: {} };
  }
}

function benchSize(articles: number, options: BenchOptions, root: string): SizeResult {
  const corpus = ensureCorpus(options.cache, articles, options.seed, root);
  const cli = join(root, 'dist', 'src', 'cli.js');
  const measureScript = join(dirname(fileURLToPath(import.meta.url)), 'lib', 'measure.js');
  const runs: RunResult[] = [];
  // Cold runs get an empty cache of their own; the re-run after them, with an edited lexicon, re-uses it.
  const cacheDir = mkdtempSync(join(options.cache, `read-cache-${articles}-`));
  const analyze = (out: string, lexicons?: string): string[] => [
    'analyze', corpus.dir, '--out', out, '--quiet', '--force', '--cache-dir', cacheDir, ...(lexicons === undefined ? [] : ['--lexicons', lexicons]),
  ];
  for (let i = 0; i < options.runs; i++) {
    rmSync(cacheDir, { recursive: true, force: true });
    const out = mkdtempSync(join(options.cache, `out-${articles}-`));
    const child = runMeasured(cli, analyze(out), measureScript, options.cache, options.useGnuTime);
    const { stagesMs, counts } = readRunJson(out);
    if (child.exitCode !== 0) process.stderr.write(`analyze ${articles} (run ${i + 1}) exited ${child.exitCode}:\n${child.stderrTail}\n`);
    else process.stderr.write(`analyze ${articles} (run ${i + 1}): ${(child.wallMs / 1000).toFixed(2)} s, peak RSS ${child.peakRssMb.toFixed(0)} MB (${child.via})\n`);
    runs.push({ wallMs: child.wallMs, peakRssMb: child.peakRssMb, exitCode: child.exitCode, stagesMs, counts });
    if (!options.keep) rmSync(out, { recursive: true, force: true });
  }
  // As many re-runs as cold runs per edit, each with the cache the cold runs left: restored before
  // each, since a re-run that analyses more than a tenth of the articles stores its entry anew.
  const coldCache = mkdtempSync(join(options.cache, `read-cache-${articles}-cold-`));
  cpSync(cacheDir, coldCache, { recursive: true });
  const reruns = (edit: LexiconEdit, what: string): { wallMs: number; peakRssMb: number; analysed: number | null } => {
    const lexicons = editedLexicons(options.cache, edit);
    const warmWalls: number[] = [];
    let warmPeak = 0;
    let analysed: number | null = null;
    for (let i = 0; i < options.runs; i++) {
      rmSync(cacheDir, { recursive: true, force: true });
      cpSync(coldCache, cacheDir, { recursive: true });
      const warmOut = mkdtempSync(join(options.cache, `out-${articles}-warm-`));
      const warmRun = runMeasured(cli, analyze(warmOut, lexicons), measureScript, options.cache, options.useGnuTime);
      const warmCounts = readRunJson(warmOut).counts;
      analysed = warmCounts['articles_analysed'] ?? null;
      process.stderr.write(
        `analyze ${articles} (re-run ${i + 1} after ${what}): ${(warmRun.wallMs / 1000).toFixed(2)} s, peak RSS ${warmRun.peakRssMb.toFixed(0)} MB, ` +
          `${analysed ?? '?'} of ${warmCounts['articles'] ?? '?'} articles analysed afresh\n`,
      );
      if (warmRun.exitCode !== 0) process.stderr.write(`analyze ${articles} (re-run) exited ${warmRun.exitCode}:\n${warmRun.stderrTail}\n`);
      warmWalls.push(warmRun.wallMs);
      warmPeak = Math.max(warmPeak, warmRun.peakRssMb);
      rmSync(warmOut, { recursive: true, force: true });
    }
    rmSync(lexicons, { recursive: true, force: true });
    return { wallMs: median(warmWalls), peakRssMb: warmPeak, analysed };
  };
  const warm = reruns(LEXICON_EDIT, 'a lexicon edit');
  const warmWordEdit = reruns(WORD_EDIT, 'a one-word edit');
  rmSync(coldCache, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
  const floor = measureFloor(corpus.dir);
  return { articles, files: corpus.files, bytes: corpus.bytes, corpus: corpus.dir, runs, ...summariseRuns(runs), floorMs: floor.ms, floorTokens: floor.tokens, warm, warmWordEdit };
}

function main(argv: string[]): number {
  const options = parseOptions(argv);
  const root = packageRoot();
  const cli = join(root, 'dist', 'src', 'cli.js');
  if (!existsSync(cli)) throw new Error(`${cli} not found — build first: npm run build`);
  mkdirSync(options.cache, { recursive: true });
  const results = options.sizes.map((articles) => benchSize(articles, options, root));
  process.stdout.write(`${formatTable(results)}\n`);
  for (const result of results) {
    if (result.warm && result.wallMs > 0) {
      const share = (100 * result.warm.wallMs) / result.wallMs;
      process.stdout.write(`re-run after a lexicon edit, ${result.articles}: ${(result.warm.wallMs / 1000).toFixed(2)} s = ${share.toFixed(0)}% of cold (target <= 35%)\n`);
    }
    if (result.warmWordEdit && result.wallMs > 0) {
      const { wallMs, analysed } = result.warmWordEdit;
      process.stdout.write(`re-run after a one-word edit, ${result.articles}: ${(wallMs / 1000).toFixed(2)} s = ${((100 * wallMs) / result.wallMs).toFixed(0)}% of cold, ${analysed ?? '?'} articles analysed afresh\n`);
    }
  }
  const path = join(options.cache, 'results', 'latest.json');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify({ node: process.version, date: new Date().toISOString(), generator_version: GENERATOR_VERSION, seed: options.seed, results }, null, 2)}\n`);
  process.stdout.write(`results: ${path}\n`);
  return results.every((r) => r.runs.every((run) => run.exitCode === 0)) ? 0 : 1;
}


if (isMainModule(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
