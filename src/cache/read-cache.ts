import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ReadResult } from '../pipeline.js';
import type { Article, InputFile, Removed } from '../types.js';
import { itemByItem, readChunkedFile, removeQuietly, TEMP_MARK, writeChunkedFile, type ChunkCodec } from './chunked-file.js';

/**
 * Bump when the cached shape or anything that shapes parsing/cleaning changes without a version
 * bump of the tool (the tool version is part of every key as well).
 */
const CACHE_FORMAT = 3;
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
  /** Tool version and a hash of its code (src/cache/code-fingerprint.ts). */
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
 * hash, manifests, outlet aliases, `--map`, tool version and code — so a cached result is never stale.
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

/**
 * A cached result, or undefined when absent or unreadable (a damaged entry is removed). The
 * articles' removed lines are kept in a file of their own and read only when `removedLines`:
 * `articles.jsonl` is their one reader, and a re-run that copies that file from the cache
 * (src/cache/output-copy.ts) need not deserialise them (~317k at 50k articles, ~0.5 s, and
 * objects every later collection would mark). Without them, every article's `removed` is empty.
 */
export function loadCachedRead(dir: string, key: string, removedLines: boolean): ReadResult | undefined {
  const path = entryPath(dir, key, 'read');
  try {
    const { header, items } = readChunkedFile<Omit<ReadResult, 'articles'>, Article>(path);
    if (removedLines && !attachRemovedLines(dir, key, items)) throw new Error('removed lines missing');
    touch(path);
    return { ...header, articles: items };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') removeQuietly(path);
    return undefined;
  }
}

/**
 * Give `articles` (as `loadCachedRead` returned them without removed lines) their removed lines
 * from the cache; false when the file is absent or damaged (then removed, like the read entry's).
 */
export function attachRemovedLines(dir: string, key: string, articles: Article[]): boolean {
  const path = entryPath(dir, key, 'removed');
  try {
    const { items } = readChunkedFile<unknown, Removed[]>(path);
    if (items.length !== articles.length) throw new Error('damaged');
    articles.forEach((article, i) => (article.removed = items[i]!));
    touch(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') removeQuietly(path);
    return false;
  }
}

/**
 * Store a result atomically (temp file + rename), then prune old entries. Failures are not
 * fatal. The removed lines go to a file of their own, written first: a read entry on disk always
 * has its removed lines beside it (unless deleted since). Returns whether the removed lines were
 * stored (then `attachRemovedLines` can give them back).
 */
export function storeCachedRead(dir: string, key: string, result: ReadResult): boolean {
  const { articles, ...header } = result;
  const removedStored = storeEntry(dir, entryPath(dir, key, 'removed'), { articles: articles.length }, articles, itemByItem((article) => article.removed));
  storeEntry(dir, entryPath(dir, key, 'read'), header, articles, itemByItem((article) => ({ ...article, removed: [] })));
  return removedStored;
}

/** Write one cache entry and prune the folder; whether it was written (a cache that cannot be written only costs time later). */
export function storeEntry<Item>(dir: string, path: string, header: unknown, items: readonly Item[], codec?: ChunkCodec<Item>): boolean {
  try {
    mkdirSync(dir, { recursive: true });
    writeChunkedFile(path, header, items, codec);
  } catch {
    // A cache that cannot be written only costs time on the next run.
    return false;
  }
  try {
    pruneCache(dir);
  } catch {
    // Pruning only keeps the folder small; the entry is written.
  }
  return true;
}

/** Mark an entry as used now (pruning keeps the most recently used). */
export function touch(path: string): void {
  try {
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    // Not fatal: the entry may only be pruned earlier.
  }
}

/**
 * The file of an entry: `read-<key>.v8` (parse+clean) with `removed-<key>.v8` (its articles'
 * removed lines), `analysis-<key>.v8` (matching),
 * `terms-<key>.v8` (the analyses' term counts), `keyness-<key>.v8` (key terms per outlet),
 * `clusters-<key>.v8`, and the report's last bootstrap intervals and charts, `intervals-<key>.v8`
 * and `charts-<key>.v8` (src/cache/report-memo.ts). Beside them, copies of outputs that depend on
 * the read entry alone: `articles-<key>.jsonl` (src/cache/output-copy.ts).
 */
export function entryPath(dir: string, key: string, kind: 'read' | 'removed' | 'analysis' | 'terms' | 'keyness' | 'clusters' | 'intervals' | 'charts'): string {
  return join(dir, `${kind}-${key}.v8`);
}

/** A temporary file this old is the leftover of a write that was interrupted (killed, out of memory). */
const STALE_TEMP_MS = 60 * 60 * 1000;

/** Keep the `MAX_ENTRIES` most recently used entries of each kind; delete leftovers of interrupted writes. */
export function pruneCache(dir: string): void {
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    if (!name.includes(TEMP_MARK)) continue;
    const path = join(dir, name);
    if (now - statSync(path).mtimeMs > STALE_TEMP_MS) rmSync(path, { force: true });
  }
  // Output copies (src/cache/output-copy.ts) go with their checksum file.
  for (const [kind, ending] of [['read-', '.v8'], ['removed-', '.v8'], ['analysis-', '.v8'], ['terms-', '.v8'], ['keyness-', '.v8'], ['clusters-', '.v8'], ['intervals-', '.v8'], ['charts-', '.v8'], ['articles-', '.jsonl']] as const) {
    const entries = readdirSync(dir)
      .filter((name) => name.startsWith(kind) && name.endsWith(ending))
      .map((name) => ({ name, used: statSync(join(dir, name)).mtimeMs }))
      .sort((a, b) => b.used - a.used || (a.name < b.name ? -1 : 1));
    for (const entry of entries.slice(MAX_ENTRIES)) {
      rmSync(join(dir, entry.name), { force: true });
      rmSync(join(dir, `${entry.name}.crc`), { force: true });
    }
  }
}
