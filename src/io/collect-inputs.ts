import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { extensionOf, hasGzipSuffix, otherFileTypeHint } from '../ingest/decode.js';
import type { Skipped } from '../types.js';
import { RUN_MANIFEST } from './write-outputs.js';

/** Extensions read when walking a folder; a file named explicitly is read whatever its name. */
export const INPUT_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.html', '.htm', '.jsonl', '.ndjson', '.json', '.csv', '.tsv']);

/** A folder's `manifest.csv` sets outlet/date/url/lang for the files beside and below it. */
export const MANIFEST_NAME = 'manifest.csv';

/** Documentation and hidden files in a corpus folder are not articles. */
function isIgnoredInFolder(name: string): boolean {
  return name.startsWith('.') || /\.(md|markdown)$/i.test(name) || /^(readme|license|licence)(\..*)?$/i.test(name);
}

export interface CollectedInputs {
  /** Article input files, in a stable order (each folder sorted by name). */
  files: string[];
  /** Manifest files found in walked folders or named with --manifest. */
  manifests: string[];
  /** Paths that could not be read at all (missing, unreadable, unsupported type in a folder). */
  skipped: Skipped[];
  /** Bytes of the article input files, as their sizes were when walked. */
  bytes: number;
}

/**
 * Expand the command-line paths into input files: folders recursively, sorted by name so every
 * run reads the same order. A path that does not exist is skipped with a reason, not thrown.
 */
export function collectInputs(paths: readonly string[]): CollectedInputs {
  const result: CollectedInputs = { files: [], manifests: [], skipped: [], bytes: 0 };
  const seen = new Set<string>();
  for (const path of paths) {
    visit(path, true, result, seen);
  }
  return result;
}

/**
 * A file or folder reached a second time — named twice, a folder and one inside it, a symbolic
 * link — is read once: its articles would otherwise count twice (and their ids collide), and a
 * link back up the tree would be walked until the path grew too long.
 */
function firstVisit(path: string, seen: Set<string>): boolean {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return true; // reading it fails with the reason
  }
  if (seen.has(real)) return false;
  seen.add(real);
  return true;
}

/** A report folder framescope wrote (its `run.json` says so): its files are outputs, not articles. */
function isReportFolder(dir: string): boolean {
  const manifest = join(dir, RUN_MANIFEST);
  if (!existsSync(manifest)) return false;
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { tool?: unknown }).tool === 'framescope';
  } catch {
    return false;
  }
}

function visit(path: string, named: boolean, out: CollectedInputs, seen: Set<string>): void {
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    out.skipped.push({ source: path, reason: describeFsError(error) });
    return;
  }
  if (!firstVisit(path, seen)) return;
  if (stats.isDirectory()) {
    if (isReportFolder(path)) {
      out.skipped.push({ source: path, reason: 'a framescope report folder (its run.json says so): outputs are not read as articles' });
      return;
    }
    let names: string[];
    try {
      names = readdirSync(path).sort(compareCodeUnits);
    } catch (error) {
      out.skipped.push({ source: path, reason: describeFsError(error) });
      return;
    }
    for (const name of names) {
      if (!isIgnoredInFolder(name)) visit(join(path, name), false, out, seen);
    }
    return;
  }
  if (!stats.isFile()) {
    out.skipped.push({ source: path, reason: 'not a regular file' });
    return;
  }
  if (basename(path).toLowerCase() === MANIFEST_NAME) {
    out.manifests.push(path);
    return;
  }
  // A compressed file (`x.jsonl.gz`) is read when what it holds would be.
  const compressed = hasGzipSuffix(path);
  const inner = extensionOf(path);
  const ext = inner === '' ? '' : `.${inner}`;
  if (!named && !INPUT_EXTENSIONS.has(ext)) {
    const hint = otherFileTypeHint(ext);
    const what = `${ext || '(none)'}${compressed ? '.gz' : ''}`;
    out.skipped.push({ source: path, reason: hint ?? `unsupported file type "${what}": framescope reads ${[...INPUT_EXTENSIONS].join(' ')} (also gzip-compressed, .gz)` });
    return;
  }
  out.files.push(path);
  out.bytes += stats.size;
}

/** Read a file's bytes; the error becomes a skip reason rather than an exception. */
export function readInput(path: string): { bytes: Uint8Array } | { error: string } {
  try {
    return { bytes: readFileSync(path) };
  } catch (error) {
    return { error: describeFsError(error) };
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return error instanceof Error ? error.message : String(error);
}

/** Sort by UTF-16 code units, independent of locale, so every machine walks in the same order. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
