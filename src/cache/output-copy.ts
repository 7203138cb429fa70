/**
 * Output files that depend only on what the read cache is keyed by — the parsed and cleaned
 * articles, their token counts (the tokenizer is part of the key through the code hash) — kept
 * beside that entry, so a re-run after a lexicon edit copies them into its report instead of
 * writing them again. `articles.jsonl` is the one such file: bodies, removed lines and metadata,
 * 148 MB at 50k articles, 1–2 s of JSON to write and ~0.3 s to check and copy (measured on the
 * benchmark corpus, this machine).
 *
 * A copy is `<name-without-extension>-<key>.<ext>` with its length and CRC-32 in
 * `<…>.<ext>.crc`: a copy is used only when both match its bytes (a damaged or half-written copy
 * is removed and the file is written afresh). Written to a temporary file and renamed into place.
 */
import { closeSync, copyFileSync, constants, openSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { copyFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { crc32 } from 'node:zlib';
import { removeQuietly, TEMP_MARK } from './chunked-file.js';
import { pruneCache, touch } from './read-cache.js';

/** Bytes read at a time when checking a copy. */
const READ_BYTES = 1 << 20;

/** Where the copy of output `name` made from read cache entry `key` lives. */
export function outputCopyPath(dir: string, key: string, name: string): string {
  const ext = extname(name);
  return join(dir, `${name.slice(0, name.length - ext.length)}-${key}${ext}`);
}

/**
 * Keep a copy of the finished output file at `source`; failures are not fatal (the next run
 * writes it), so the promise never rejects. The copy is made in libuv's thread pool: the caller
 * goes on (the CLI clusters) and awaits it before the run ends. Why: copying the 148 MB
 * `articles.jsonl` just written (its pages still dirty) took ~0.37 s of the 50k benchmark run's
 * main thread, against ~0.05 s for the same file at rest; the checksum read back after it ~0.04 s.
 */
export async function storeOutputCopy(dir: string, key: string, name: string, source: string): Promise<void> {
  const path = outputCopyPath(dir, key, name);
  const temp = `${path}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    // A reflink where the file system has them, else a copy in the kernel.
    await copyFile(source, temp, constants.COPYFILE_FICLONE);
    const { size, crc } = checksum(temp);
    renameSync(temp, path);
    writeFileSync(`${path}.crc`, `${size} ${crc}\n`);
    pruneCache(dir);
  } catch {
    removeQuietly(temp);
  }
}

/**
 * Whether the kept copy of output `name` for entry `key` is there and whole (its length and CRC-32
 * those of its checksum file). A damaged copy is removed.
 */
export function outputCopyIsWhole(dir: string, key: string, name: string): boolean {
  const path = outputCopyPath(dir, key, name);
  let expected: string;
  try {
    expected = readFileSync(`${path}.crc`, 'utf8').trim();
  } catch {
    return false;
  }
  let whole = false;
  try {
    const { size, crc } = checksum(path);
    whole = `${size} ${crc}` === expected;
  } catch {
    // Unreadable: treated as damaged.
  }
  if (!whole) {
    removeQuietly(path);
    removeQuietly(`${path}.crc`);
  }
  return whole;
}

/**
 * Copy the kept output `name` of entry `key` to `target`, once `outputCopyIsWhole` said it is
 * whole (checked once: the folder is this tool's, and a concurrent run of the same key writes the
 * same bytes by rename); false when it could not (the caller writes the file).
 */
export function copyOutputCopy(dir: string, key: string, name: string, target: string): boolean {
  const path = outputCopyPath(dir, key, name);
  try {
    // EXCL: a file already at the target is not ours to replace.
    copyFileSync(path, target, constants.COPYFILE_FICLONE | constants.COPYFILE_EXCL);
  } catch (error) {
    // A copy cut short (a full disk) is removed so the caller can write the file there.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') removeQuietly(target);
    return false;
  }
  touch(path);
  return true;
}

/** Length and CRC-32 of a file, read a megabyte at a time. */
function checksum(path: string): { size: number; crc: number } {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(READ_BYTES);
    let size = 0;
    let crc = 0;
    for (let got = readSync(fd, buffer, 0, READ_BYTES, null); got > 0; got = readSync(fd, buffer, 0, READ_BYTES, null)) {
      crc = crc32(buffer.subarray(0, got), crc);
      size += got;
    }
    return { size, crc };
  } finally {
    closeSync(fd);
  }
}
