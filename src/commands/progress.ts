/** Progress on stderr, drawn only when stderr is a terminal (never in pipes, files or CI logs). */
export interface ProgressReporter {
  update(stage: string, done: number, total: number): void;
  done(): void;
}

const BAR_WIDTH = 24;
/** Redraw at most this often: a redraw per article would cost more than the work on small files. */
const REDRAW_MS = 100;

export function createProgress(stream: NodeJS.WriteStream, enabled: boolean): ProgressReporter {
  if (!enabled || !stream.isTTY) return { update: () => undefined, done: () => undefined };
  let lastDraw = 0;
  let drawn = false;
  return {
    update(stage, done, total) {
      const now = Date.now();
      if (now - lastDraw < REDRAW_MS && done < total) return;
      lastDraw = now;
      const share = total > 0 ? done / total : 1;
      const filled = Math.round(share * BAR_WIDTH);
      stream.write(`\r${stage.padEnd(8)} [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${total}\x1b[K`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
