/**
 * Event-clustering evaluation on the ECB+ development split (Cybulska & Vossen 2014): tokenize
 * `title + text` as English, take content terms, cluster with the DEFAULT options, and print
 * B-cubed precision / recall / F1 (Bagga & Baldwin 1998) against the gold `event_cluster`.
 * A small threshold sweep follows, for the documentation only: the default is fixed. Last, the
 * same file through the whole pipeline as `framescope analyze` reads it (records parsed and
 * cleaned, language detected, bundled lexicons matched — their entity ids included — clustered):
 * what a user gets, which the terms-only score above once hid (entity ids cost 0.06 F1 here).
 *
 * Run from the repository root: `npm run eval:clusters` (after `npm run build`).
 * Data: `../shared/evaldata/ecbplus-dev/documents.jsonl` (override with the first argument).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeCorpus } from '../src/pipeline.js';
import { loadOutlets } from '../src/commands/analyze.js';
import { loadLexiconBundle } from '../src/lexicon/index.js';
import { bundledLexiconDir } from '../src/paths.js';
import { scoreBCubed, type BCubed } from '../src/cluster/b-cubed.js';
import { clusterArticles, DEFAULT_CLUSTER_OPTIONS, type ClusterInput, type ClusterOptions } from '../src/cluster/index.js';
import { contentTerms, TermVocabulary } from '../src/text/terms.js';
import { tokenize } from '../src/text/tokenize.js';

const DEFAULT_DATA = '../shared/evaldata/ecbplus-dev/documents.jsonl';
/** Thresholds shown beside the default, to document how sensitive the score is. */
const SWEEP = [0.1, 0.125, 0.1375, 0.15, 0.1625, 0.175, 0.2, 0.25];

interface GoldDoc {
  input: ClusterInput;
  event: string;
}

/** The gold documents with the vocabulary their term counts were made with. */
export interface GoldSet {
  docs: GoldDoc[];
  vocabulary: TermVocabulary;
}

/** Parse the JSONL file; a bad line is an error naming the file and line. */
export function readGoldDocs(path: string): GoldSet {
  const lines = readFileSync(path, 'utf8').split('\n');
  const docs: GoldDoc[] = [];
  const vocabulary = new TermVocabulary();
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line) as Record<string, unknown>;
    } catch (error) {
      throw new Error(`${path}:${i + 1}: not valid JSON (${(error as Error).message})`);
    }
    const { doc_id: id, event_cluster: event, title, text } = record;
    if (typeof id !== 'string' || typeof event !== 'string' || typeof text !== 'string') {
      throw new Error(`${path}:${i + 1}: needs string fields doc_id, event_cluster and text`);
    }
    const body = `${typeof title === 'string' ? title : ''}\n${text}`;
    const termCounts = contentTerms(tokenize(body, 'en'), 'en', vocabulary);
    docs.push({ input: { id, date: '', lang: 'en', termCounts, entities: [] }, event });
  });
  return { docs, vocabulary };
}

export function evaluate({ docs, vocabulary }: GoldSet, options: ClusterOptions): BCubed {
  const clusters = clusterArticles(docs.map((d) => d.input), vocabulary, options);
  const predicted = new Map<string, string>();
  for (const cluster of clusters) for (const id of cluster.members) predicted.set(id, cluster.id);
  return scoreBCubed(predicted, new Map(docs.map((d) => [d.input.id, d.event])));
}

/**
 * The file through `analyzeCorpus` with the bundled lexicons and outlets, scored over every
 * record that became an article (all of them on the dev split); `skipped`: records lost on the way.
 */
export function evaluatePipeline(path: string, events: ReadonlyMap<string, string>): { score: BCubed; articles: number; skipped: number } {
  const dir = bundledLexiconDir();
  const result = analyzeCorpus({ files: [{ path, bytes: readFileSync(path) }], manifests: [], skipped: [] }, loadLexiconBundle(dir), loadOutlets(dir));
  const predicted = new Map<string, string>();
  for (const cluster of result.clusters) for (const id of cluster.members) predicted.set(id, cluster.id);
  const gold = new Map([...predicted.keys()].map((id) => [id, events.get(id) ?? `unknown:${id}`]));
  return { score: scoreBCubed(predicted, gold), articles: predicted.size, skipped: result.skipped.length };
}

function formatRow(label: string, score: BCubed): string {
  return `${label.padEnd(12)} ${score.precision.toFixed(4)}  ${score.recall.toFixed(4)}  ${score.f1.toFixed(4)}`;
}

function main(): void {
  const path = resolve(process.argv[2] ?? DEFAULT_DATA);
  const gold = readGoldDocs(path);
  const { docs } = gold;
  const started = performance.now();
  const score = evaluate(gold, {});
  const ms = performance.now() - started;
  const events = new Set(docs.map((d) => d.event)).size;
  console.log(`ECB+ dev: ${docs.length} articles, ${events} gold events (${path})`);
  console.log(`defaults: ${JSON.stringify(DEFAULT_CLUSTER_OPTIONS)}; clustering took ${ms.toFixed(0)} ms`);
  console.log('B-cubed (Bagga & Baldwin 1998)  precision  recall  F1');
  console.log(formatRow('default', score));
  console.log('threshold sweep (documentation only; the default above is what counts):');
  for (const threshold of SWEEP) console.log(formatRow(`t=${threshold}`, evaluate(gold, { threshold })));
  const pipeline = evaluatePipeline(path, new Map(docs.map((d) => [d.input.id, d.event])));
  console.log(`whole pipeline (as framescope analyze reads the file: ${pipeline.articles} articles, ${pipeline.skipped} skipped):`);
  console.log(formatRow('pipeline', pipeline.score));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
