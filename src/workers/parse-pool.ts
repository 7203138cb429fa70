import type { ParseOptions } from '../ingest/index.js';
import type { InputFile, ParsedDoc, Skipped } from '../types.js';
import { runBatches } from './pool.js';

/** One input file, parsed: its documents, or why it was skipped. */
export interface ParsedFile {
  docs: ParsedDoc[];
  skipped: Skipped[];
}

/**
 * Bytes of input per message: a few hundred pages or one large JSONL file, so message overhead is
 * small next to the parsing and both threads stay busy to the end.
 */
const BATCH_BYTES = 1 << 20;
/** Below this much input (about 1,500 articles of the benchmark corpus), starting threads costs more than it saves. */
const MIN_BYTES_FOR_THREADS = 4 << 20;

/**
 * Whether `parseInThreads` is worth it for these files (else the caller parses in-process). A file
 * is parsed by one thread, so when one file holds most of the input (one large JSONL export) the
 * other threads would have little to do, and the copy of the bytes sent to the worker would only
 * cost memory.
 */
export function parseThreadsWorthIt(files: readonly InputFile[], threads: number): boolean {
  // Worker threads need the compiled .js module; from TypeScript sources (tests) parse in-process.
  if (!import.meta.url.endsWith('.js') || threads < 2) return false;
  let bytes = 0;
  let largest = 0;
  for (const file of files) {
    bytes += file.bytes.length;
    largest = Math.max(largest, file.bytes.length);
  }
  return bytes >= MIN_BYTES_FOR_THREADS && largest * 2 <= bytes;
}

/**
 * Parse every file in `threads` worker threads. Parsing a file depends on that file alone, so the
 * result — one entry per file, in file order — is the same as parsing them one by one here.
 */
export async function parseInThreads(
  files: readonly InputFile[],
  options: ParseOptions,
  threads: number,
  onProgress: (done: number) => void = () => undefined,
): Promise<ParsedFile[]> {
  const batches: InputFile[][] = [];
  const firstFile: number[] = [];
  let batch: InputFile[] = [];
  let bytes = 0;
  files.forEach((file, index) => {
    if (batch.length === 0) firstFile.push(index);
    batch.push(file);
    bytes += file.bytes.length;
    if (bytes >= BATCH_BYTES) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
  });
  if (batch.length > 0) batches.push(batch);
  const parsed: (ParsedFile | undefined)[] = new Array(files.length);
  let done = 0;
  await runBatches<InputFile[], ParsedFile[]>(new URL('./parse-worker.js', import.meta.url), { options }, batches, threads, (id, results) => {
    const first = firstFile[id] ?? 0;
    results.forEach((result, k) => (parsed[first + k] = result));
    done += results.length;
    onProgress(done);
  });
  return parsed.map((result, index) => {
    if (result === undefined) throw new Error(`internal: ${files[index]?.path ?? index} was never parsed`);
    return result;
  });
}
