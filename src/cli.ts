#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { runAnalyze } from './commands/analyze.js';
import { runKwic } from './commands/kwic-cli.js';
import { exportLexiconCsv, importEntities, importLexicon, runLexiconCheck } from './commands/lexicon.js';
import { createProgress } from './commands/progress.js';
import { defaultCacheDir } from './cache/read-cache.js';
import { defaultThreads } from './workers/match-pool.js';
import { UsageError } from './errors.js';
import { LexiconError } from './lexicon/index.js';
import { bundledLexiconDir, toolVersion } from './paths.js';
import { isMainModule } from './is-main.js';
import { tuneHeapForLongRuns } from './heap.js';

export const HELP = `framescope — compare how news outlets frame the same events

Usage:
  framescope analyze <paths…> --out <dir> [options]   analyse files and folders (recursive)
  framescope lexicon check [dir]                     validate lexicons and run their examples
  framescope lexicon import <file.dic|file.csv>      convert a quanteda/LIWC .dic or CSV sheet to YAML (stdout)
  framescope lexicon export --csv [--lexicons dir]   write the lexicons as a CSV sheet (stdout)
  framescope kwic <concept|term> <paths…> [options]  every hit in context, with its voice
  framescope --help | --version                      (--help also after any command)

Options for analyze:
  --out <dir>          report folder: new, empty, or written by framescope before (required)
  --lexicons <dir>     lexicon folder (default: the bundled lexicons/)
  --manifest <file>    CSV (file,outlet,date,url,lang) overriding page metadata; repeatable.
                       A folder's own manifest.csv is used automatically.
  --map field=column   read a JSONL/CSV column as a field (id, text, title, outlet, date, url, lang); repeatable
  --bom                start every CSV with a UTF-8 byte-order mark (for Excel)
  --force              write into a non-empty folder not written by framescope
  --seed <n>           seed of the bootstrap intervals (default 1)
  --no-cache           parse, clean and match afresh, and keep nothing for the next run
  --cache-dir <dir>    incremental cache: parsed articles, analyses, clusters (default
                       $FRAMESCOPE_CACHE_DIR, $XDG_CACHE_HOME/framescope or ~/.cache/framescope;
                       delete it at any time)
  --threads <n>        worker threads for parsing (from 4 MB of input), matching (from
                       1,500 articles) and the event neighbour search (from 5,000); from 2
                       on, also for loading the lexicons, the outlet bootstrap and the
                       charts; default one per core, at most 4; results do not depend on it
  --quiet              no progress or summary on stderr
  --debug              print stack traces of internal errors

Options for kwic:
  --lexicons <dir>     lexicon folder (default: the bundled lexicons/)
  --width <n>          characters of context on each side (default 40, at least 5)

Options for lexicon:
  --lexicons <dir>     the folder for check and export when none is given as an argument
  --entities           import: the sheet's entity rows as an entities file (entities.yaml)

Exit codes: 0 at least one article analysed; 1 wrong usage or nothing analysable; 2 internal error.

Examples:
  framescope analyze corpora/demo --out reports/demo
  framescope kwic kiev_regime corpora/demo
  framescope lexicon check lexicons
`;

interface Io {
  stdout: (text: string) => void;
  stderr: (line: string) => void;
  stderrStream: NodeJS.WriteStream;
}

/** Run the CLI with `argv` (without `node` and the script); returns the exit code. */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    return await dispatch([...argv], io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`framescope: ${error.message}`);
      return 1;
    }
    if (error instanceof LexiconError) {
      io.stderr(`framescope: the lexicons have ${error.problems.length} problem(s):`);
      for (const problem of error.problems) io.stderr(`  ${problem}`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`framescope: internal error: ${message}${debug ? '' : ' (run with --debug for details)'}`);
    if (debug && error instanceof Error && error.stack) io.stderr(error.stack);
    return 2;
  }
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(HELP);
    return command === undefined ? 1 : 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${toolVersion()}\n`);
    return 0;
  }
  if (command === 'analyze') return analyzeCommand(rest, io);
  if (command === 'lexicon') return lexiconCommand(rest, io);
  if (command === 'kwic') return kwicCommand(rest, io);
  throw new UsageError(`unknown command "${command}" — see framescope --help`);
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

/** Strict parsing: an unknown option is a usage error naming it (exit 1), never ignored. */
function parse(argv: string[], options: OptionSpec): { values: Record<string, unknown>; positionals: string[] } {
  try {
    const parsed = parseArgs({ args: argv, options: { ...options, debug: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    return { values: parsed.values as Record<string, unknown>, positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)} — see framescope --help`);
  }
}

async function analyzeCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    out: { type: 'string' },
    lexicons: { type: 'string' },
    manifest: { type: 'string', multiple: true },
    map: { type: 'string', multiple: true },
    bom: { type: 'boolean' },
    force: { type: 'boolean' },
    seed: { type: 'string' },
    quiet: { type: 'boolean' },
    'no-cache': { type: 'boolean' },
    'cache-dir': { type: 'string' },
    threads: { type: 'string' },
  });
  if (values.help) return showHelp(io);
  if (positionals.length === 0) throw new UsageError('analyze needs at least one file or folder — see framescope --help');
  if (typeof values.out !== 'string') throw new UsageError('analyze needs --out <dir> — see framescope --help');
  const quiet = values.quiet === true;
  return runAnalyze(
    {
      paths: positionals,
      out: values.out,
      lexiconDir: typeof values.lexicons === 'string' ? values.lexicons : bundledLexiconDir(),
      lexiconLabel: typeof values.lexicons === 'string' ? values.lexicons : 'bundled',
      manifests: asList(values.manifest),
      map: parseMap(asList(values.map)),
      bom: values.bom === true,
      force: values.force === true,
      seed: parseSeed(values.seed),
      threads: parseThreads(values.threads),
      cacheDir: values['no-cache'] === true ? null : typeof values['cache-dir'] === 'string' ? values['cache-dir'] : defaultCacheDir(),
    },
    {
      stderr: quiet ? () => undefined : io.stderr,
      progress: createProgress(io.stderrStream, !quiet),
    },
  );
}

async function lexiconCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { csv: { type: 'boolean' }, lexicons: { type: 'string' }, entities: { type: 'boolean' } });
  if (values.help) return showHelp(io);
  const [sub, arg] = positionals;
  if (sub === 'check') {
    const result = runLexiconCheck(arg ?? (typeof values.lexicons === 'string' ? values.lexicons : bundledLexiconDir()));
    if (result.out) io.stdout(result.out);
    if (result.err) io.stderr(result.err.replace(/\n$/, ''));
    return result.exitCode;
  }
  if (sub === 'import') {
    if (arg === undefined) throw new UsageError('lexicon import needs a .dic or .csv file');
    io.stdout(values.entities === true ? importEntities(arg) : importLexicon(arg));
    return 0;
  }
  if (sub === 'export') {
    if (values.csv !== true) throw new UsageError('lexicon export needs --csv (the only export format)');
    io.stdout(exportLexiconCsv(arg ?? (typeof values.lexicons === 'string' ? values.lexicons : bundledLexiconDir())));
    return 0;
  }
  throw new UsageError('lexicon needs a subcommand: check, import or export — see framescope --help');
}

async function kwicCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { lexicons: { type: 'string' }, width: { type: 'string' } });
  if (values.help) return showHelp(io);
  const [query, ...paths] = positionals;
  if (query === undefined || paths.length === 0) throw new UsageError('kwic needs a concept id or term and at least one path');
  const width = values.width === undefined ? 40 : Number(values.width);
  if (!Number.isInteger(width) || width < 5) throw new UsageError('--width must be a whole number of at least 5');
  return runKwic(
    { query, paths, width, lexiconDir: typeof values.lexicons === 'string' ? values.lexicons : bundledLexiconDir() },
    io,
  );
}

/** `--help` / `-h` after any command: the usage, exit 0 (one text covers every command). */
function showHelp(io: Io): number {
  io.stdout(HELP);
  return 0;
}

function asList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
}

function parseMap(pairs: string[]): Record<string, string> {
  const fields = new Set(['id', 'text', 'title', 'outlet', 'date', 'url', 'lang']);
  const map: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const pair of pairs) {
    const [field, column] = pair.split('=', 2);
    if (!field || !column || !fields.has(field)) {
      throw new UsageError(`--map ${pair}: expected field=column with field one of ${[...fields].join(', ')}`);
    }
    map[field] = column;
  }
  return map;
}

function parseThreads(value: unknown): number {
  if (value === undefined) return defaultThreads();
  const threads = Number(value);
  if (!Number.isInteger(threads) || threads < 1 || threads > 64) throw new UsageError('--threads must be a whole number from 1 to 64');
  return threads;
}

function parseSeed(value: unknown): number {
  if (value === undefined) return 1;
  const seed = Number(value);
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError('--seed must be a non-negative whole number');
  return seed;
}


if (isMainModule(import.meta.url)) {
  tuneHeapForLongRuns();
  // `framescope lexicon export --csv | head`: a reader that stops early is normal, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const code = await runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (line) => process.stderr.write(`${line}\n`),
    stderrStream: process.stderr,
  });
  process.exitCode = code;
}
