import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';

/** The file that marks a folder as written by framescope (CONTRACT.md "--out"). */
export const RUN_MANIFEST = 'run.json';

/**
 * Refuse an `--out` folder that is neither new, empty, nor a previous framescope output
 * (it holds `run.json`), unless `force` (CONTRACT.md "Command and exit codes").
 */
export function checkOutDir(outDir: string, force: boolean): void {
  if (!existsSync(outDir)) return;
  if (!statSync(outDir).isDirectory()) {
    throw new UsageError(`--out ${outDir}: exists and is not a folder`);
  }
  const entries = readdirSync(outDir);
  if (entries.length === 0 || entries.includes(RUN_MANIFEST) || force) return;
  throw new UsageError(
    `--out ${outDir}: folder is not empty and was not written by framescope (no ${RUN_MANIFEST}) — choose a new folder or add --force`,
  );
}

/**
 * Write every file into a temporary sibling folder, then swap it into place, so an interrupted
 * run leaves the previous report whole. File names must be plain names (no separators).
 */
export function writeOutputsAtomically(outDir: string, files: ReadonlyMap<string, string | Uint8Array>): void {
  const target = resolve(outDir);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const staging = join(parent, `.${basename(target)}.tmp-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging);
  for (const [name, content] of files) {
    if (name !== basename(name) || name.startsWith('.')) {
      throw new Error(`internal: refusing to write output file with unsafe name "${name}"`);
    }
    writeFileSync(join(staging, name), content);
  }
  const previous = join(parent, `.${basename(target)}.old-${process.pid}`);
  if (existsSync(target)) renameSync(target, previous);
  renameSync(staging, target);
  rmSync(previous, { recursive: true, force: true });
}
