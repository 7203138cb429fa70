import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Skipped } from '../types.js';

/** Extensions read when walking a folder; a file named explicitly is read whatever its name. */
export const INPUT_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.html', '.htm', '.jsonl', '.ndjson', '.csv']);

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
}

/**
 * Expand the command-line paths into input files: folders recursively, sorted by name so every
 * run reads the same order. A path that does not exist is skipped with a reason, not thrown.
 */
export function collectInputs(paths: readonly string[]): CollectedInputs {
  const result: CollectedInputs = { files: [], manifests: [], skipped: [] };
  for (const path of paths) {
    visit(path, true, result);
  }
  return result;
}

function visit(path: string, named: boolean, out: CollectedInputs): void {
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    out.skipped.push({ source: path, reason: describeFsError(error) });
    return;
  }
  if (stats.isDirectory()) {
    let names: string[];
    try {
      names = readdirSync(path).sort(compareCodeUnits);
    } catch (error) {
      out.skipped.push({ source: path, reason: describeFsError(error) });
      return;
    }
    for (const name of names) {
      if (!isIgnoredInFolder(name)) visit(join(path, name), false, out);
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
  const ext = extname(path).toLowerCase();
  if (!named && !INPUT_EXTENSIONS.has(ext)) {
    out.skipped.push({ source: path, reason: `unsupported file type "${ext || '(none)'}": framescope reads ${[...INPUT_EXTENSIONS].join(' ')}` });
    return;
  }
  out.files.push(path);
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
