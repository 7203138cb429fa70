/**
 * Score main-text extraction on `../shared/evaldata/extraction-dev` exactly as its README says:
 * per page, lower-cased `\w+` tokens (Unicode), multisets of 4-token shingles,
 * P = shared / predicted, R = shared / gold, F1; the mean over pages is reported.
 * The prediction is what framescope analyses: `parseInput` + `cleanCorpus`, body without the title.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { parseInput, cleanCorpus } from '../src/ingest/index.js';
import { parseOutletsYaml } from '../src/ingest/outlets.js';

/** Shingle width fixed by the benchmark's README. */
const SHINGLE = 4;

/** Lower-cased word tokens: Python's Unicode `\w+` is letters, digits and `_` (marks excluded). */
export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
}

function shingles(tokens: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + SHINGLE <= tokens.length; i++) {
    const key = tokens.slice(i, i + SHINGLE).join(' ');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** Precision, recall and F1 of predicted against gold text (0 when either side has no shingle). */
export function scoreText(predicted: string, gold: string): { p: number; r: number; f1: number } {
  const ps = shingles(wordTokens(predicted));
  const gs = shingles(wordTokens(gold));
  let shared = 0;
  let np = 0;
  let ng = 0;
  for (const n of ps.values()) np += n;
  for (const n of gs.values()) ng += n;
  for (const [k, n] of ps) shared += Math.min(n, gs.get(k) ?? 0);
  const p = np ? shared / np : 0;
  const r = ng ? shared / ng : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

function main(): void {
  const root = resolve(process.cwd(), '../shared/evaldata/extraction-dev');
  if (!existsSync(join(root, 'ground-truth.json'))) {
    console.error(`eval-extraction: ${root}/ground-truth.json not found — run from the repository root, next to ../shared/evaldata`);
    process.exit(1);
  }
  const truth = JSON.parse(readFileSync(join(root, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
  const outlets = parseOutletsYaml(readFileSync(resolve(process.cwd(), 'lexicons/outlets.yaml'), 'utf8'), 'lexicons/outlets.yaml');
  const files = readdirSync(join(root, 'html')).filter((f) => f.endsWith('.html.gz')).sort();
  let sp = 0, sr = 0, sf = 0, ms = 0, n = 0;
  const verbose = process.argv.includes('--verbose');
  for (const f of files) {
    const id = f.replace(/\.html\.gz$/, '');
    const gold = truth[id];
    if (!gold) continue;
    const bytes = gunzipSync(readFileSync(join(root, 'html', f)));
    const t0 = performance.now();
    const { docs } = parseInput({ path: `${id}.html`, bytes });
    const { articles } = cleanCorpus(docs, outlets);
    ms += performance.now() - t0;
    const a = articles[0];
    const predicted = a ? a.body.slice(a.headlineEnd) : '';
    const s = scoreText(predicted, gold.articleBody);
    if (verbose) console.log(`${s.f1.toFixed(3)} p=${s.p.toFixed(3)} r=${s.r.toFixed(3)} ${id.slice(0, 12)} ${gold.url}`);
    sp += s.p; sr += s.r; sf += s.f1; n++;
  }
  const fmt = (x: number): string => (x / n).toFixed(4);
  console.log(`extraction-dev: pages ${n}  F1 ${fmt(sf)}  P ${fmt(sp)}  R ${fmt(sr)}  ${(ms / n).toFixed(1)} ms/page`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
