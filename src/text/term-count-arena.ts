/**
 * Term counts of many articles kept in a few large buffers, each article's as views into them.
 *
 * Why: the match threads send every article's term counts as two small typed arrays (~1 KB each);
 * at 50k articles they are ~120 MB in ~100k small allocations of the C heap. Freed after
 * clustering has vectorised them, small allocations stay with the allocator (glibc keeps them for
 * later small allocations; RSS does not go down), while a freed large buffer is unmapped at once.
 * Copied into large chunks as they arrive, the counts give their memory back to the system when
 * the run lets them go (src/commands/analyze.ts), just before clustering reaches its peak.
 *
 * A view keeps its whole chunk alive, and `node:v8` serialises a view with its whole buffer: write
 * `compactTermCounts` copies, never the views, to a file or another thread.
 */
import type { TermCounts } from '../types.js';

/**
 * Entries per chunk: 32 MiB of keys and 16 MiB of counts. glibc maps an allocation of its own from
 * its mmap threshold up (128 KiB at start, raised by each freed mapping, at most 32 MiB on 64-bit),
 * and a mapping is returned to the system when freed. The keys reach even the largest threshold;
 * the counts do while the run has freed no mapping larger than them, which holds until the run
 * lets all term counts go at once.
 */
const CHUNK_ENTRIES = 2 ** 22;

export class TermCountArena {
  /** `chunkEntries`: entries per chunk (the default suits runs; tests use small ones). */
  constructor(private readonly chunkEntries = CHUNK_ENTRIES) {}

  private keys = new Float64Array(0);
  private counts = new Uint32Array(0);
  private used = 0;

  /** A copy of `termCounts` inside the arena. */
  add(termCounts: TermCounts): TermCounts {
    const n = termCounts.keys.length;
    if (this.used + n > this.keys.length) {
      // A new chunk; the tail of the last one stays unused (at most one article's worth).
      const size = Math.max(this.chunkEntries, n);
      this.keys = new Float64Array(size);
      this.counts = new Uint32Array(size);
      this.used = 0;
    }
    const start = this.used;
    this.keys.set(termCounts.keys, start);
    this.counts.set(termCounts.counts, start);
    this.used += n;
    return { keys: this.keys.subarray(start, start + n), counts: this.counts.subarray(start, start + n) };
  }
}

/** Term counts in arrays of their own (for serialising: see the module comment). */
export function compactTermCounts(termCounts: TermCounts): TermCounts {
  return { keys: termCounts.keys.slice(), counts: termCounts.counts.slice() };
}
