import { closeSync, existsSync, mkdirSync, openSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import type { OutputSink, TextOut } from '../report/output-sink.js';

/** The file that marks a folder as written by framescope (CONTRACT.md "--out"). */
export const RUN_MANIFEST = 'run.json';

/** Bytes buffered per open file before a write to disk: 1 MiB keeps system calls few and memory flat. */
const CHUNK_BYTES = 1 << 20;

/**
 * Refuse an `--out` folder that is neither new, empty, nor a previous framescope output
 * (it holds `run.json`), unless `force` (CONTRACT.md "Command and exit codes").
 */
export function checkOutDir(outDir: string, force: boolean, inputs: readonly string[] = []): void {
  // Replacing the report would replace (or, with --force, write among) the inputs themselves.
  const out = realOrResolved(outDir);
  for (const input of inputs) {
    const path = realOrResolved(input);
    if (path === out || path.startsWith(`${out}${sep}`)) throw new UsageError(`--out ${outDir}: it holds the input ${input} — choose a folder outside the inputs`);
  }
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
 * Let `write` stream every file into a temporary sibling folder (`.<out>.tmp-<pid>`), then swap it
 * into place, so an interrupted or failed run leaves the previous report whole: on any error the
 * temporary folder is removed and the error rethrown. A folder that holds files framescope did not
 * write (`--force`) is not swapped: the new files are moved into it and those files stay. File names must be plain names (no
 * separators, not hidden), and every file must be closed when `write` returns.
 */
export async function writeOutputsAtomically(outDir: string, write: (sink: OutputSink) => Promise<void> | void): Promise<void> {
  const target = resolve(outDir);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  removeLeftovers(parent, basename(target));
  const staging = join(parent, `.${basename(target)}.tmp-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging);
  const sink = new StagingSink(staging);
  try {
    await write(sink);
    sink.finish();
    if (holdsOtherFiles(target, staging)) moveFilesInto(staging, target);
    else swapIntoPlace(staging, target, join(parent, `.${basename(target)}.old-${process.pid}`));
  } catch (error) {
    sink.abandon();
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/** The real path of an existing file or folder, else the resolved path. */
function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** A staging or replaced folder this old belongs to a run that was killed before it could clean up. */
const LEFTOVER_MS = 60 * 60 * 1000;

/** Remove `.<out>.tmp-<pid>` / `.<out>.old-<pid>` folders of killed runs (an hour old: not a run in progress). */
function removeLeftovers(parent: string, name: string): void {
  const now = Date.now();
  for (const entry of readdirSync(parent)) {
    if (!entry.startsWith(`.${name}.tmp-`) && !entry.startsWith(`.${name}.old-`)) continue;
    const path = join(parent, entry);
    try {
      if (now - statSync(path).mtimeMs > LEFTOVER_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Gone already, or not ours to remove: it only takes space.
    }
  }
}

/**
 * Names of the files a report holds (CONTRACT.md "Files"; tests/io/write-outputs.test.ts checks
 * that every file the pipeline writes has one). Anything else in an `--out` folder is not ours.
 */
const REPORT_FILE = /^(?:articles\.(?:csv|jsonl)|matches\.csv|outlets\.csv|outlet_concepts\.csv|contrasts\.csv|keyness\.csv|versions\.csv|skipped\.csv|clusters\.csv|events\.csv|report\.md|run\.json|chart-[a-z0-9-]+\.svg)$/;

/** Whether `name` is a file name a framescope report has. */
export function isReportFileName(name: string): boolean {
  return REPORT_FILE.test(name);
}

/** Whether `target` holds anything besides report files and the files about to be written. */
function holdsOtherFiles(target: string, staging: string): boolean {
  if (!existsSync(target)) return false;
  const staged = new Set(readdirSync(staging));
  return readdirSync(target).some((name) => !staged.has(name) && !isReportFileName(name));
}

/**
 * Into a folder that holds files framescope did not write (`--force`): each new file replaces its
 * namesake, report files the new report lacks go, and every other file stays. Not one atomic step
 * like `swapIntoPlace`, which would delete those files with the folder.
 */
function moveFilesInto(staging: string, target: string): void {
  const staged = readdirSync(staging);
  for (const name of staged) renameSync(join(staging, name), join(target, name));
  const written = new Set(staged);
  for (const name of readdirSync(target)) if (isReportFileName(name) && !written.has(name)) rmSync(join(target, name), { force: true });
  rmSync(staging, { recursive: true, force: true });
}

/** Move `staging` to `target`; the folder it replaces is removed, or put back if the move fails. */
function swapIntoPlace(staging: string, target: string, previous: string): void {
  const hadPrevious = existsSync(target);
  if (hadPrevious) renameSync(target, previous);
  try {
    renameSync(staging, target);
  } catch (error) {
    if (hadPrevious) renameSync(previous, target);
    throw error;
  }
  try {
    rmSync(previous, { recursive: true, force: true });
  } catch {
    // The new report is in place; a previous one that cannot be removed only takes space (a
    // hidden `.<out>.old-<pid>` folder), it must not turn a finished run into a failed one.
  }
}

/** Files of the staging folder, each written through a `FileOut`. */
class StagingSink implements OutputSink {
  private readonly files = new Set<FileOut>();

  constructor(private readonly folder: string) {}

  open(name: string): TextOut {
    // 'wx': a name opened twice (or opened after it was placed) is a bug, not a file to overwrite.
    const file = new FileOut(openSync(this.pathOf(name), 'wx'), name, () => this.files.delete(file));
    this.files.add(file);
    return file;
  }

  placeFile(name: string, place: (path: string) => boolean): boolean {
    return place(this.pathOf(name));
  }

  pathOf(name: string): string {
    if (name !== basename(name) || name.startsWith('.') || name === '') {
      throw new Error(`internal: refusing to write output file with unsafe name "${name}"`);
    }
    return join(this.folder, name);
  }

  /** Every file must have been closed. */
  finish(): void {
    const open = [...this.files].map((file) => file.name);
    if (open.length > 0) {
      this.abandon();
      throw new Error(`internal: output file(s) never closed: ${open.join(', ')}`);
    }
  }

  /** Close whatever is still open, without writing more (the folder is about to be removed). */
  abandon(): void {
    for (const file of this.files) file.discard();
    this.files.clear();
  }
}

/**
 * A file written through a buffer of CHUNK_BYTES: each text is encoded as UTF-8 straight into the
 * buffer, which goes to disk when full. Measured on the 10k benchmark corpus: building every
 * output as one string and `writeFileSync`-ing it cost ~0.5 s plus the garbage of strings up to
 * 60 MB. Joining ~1 M code units of text per chunk before encoding it took twice as long (30 MB
 * of JSONL lines: ~85 ms) as encoding each text straight into the buffer (~35 ms).
 */
class FileOut implements TextOut {
  private readonly bytes = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  /** A high surrogate that ended the last text: it waits for its pair in the next one. */
  private held = '';
  private closed = false;

  constructor(
    private readonly fd: number,
    readonly name: string,
    private readonly onClose: () => void,
  ) {}

  write(text: string): void {
    if (this.closed) throw new Error(`internal: write to output file "${this.name}" after close`);
    if (text === '') return;
    if (this.held !== '') {
      text = this.held + text;
      this.held = '';
    }
    // Encoding a pair's halves apart would give two U+FFFD where the whole text gives one character.
    if (isHighSurrogate(text.charCodeAt(text.length - 1))) {
      this.held = text.slice(-1);
      text = text.slice(0, -1);
    }
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    if (3 * text.length > CHUNK_BYTES - this.used) this.flush();
    if (3 * text.length > CHUNK_BYTES) this.writeAll(Buffer.from(text, 'utf8'));
    else this.used += this.bytes.write(text, this.used, 'utf8');
  }

  close(): void {
    if (this.closed) return;
    if (this.held !== '') this.used += this.bytes.write(this.held, this.used, 'utf8');
    this.flush();
    this.closed = true;
    closeSync(this.fd);
    this.onClose();
  }

  /** Close the descriptor without writing what is buffered (after an error). */
  discard(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }

  private flush(): void {
    this.writeAll(this.bytes.subarray(0, this.used));
    this.used = 0;
  }

  private writeAll(bytes: Uint8Array): void {
    let written = 0;
    while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written);
  }
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}
