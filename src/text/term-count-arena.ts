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
 * copies (`flattenTermCounts`), never the views, to a file. The chunks are shared memory, so a
 * worker thread can read the counts in place (src/workers/keyness-thread.ts).
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

/**
 * Each shared chunk's stand-in for the collector, alive exactly as long as the chunk (a WeakMap
 * holds its value while its key lives).
 */
const COLLECTOR_WEIGHT = new WeakMap<SharedArrayBuffer, ArrayBuffer>();

/**
 * A shared chunk of `bytes`, paired with an ArrayBuffer of the same size that is never touched.
 * Why: V8 weighs the bytes of ArrayBuffers, not those of SharedArrayBuffers, in deciding when to
 * collect the heap. With the chunks shared and nothing else, the 50k benchmark run had no full
 * collection of the main heap through matching (against two with ArrayBuffer chunks), its heap
 * ~120 MB larger at the end of matching and its peak RSS ~100 MB higher (1,053 against ~960 MiB).
 * An untouched buffer costs no resident memory (its pages are never mapped in), and brings the
 * collections back.
 */
function sharedChunk(bytes: number): SharedArrayBuffer {
  const chunk = new SharedArrayBuffer(bytes);
  COLLECTOR_WEIGHT.set(chunk, new ArrayBuffer(bytes));
  return chunk;
}

export class TermCountArena {
  /** `chunkEntries`: entries per chunk (the default suits runs; tests use small ones). */
  constructor(private readonly chunkEntries = CHUNK_ENTRIES) {}

  private keys: Float64Array<ArrayBufferLike> = new Float64Array(0);
  private counts: Uint32Array<ArrayBufferLike> = new Uint32Array(0);
  private used = 0;

  /** A copy of `termCounts` inside the arena. */
  add(termCounts: TermCounts): TermCounts {
    const n = termCounts.keys.length;
    if (this.used + n > this.keys.length) {
      // A new chunk; the tail of the last one stays unused (at most one article's worth).
      const size = Math.max(this.chunkEntries, n);
      this.keys = new Float64Array(sharedChunk(size * Float64Array.BYTES_PER_ELEMENT));
      this.counts = new Uint32Array(sharedChunk(size * Uint32Array.BYTES_PER_ELEMENT));
      this.used = 0;
    }
    const start = this.used;
    this.keys.set(termCounts.keys, start);
    this.counts.set(termCounts.counts, start);
    this.used += n;
    return { keys: this.keys.subarray(start, start + n), counts: this.counts.subarray(start, start + n) };
  }
}

/** Term counts of many articles as three flat arrays: each article's length, then all keys and all counts in article order. */
export interface FlatTermCounts {
  lengths: Uint32Array;
  keys: Float64Array;
  counts: Uint32Array;
}

/**
 * The term counts of `items` in three arrays of their own, for serialising (see the module
 * comment). Why flat: `node:v8` serialises a typed array as its bytes, but one object and two
 * small arrays per article were ~1.0 s of storing the ~120 MB of term counts of the 50k-article
 * benchmark corpus (and as long to load again); three arrays per thousand articles are copies of
 * bytes.
 */
export function flattenTermCounts(items: readonly TermCounts[]): FlatTermCounts {
  let total = 0;
  for (const item of items) total += item.keys.length;
  const flat = { lengths: new Uint32Array(items.length), keys: new Float64Array(total), counts: new Uint32Array(total) };
  let at = 0;
  items.forEach((item, i) => {
    flat.lengths[i] = item.keys.length;
    flat.keys.set(item.keys, at);
    flat.counts.set(item.counts, at);
    at += item.keys.length;
  });
  return flat;
}

/**
 * The term counts `flattenTermCounts` made, as views into its arrays; undefined when `stored` is
 * not such a value (a damaged cache file that still deserialises).
 */
export function unflattenTermCounts(stored: unknown): TermCounts[] | undefined {
  const flat = stored as Partial<FlatTermCounts> | null;
  if (flat === null || typeof flat !== 'object') return undefined;
  const { lengths, keys, counts } = flat;
  if (!(lengths instanceof Uint32Array && keys instanceof Float64Array && counts instanceof Uint32Array) || keys.length !== counts.length) return undefined;
  let total = 0;
  for (const length of lengths) total += length;
  if (total !== keys.length) return undefined;
  const items: TermCounts[] = new Array(lengths.length);
  let at = 0;
  lengths.forEach((length, i) => {
    items[i] = { keys: keys.subarray(at, at + length), counts: counts.subarray(at, at + length) };
    at += length;
  });
  return items;
}
