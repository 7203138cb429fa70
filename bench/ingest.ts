/**
 * Parse + clean throughput benchmark: a seeded in-memory corpus of realistic inputs, timed
 * through `parseInput` (per file) and `cleanCorpus`, reported as MB/s per input form and overall.
 *
 * The corpus, built from real-shaped files read at run time (never copied into the repo):
 * - raw pages: the seed pages (`../shared/seeds`, their version table included) and the demo
 *   pages (`corpora/demo/pages/**`), repeated under new file names with a few words of each long
 *   line swapped, so page chrome repeats across an outlet's pages while article text does not;
 * - records: `corpora/demo/records/*.jsonl` and `*.csv` repeated with new ids, texts varied alike;
 * - HTML: `corpora/demo/html/*.html`, repeated with the words of long text runs varied.
 *
 * Each form is parsed and cleaned on its own (its MB/s), then the whole corpus once (overall).
 * Run: `node dist/bench/ingest.js [--mb 24] [--seed 1] [--html 150] [--runs 3] [--forms text,jsonl,…,all]`; profile with
 * `node --cpu-prof --cpu-prof-dir=/tmp/prof dist/bench/ingest.js`. One core, a few seconds.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { cleanCorpus, parseInput, parseOutletsYaml } from '../src/ingest/index.js';
import type { InputFile, OutletAlias, ParsedDoc } from '../src/types.js';
import { createRandom } from '../src/stats/prng.js';
import { packageRoot } from '../src/paths.js';
import { listFiles } from './lib/word-sources.js';

export type BenchForm = 'text' | 'version-table' | 'jsonl' | 'csv' | 'html';

export interface BenchCorpus {
  files: { form: BenchForm; file: InputFile }[];
  outlets: OutletAlias[];
}

/** Share of the corpus bytes per non-HTML form (records dominate research corpora; pages next). */
const FORM_SHARES: readonly (readonly [BenchForm, number])[] = [['jsonl', 0.6], ['csv', 0.1], ['text', 0.27], ['version-table', 0.03]];
/** Lines with at least this many words are article text and get varied per copy; shorter ones are chrome. */
const VARY_MIN_WORDS = 8;
/** Words swapped per varied line. */
const SWAPS_PER_LINE = 2;

/** Files below `dir` ending in `ext`, in a stable order. */
function filesWithExtension(dir: string, ext: string): string[] {
  return listFiles(dir).filter((path) => path.endsWith(ext));
}

/** Swap a few words of every long line for other words of the same text (keeps language and line shape). */
function varyText(text: string, random: () => number, vocabulary: readonly string[]): string {
  return text.split('\n').map((line) => {
    const words = line.split(' ');
    if (words.length < VARY_MIN_WORDS || vocabulary.length === 0) return line;
    for (let k = 0; k < SWAPS_PER_LINE; k++) {
      // Inner words only: the first (bullets) and last (sentence end) keep the line's shape.
      const at = 1 + Math.floor(random() * (words.length - 2));
      words[at] = vocabulary[Math.floor(random() * vocabulary.length)]!;
    }
    return words.join(' ');
  }).join('\n');
}

function vocabularyOf(text: string): string[] {
  return [...new Set(text.match(/[\p{L}]{3,}/gu) ?? [])];
}

const encoder = new TextEncoder();

/** Copies of one template file until `budget` bytes, each under its own name. */
function repeatTemplate(
  form: BenchForm, path: string, budget: number, render: (copy: number) => string,
): { form: BenchForm; file: InputFile }[] {
  const out: { form: BenchForm; file: InputFile }[] = [];
  const dot = path.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [path.slice(0, dot), path.slice(dot)] : [path, ''];
  let used = 0;
  for (let copy = 0; used < budget; copy++) {
    const bytes = encoder.encode(render(copy));
    used += bytes.length;
    out.push({ form, file: { path: `${stem}-c${copy}${ext}`, bytes } });
  }
  return out;
}

/** Build the corpus: about `mb` MB of non-HTML input plus `htmlPages` HTML pages. */
export function buildCorpus(options: { mb: number; seed: number; htmlPages: number; root?: string }): BenchCorpus {
  const root = options.root ?? packageRoot();
  const random = createRandom(options.seed);
  const seeds = resolve(root, '../shared/seeds');
  const outlets = parseOutletsYaml(readFileSync(join(root, 'lexicons/outlets.yaml'), 'utf8'), 'lexicons/outlets.yaml');
  const pages = [...filesWithExtension(seeds, '.txt'), ...filesWithExtension(join(root, 'corpora/demo/pages'), '.txt')];
  const templates: Record<BenchForm, string[]> = {
    text: pages.filter((p) => !/Version\s+\d+\s*\|/.test(readFileSync(p, 'utf8'))),
    'version-table': [...pages.filter((p) => /Version\s+\d+\s*\|/.test(readFileSync(p, 'utf8'))), ...filesWithExtension(join(root, 'corpora/demo/versions'), '.txt')],
    jsonl: filesWithExtension(join(root, 'corpora/demo/records'), '.jsonl'),
    csv: filesWithExtension(join(root, 'corpora/demo/records'), '.csv'),
    html: filesWithExtension(join(root, 'corpora/demo/html'), '.html'),
  };
  for (const [form, list] of Object.entries(templates)) {
    if (list.length === 0) throw new Error(`bench/ingest: no ${form} inputs found (seeds at ${seeds}, demo corpus at ${join(root, 'corpora/demo')})`);
  }
  const files: BenchCorpus['files'] = [];
  const total = options.mb * 1024 * 1024;
  for (const [form, share] of FORM_SHARES) {
    const list = templates[form];
    const perTemplate = (total * share) / list.length;
    for (const path of list) {
      const text = readFileSync(path, 'utf8');
      const vocabulary = vocabularyOf(text);
      const rel = path.startsWith(root) ? path.slice(root.length + 1) : `seeds/${path.split('/').pop()}`;
      if (form === 'jsonl') {
        const records = text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
        files.push(...repeatTemplate(form, rel, perTemplate, (copy) => records.map((r) => JSON.stringify({
          ...r, id: `${String(r['id'])}-c${copy}`,
          ...(typeof r['text'] === 'string' ? { text: varyText(r['text'], random, vocabulary) } : {}),
        })).join('\n') + '\n'));
      } else if (form === 'csv') {
        const rows = parseCsv(text, { columns: true, bom: true }) as Record<string, string>[];
        files.push(...repeatTemplate(form, rel, perTemplate, (copy) => stringifyCsv(rows.map((r) => ({
          ...r, id: `${r['id'] ?? ''}-c${copy}`, ...(r['text'] !== undefined ? { text: varyText(r['text'], random, vocabulary) } : {}),
        })), { header: true })));
      } else {
        files.push(...repeatTemplate(form, rel, perTemplate, () => varyText(text, random, vocabulary)));
      }
    }
  }
  const perHtml = Math.ceil(options.htmlPages / templates.html.length);
  for (const path of templates.html) {
    const html = readFileSync(path, 'utf8');
    const vocabulary = vocabularyOf(html.replace(/<[^>]*>/g, ' '));
    const rel = path.slice(root.length + 1);
    // Vary the text between tags only, so the markup (and Readability's view of it) stays the same.
    const render = (): string => html.replace(/>([^<]{60,})</g, (_, t: string) => `>${varyText(t, random, vocabulary)}<`);
    for (let copy = 0; copy < perHtml; copy++) files.push({ form: 'html', file: { path: rel.replace(/\.html$/, `-c${copy}.html`), bytes: encoder.encode(render()) } });
  }
  return { files, outlets };
}

interface Timing {
  bytes: number;
  files: number;
  docs: number;
  articles: number;
  /** Process CPU time (user + system): steadier than wall time on a shared machine. */
  parseMs: number;
  cleanMs: number;
  wallMs: number;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Parse every file, then clean the docs once; times both. */
export function timeIngest(files: readonly InputFile[], outlets: OutletAlias[]): Timing {
  let bytes = 0;
  const docs: ParsedDoc[] = [];
  const wallStart = performance.now();
  let started = cpuMs();
  for (const file of files) {
    bytes += file.bytes.length;
    docs.push(...parseInput(file).docs);
  }
  const parseMs = cpuMs() - started;
  started = cpuMs();
  const { articles } = cleanCorpus(docs, outlets);
  const cleanMs = cpuMs() - started;
  return { bytes, files: files.length, docs: docs.length, articles: articles.length, parseMs, cleanMs, wallMs: performance.now() - wallStart };
}

function row(label: string, t: Timing): string {
  const mb = t.bytes / (1024 * 1024);
  const mbps = (ms: number): string => (ms > 0 ? (mb / (ms / 1000)).toFixed(1) : '∞').padStart(9);
  return `${label.padEnd(14)}${mb.toFixed(2).padStart(7)}${String(t.files).padStart(7)}${String(t.articles).padStart(9)}`
    + `${t.parseMs.toFixed(0).padStart(9)}${t.cleanMs.toFixed(0).padStart(9)}${mbps(t.parseMs)}${mbps(t.cleanMs)}${mbps(t.parseMs + t.cleanMs)}${mbps(t.wallMs)}`;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      mb: { type: 'string', default: '24' }, seed: { type: 'string', default: '1' }, html: { type: 'string', default: '150' },
      runs: { type: 'string', default: '3' }, forms: { type: 'string', default: 'text,version-table,jsonl,csv,html,all' },
    },
    strict: true,
  });
  const mb = Number(values.mb);
  const seed = Number(values.seed);
  const htmlPages = Number(values.html);
  if (!(mb > 0)) throw new Error(`--mb must be a positive number, got "${values.mb}"`);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a whole number ≥ 0, got "${values.seed}"`);
  if (!Number.isInteger(htmlPages) || htmlPages < 0) throw new Error(`--html must be a whole number ≥ 0, got "${values.html}"`);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number ≥ 1, got "${values.runs}"`);
  // Best of `runs`: the first run of each form still pays for JIT compilation of its paths.
  const best = (files: readonly InputFile[]): Timing => {
    const timings = Array.from({ length: runs }, () => timeIngest(files, corpus.outlets));
    return timings.reduce((a, b) => (b.parseMs + b.cleanMs < a.parseMs + a.cleanMs ? b : a));
  };
  const corpus = buildCorpus({ mb, seed, htmlPages });
  // Warm-up on a slice of each form so the JIT has seen every path before timing.
  const wanted = new Set(values.forms.split(',').map((f) => f.trim()));
  const forms = (['text', 'version-table', 'jsonl', 'csv', 'html'] as const).filter((f) => wanted.has(f));
  timeIngest(forms.flatMap((f) => corpus.files.filter((x) => x.form === f).slice(0, 5).map((x) => x.file)), corpus.outlets);
  console.log(`best of ${runs} runs; CPU ms and MB/s per CPU second (user + system of this process); last column: MB/s by wall clock`);
  console.log(`${'form'.padEnd(14)}${'MB'.padStart(7)}${'files'.padStart(7)}${'articles'.padStart(9)}${'parse ms'.padStart(9)}${'clean ms'.padStart(9)}${'parse/s'.padStart(9)}${'clean/s'.padStart(9)}${'MB/s'.padStart(9)}${'wall/s'.padStart(9)}`);
  for (const form of forms) {
    const files = corpus.files.filter((x) => x.form === form).map((x) => x.file);
    if (files.length > 0) console.log(row(form, best(files)));
  }
  if (!wanted.has('all')) return;
  const nonHtml = corpus.files.filter((x) => x.form !== 'html').map((x) => x.file);
  console.log(row('all but html', best(nonHtml)));
  console.log(row('all', best(corpus.files.map((x) => x.file))));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
