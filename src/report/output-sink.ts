/**
 * Where the report's files go. Every file is written piece by piece into a sink, so no output is
 * ever held whole in memory (at 50k articles `articles.jsonl` is 131 MB of text, held as a
 * two-byte string twice that). The CLI streams into a staging folder (src/io/write-outputs.ts);
 * tests and library callers that want `Map<name, content>` use `MemorySink`.
 */

/** One output file being written. */
export interface TextOut {
  /** Append text; the sink decides how it is stored (UTF-8 on disk). */
  write(text: string): void;
  /** The file is complete; nothing may be written after. */
  close(): void;
}

/** Opens output files by plain name (no folders). */
export interface OutputSink {
  open(name: string): TextOut;
  /**
   * Sinks on disk: let `place` put the whole file `name` at the path it is given (a kept copy of
   * an earlier run's file, src/cache/output-copy.ts) and say whether it did; when it did not,
   * nothing is left at the path and the file is written as usual.
   */
  placeFile?(name: string, place: (path: string) => boolean): boolean;
  /** Sinks on disk: where the file `name`, once closed, is (to keep a copy of it). */
  pathOf?(name: string): string;
}

/** Keeps every file as one string, in the order files were opened. */
export class MemorySink implements OutputSink {
  readonly files = new Map<string, string>();

  open(name: string): TextOut {
    if (this.files.has(name)) throw new Error(`internal: output file "${name}" opened twice`);
    // Claim the name now so the map lists files in the order they were opened.
    this.files.set(name, '');
    const parts: string[] = [];
    let closed = false;
    return {
      write: (text: string): void => {
        if (closed) throw new Error(`internal: write to output file "${name}" after close`);
        parts.push(text);
      },
      close: (): void => {
        closed = true;
        this.files.set(name, parts.join(''));
      },
    };
  }
}

/** Open `name`, let `write` fill it, close it. */
export function writeOutput(sink: OutputSink, name: string, write: (out: TextOut) => void): void {
  const out = sink.open(name);
  write(out);
  out.close();
}
