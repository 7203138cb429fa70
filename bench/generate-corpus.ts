/**
 * The benchmark corpus generator: a seeded, news-like corpus of any size, in the input forms
 * framescope reads (mostly JSONL records, some raw pages with boilerplate, a few HTML pages and
 * version tables). The same options always write the same bytes.
 *
 * CLI: `node dist/bench/generate-corpus.js --articles 1000 --seed 1 --out /tmp/corpus`
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createEvent, chromeHeadline, writeArticle } from './lib/news-text.js';
import type { NewsEvent, TextKit } from './lib/news-text.js';
import { createOutlets } from './lib/outlets.js';
import type { Outlet } from './lib/outlets.js';
import { createRandom, pickInt, pickOne, pickSome, pickWeighted } from './lib/prng.js';
import type { Random } from './lib/prng.js';
import { renderHtml, renderPage, renderRecord, renderVersionTable } from './lib/render-forms.js';
import type { ArticleDraft } from './lib/render-forms.js';
import { createVocabulary } from './lib/vocabulary.js';
import { readWordSources } from './lib/word-sources.js';
import type { WordSources } from './lib/word-sources.js';
import { isMainModule } from '../src/is-main.js';

/** Bump when the generator's output changes for the same options: cached corpora are rebuilt. */
export const GENERATOR_VERSION = 3;

/** Hidden file (framescope skips dot files) describing the corpus, for the benchmark's cache. */
export const CORPUS_MANIFEST = '.bench-corpus.json';
/** Hidden CSV `story_id,event`: the true event of every story, to score event clustering against. */
export const EVENTS_FILE = '.bench-events.csv';

export type CorpusForm = 'jsonl' | 'text' | 'html' | 'version-table';

/** Share of articles per form: records dominate real research corpora; scraped pages come next. */
const FORM_WEIGHTS: readonly (readonly [CorpusForm, number])[] = [['jsonl', 0.86], ['text', 0.1], ['html', 0.02], ['version-table', 0.02]];
/** At most this many records per JSONL file (the brief: several files of ≤ 5k records). */
export const RECORDS_PER_FILE = 5000;
/**
 * Mean body size in UTF-8 bytes, tuned so the whole corpus (chrome, markup and JSON included)
 * averages about 2.6 KB per article: 50k articles ≈ 130 MB.
 */
const MEAN_BODY_BYTES = 1840;
/** Pseudo-word types added per article: the vocabulary grows with the corpus (Heaps' law). */
const TAIL_TYPES_PER_ARTICLE = 8;

export interface GenerateOptions {
  /** Number of articles (stories); a version table holds 2–3 versions of one story. */
  articles: number;
  seed: number;
  /** Folder to write; must be new, empty, or a corpus this generator wrote before (it is replaced). */
  outDir: string;
  /** Repository root whose `corpora/demo` and `lexicons` give the real words (default: this package). */
  root?: string;
  /** Records per JSONL file before a new file starts (default RECORDS_PER_FILE, 5000). */
  recordsPerFile?: number;
}

export interface CorpusManifest {
  generator_version: number;
  articles: number;
  seed: number;
  sources_sha256: string;
  files: number;
  bytes: number;
  events: number;
  outlets: number;
  forms: Record<CorpusForm, number>;
}

/**
 * Write a corpus of `articles` articles into `outDir`. Deterministic: the same options (and the
 * same demo corpus and lexicons) give byte-identical files.
 * @returns how many input files were written and their total size in bytes (the hidden manifest excluded).
 */
export function generateCorpus(options: GenerateOptions): { files: number; bytes: number } {
  if (!Number.isInteger(options.articles) || options.articles < 1) throw new Error(`articles must be a whole number ≥ 1, got ${options.articles}`);
  if (!Number.isInteger(options.seed) || options.seed < 0) throw new Error(`seed must be a whole number ≥ 0, got ${options.seed}`);
  const perFile = options.recordsPerFile ?? RECORDS_PER_FILE;
  if (!Number.isInteger(perFile) || perFile < 1) throw new Error(`recordsPerFile must be a whole number ≥ 1, got ${perFile}`);
  prepareOutDir(options.outDir);
  const sources = readWordSources(options.root ?? packageRoot());
  const { manifest, events } = writeCorpus(options, sources);
  writeFileSync(join(options.outDir, EVENTS_FILE), `story_id,event\n${events.join('')}`);
  writeFileSync(join(options.outDir, CORPUS_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return { files: manifest.files, bytes: manifest.bytes };
}

/** The manifest of a generated corpus, or undefined when `dir` holds none (or an unreadable one). */
export function readCorpusManifest(dir: string): CorpusManifest | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, CORPUS_MANIFEST), 'utf8')) as CorpusManifest;
  } catch {
    return undefined;
  }
}

/** The real-word sources' hash, to tell whether a cached corpus is still current. */
export function sourcesHash(root: string = packageRoot()): string {
  return readWordSources(root).sha256;
}

function prepareOutDir(dir: string): void {
  if (existsSync(dir)) {
    const entries = readdirSync(dir);
    if (entries.length > 0 && !entries.includes(CORPUS_MANIFEST)) {
      throw new Error(`${dir}: folder is not empty and was not written by the corpus generator — choose a new folder`);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
}

function writeCorpus(options: GenerateOptions, sources: WordSources): { manifest: CorpusManifest; events: string[] } {
  const random = createRandom(options.seed);
  const kit: TextKit = {
    words: {
      en: createVocabulary(sources.en, 'en', sources.en.length + 20000 + TAIL_TYPES_PER_ARTICLE * options.articles),
      ar: createVocabulary(sources.ar, 'ar', sources.ar.length + 8000 + (TAIL_TYPES_PER_ARTICLE / 2) * options.articles),
    },
    framing: sources.framing,
  };
  const sides = {
    pro: sources.framing.filter((c) => c.axis > 0).map((c) => c.id),
    contra: sources.framing.filter((c) => c.axis < 0).map((c) => c.id),
  };
  const outlets = createOutlets(random, sides, (r, lang) => chromeHeadline(r, lang, kit), kit.words);
  const writer = createWriter(options.outDir, options.recordsPerFile ?? RECORDS_PER_FILE);
  const forms: Record<CorpusForm, number> = { jsonl: 0, text: 0, html: 0, 'version-table': 0 };
  const truth: string[] = [];
  let written = 0;
  let events = 0;
  while (written < options.articles) {
    const event = createEvent(random, events++, kit);
    for (const outlet of pickSome(random, outlets, pickInt(random, 2, 6))) {
      if (written >= options.articles) break;
      const form = pickWeighted(random, FORM_WEIGHTS);
      const draft = draftArticle(random, outlet, event, kit, written++);
      forms[form]++;
      truth.push(`${draft.id},e${String(event.index).padStart(6, '0')}\n`);
      writeArticleAs(random, form, draft, writer, event, kit);
    }
  }
  const { files, bytes } = writer.finish();
  const manifest: CorpusManifest = {
    generator_version: GENERATOR_VERSION, articles: options.articles, seed: options.seed,
    sources_sha256: sources.sha256, files, bytes, events, outlets: outlets.length, forms,
  };
  return { manifest, events: truth };
}

/** Body sizes vary as in news: mostly 0.5–1.5× the mean, one in 25 a long read of three times it. */
function bodyTarget(random: Random): number {
  const scale = random() < 0.04 ? 3 : 0.5 + random();
  return Math.round(MEAN_BODY_BYTES * scale);
}

function draftArticle(random: Random, outlet: Outlet, event: NewsEvent, kit: TextKit, serial: number): ArticleDraft {
  const text = writeArticle(random, outlet, event, kit, bodyTarget(random));
  const id = `${outlet.slug}-${String(serial).padStart(6, '0')}`;
  const date = shiftDate(event.date, pickWeighted(random, [[0, 6], [1, 3], [2, 1]]));
  const tagPool = [...event.places.map((p) => p[outlet.lang]), ...event.keywords[outlet.lang].slice(0, 4)];
  return {
    id, outlet, title: text.title, date, url: `https://www.${outlet.domain}/news/${date.replace(/-/g, '/')}/${id}`,
    credit: pickOne(random, outlet.credits), byline: pickOne(random, outlet.reporters),
    paragraphs: text.paragraphs, tags: pickSome(random, tagPool, pickInt(random, 2, 5)),
  };
}

/** A date `days` later, kept within the event year (the corpus spans one year). */
function shiftDate(date: string, days: number): string {
  const shifted = new Date(Date.parse(`${date}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
  return shifted.slice(0, 4) === date.slice(0, 4) ? shifted : date;
}

function writeArticleAs(random: Random, form: CorpusForm, draft: ArticleDraft, writer: CorpusWriter, event: NewsEvent, kit: TextKit): void {
  const slug = draft.outlet.slug;
  switch (form) {
    case 'jsonl':
      writer.record(slug, renderRecord(draft));
      return;
    case 'text':
      writer.file(`pages/${slug}/${draft.id}.txt`, renderPage(random, draft));
      return;
    case 'html':
      writer.file(`html/${slug}/${draft.id}.html`, renderHtml(random, draft));
      return;
    case 'version-table': {
      const extra = writeArticle(random, draft.outlet, event, kit, 300).paragraphs.slice(-1)[0] ?? '';
      const path = `versions/${slug}/${draft.id}.txt`;
      writer.file(path, renderVersionTable(random, draft, extra));
      // NewsSniffer pages state no date or outlet name: the manifest gives them, as in the demo corpus.
      writer.manifestRow(path, draft);
    }
  }
}

interface CorpusWriter {
  record(slug: string, line: string): void;
  file(path: string, text: string): void;
  manifestRow(path: string, draft: ArticleDraft): void;
  finish(): { files: number; bytes: number };
}

/** Writes files as it goes; JSONL lines are buffered per outlet and split into files of ≤ 5k records. */
function createWriter(outDir: string, recordsPerFile: number): CorpusWriter {
  let files = 0;
  let bytes = 0;
  const outlets = new Map<string, RecordFile>();
  const manifest: string[] = ['file,outlet,date,url,lang'];
  const put = (path: string, text: string, create: boolean): void => {
    const full = join(outDir, path);
    if (create) {
      mkdirSync(dirname(full), { recursive: true });
      files++;
    }
    appendFileSync(full, text);
    bytes += Buffer.byteLength(text);
  };
  const flush = (slug: string, state: RecordFile): void => {
    if (state.buffer.length === 0) return;
    put(`records/${slug}-${String(state.index).padStart(3, '0')}.jsonl`, state.buffer.join(''), !state.created);
    state.created = true;
    state.buffer = [];
    state.size = 0;
  };
  return {
    record(slug, line) {
      const state = outlets.get(slug) ?? { count: 0, index: 1, created: false, buffer: [], size: 0 };
      outlets.set(slug, state);
      if (state.count > 0 && state.count % recordsPerFile === 0) {
        flush(slug, state);
        state.index++;
        state.created = false;
      }
      state.buffer.push(`${line}\n`);
      state.size += line.length;
      state.count++;
      if (state.size > FLUSH_CHARS) flush(slug, state);
    },
    file(path, text) {
      put(path, text, true);
    },
    manifestRow(path, draft) {
      manifest.push([path, draft.outlet.name, draft.date, draft.url, draft.outlet.lang].map(csvCell).join(','));
    },
    finish() {
      for (const [slug, state] of outlets) flush(slug, state);
      if (manifest.length > 1) put('manifest.csv', `${manifest.join('\n')}\n`, true);
      return { files, bytes };
    },
  };
}

/** One outlet's current JSONL file and the lines not yet written to it. */
interface RecordFile {
  count: number;
  index: number;
  created: boolean;
  buffer: string[];
  size: number;
}

/** Buffer about a megabyte of JSONL per outlet before writing: few syscalls, bounded memory. */
const FLUSH_CHARS = 1 << 20;

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** This package's root (holding `package.json` named framescope), from `bench/` or `dist/bench/`. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'framescope') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the framescope package root above the generator');
    dir = parent;
  }
}

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: { articles: { type: 'string' }, seed: { type: 'string', default: '1' }, out: { type: 'string' } },
    strict: true,
  });
  if (values.articles === undefined || values.out === undefined) {
    process.stderr.write('usage: generate-corpus --articles <n> [--seed <n>] --out <dir>\n');
    return 1;
  }
  const started = performance.now();
  const result = generateCorpus({ articles: Number(values.articles), seed: Number(values.seed), outDir: resolve(values.out) });
  process.stderr.write(`${result.files} files, ${(result.bytes / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s → ${values.out}\n`);
  return 0;
}


if (isMainModule(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`generate-corpus: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
