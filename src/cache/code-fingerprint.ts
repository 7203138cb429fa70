/**
 * A hash of framescope's own code, part of every cache key. The tool version alone is not enough:
 * a change to tokenizing, matching or cleaning between releases (or in a checkout) would otherwise
 * reuse analyses made by the old code, and a re-run after a lexicon edit would mix old and new
 * results — the outputs of no cold run.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding every module of the tool (`src/`, or `dist/src/` once built). */
const CODE_ROOT = fileURLToPath(new URL('..', import.meta.url));
const CODE_FILE = /\.(?:js|ts|json)$/;

let cached: string | undefined;

/** sha256 over the path and bytes of every code file under the tool's source folder, in path order. */
export function codeFingerprint(): string {
  if (cached !== undefined) return cached;
  const hash = createHash('sha256');
  for (const path of codeFiles(CODE_ROOT).sort()) {
    hash.update(relative(CODE_ROOT, path));
    hash.update('\0');
    hash.update(readFileSync(path));
    hash.update('\0');
  }
  cached = hash.digest('hex').slice(0, 16);
  return cached;
}

function codeFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...codeFiles(path));
    else if (entry.isFile() && CODE_FILE.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
  }
  return files;
}
