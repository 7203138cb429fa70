import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ReadResult } from '../pipeline.js';
import type { InputFile } from '../types.js';

/**
 * Bump when the cached shape or anything that shapes parsing/cleaning changes without a version
 * bump of the tool (the tool version is part of every key as well).
 */
const CACHE_FORMAT = 1;
/** Cached corpora kept; older ones are deleted (by last use) so the folder cannot grow unbounded. */
const MAX_ENTRIES = 4;

/**
 * Where cached parse+clean results live: `$FRAMESCOPE_CACHE_DIR`, else `$XDG_CACHE_HOME/framescope`,
 * else `~/.cache/framescope`. Deleting the folder at any time is safe.
 */
export function defaultCacheDir(): string {
  const explicit = process.env['FRAMESCOPE_CACHE_DIR'];
  if (explicit) return explicit;
  const xdg = process.env['XDG_CACHE_HOME'];
  return join(xdg && xdg.length > 0 ? xdg : join(homedir(), '.cache'), 'framescope');
}

export interface ReadCacheKeyParts {
  toolVersion: string;
  files: readonly InputFile[];
  manifests: readonly InputFile[];
  /** Bytes of the outlet alias file (outlets change canonical names and boilerplate tables). */
  outletsText: string;
  map: Readonly<Record<string, string>>;
  /** Inputs lost before parsing (missing paths): part of the result, so part of the key. */
  preSkipped: readonly { source: string; reason: string }[];
}

/**
 * The key covers everything parsing and cleaning depend on — every input's path and content
 * hash, manifests, outlet aliases, `--map`, tool version — so a cached result is never stale.
 * Cleaning is corpus-wide (per-outlet repeated-line tables), hence one key for the whole corpus.
 */
export function readCacheKey(parts: ReadCacheKeyParts): string {
  const hash = createHash('sha256');
  const field = (value: string): void => {
    hash.update(value);
    hash.update('\0');
  };
  field(`framescope-read-cache/${CACHE_FORMAT}/${parts.toolVersion}`);
  field(parts.outletsText);
  field(JSON.stringify(Object.entries(parts.map).sort()));
  for (const item of parts.preSkipped) field(`skip:${item.source}:${item.reason}`);
  for (const [kind, files] of [['file', parts.files], ['manifest', parts.manifests]] as const) {
    for (const file of files) {
      field(`${kind}:${file.path}`);
      field(createHash('sha256').update(file.bytes).digest('hex'));
    }
  }
  return hash.digest('hex');
}

/** A cached result, or undefined when absent or unreadable (a damaged entry is removed). */
export function loadCachedRead(dir: string, key: string): ReadResult | undefined {
  const path = entryPath(dir, key);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  try {
    const result = deserialize(bytes) as ReadResult;
    const now = new Date();
    utimesSync(path, now, now);
    return result;
  } catch {
    rmSync(path, { force: true });
    return undefined;
  }
}

/** Store a result atomically (temp file + rename), then prune old entries. Failures are not fatal. */
export function storeCachedRead(dir: string, key: string, result: ReadResult): void {
  try {
    mkdirSync(dir, { recursive: true });
    const path = entryPath(dir, key);
    const temp = `${path}.tmp-${process.pid}`;
    writeFileSync(temp, serialize(result));
    renameSync(temp, path);
    pruneCache(dir);
  } catch {
    // A cache that cannot be written only costs time on the next run.
  }
}

function entryPath(dir: string, key: string): string {
  return join(dir, `read-${key}.v8`);
}

function pruneCache(dir: string): void {
  const entries = readdirSync(dir)
    .filter((name) => name.startsWith('read-') && name.endsWith('.v8'))
    .map((name) => ({ name, used: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.used - a.used || (a.name < b.name ? -1 : 1));
  for (const entry of entries.slice(MAX_ENTRIES)) rmSync(join(dir, entry.name), { force: true });
}
