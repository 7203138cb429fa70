/**
 * Sparse similarity graph: the top-k cosine neighbours of every document, found through an
 * inverted index (Manning et al. 2008, §6.3.2 "term-at-a-time" scoring) so the work per document is
 * bounded by the postings it touches, not by the corpus size.
 *
 * Two passes per document: (1) accumulate a partial dot product over the terms that have at most
 * `maxDf` postings inside the document's date window (a common term would make every pair a
 * candidate, and capping per window bounds the work per document whatever the corpus size or
 * density) and keep the best `CANDIDATES_PER_NEIGHBOUR × topK` candidates; (2) score those
 * candidates with the exact cosine over all terms (the common terms included), and keep the top
 * `topK`. The exact cosine scatters row `i` over a dense vocabulary-sized array once and reads it
 * at each candidate's columns, in ascending column order: the same products added in the same
 * order as merging the two sorted rows (so the same float), without the merge's unpredictable
 * branches. Measured on 50k synthetic articles (544k columns): merging 40 candidates per
 * article took ~5 s, the scatter ~1.5 s.
 */
import type { SparseMatrix } from './vectorize.js';

/** An undirected weighted edge, `a < b` (document indices). */
export interface Edge {
  a: number;
  b: number;
  sim: number;
}

export interface NeighbourOptions {
  topK: number;
  /**
   * A term with more postings than this inside a document's date window generates no candidates
   * for that document (it still counts in the exact cosine).
   */
  maxDf: number;
  /** Day number per document (NaN when unknown). */
  days: Float64Array;
  /** Pairs whose known dates differ by more than this many days are never compared. */
  dateWindowDays: number;
  /** A group per document (its language): when given, only documents of different groups are compared. */
  groups?: Int32Array;
}

/** Candidates rescored exactly per kept neighbour: partial scores misrank a few pairs. */
const CANDIDATES_PER_NEIGHBOUR = 2;

/**
 * Every document's top-`topK` neighbours (cosine > 0) as packed pair keys `min · n + max` with
 * their cosines, in no particular order; a pair found from both ends is there twice, with the
 * same cosine (the same products summed in the same column order).
 */
export interface NeighbourGraph {
  n: number;
  keys: Float64Array;
  sims: Float64Array;
}

/** The top-k graph as sorted `Edge`s (see `collectEdges`). */
export function findNeighbourEdges(matrix: SparseMatrix, options: NeighbourOptions): Edge[] {
  const graph = findNeighbourGraph(matrix, options);
  return collectEdges(graph.keys, graph.sims, graph.n);
}

/** The top-k neighbour graph, searched in this thread (`findNeighbourGraphInThreads` for more). */
export function findNeighbourGraph(matrix: SparseMatrix, options: NeighbourOptions): NeighbourGraph {
  const index = buildPostings(matrix, options, false);
  const search = new NeighbourSearch(matrix, index, options);
  const found = EdgeList.withCapacity(matrix.rows * options.topK, false);
  for (let at = 0; at < index.order.length; at++) search.searchDocument(index.order[at] ?? 0, found);
  return { n: matrix.rows, keys: found.keys.subarray(0, found.length), sims: found.sims.subarray(0, found.length) };
}

/** Edges as packed pair keys (`min · n + max`) with their cosines, in typed arrays (shareable between threads). */
export class EdgeList {
  length = 0;

  private constructor(
    readonly keys: Float64Array,
    readonly sims: Float64Array,
  ) {}

  /** Room for `capacity` edges, in shared memory when `shared`. */
  static withCapacity(capacity: number, shared: boolean): EdgeList {
    const memory = (): ArrayBufferLike => (shared ? new SharedArrayBuffer(capacity * 8) : new ArrayBuffer(capacity * 8));
    return new EdgeList(new Float64Array(memory()), new Float64Array(memory()));
  }

  /** An empty list writing into arrays made elsewhere (a worker's view of shared memory). */
  static over(keys: Float64Array, sims: Float64Array): EdgeList {
    return new EdgeList(keys, sims);
  }

  push(key: number, sim: number): void {
    this.keys[this.length] = key;
    this.sims[this.length] = sim;
    this.length += 1;
  }
}

/**
 * The per-thread state of the neighbour search: score buffers, and per term where the postings
 * inside the current window start. A thread must visit documents in date order (`index.order`,
 * any increasing subsequence of it): the window then only moves forward and each pointer crosses a
 * posting list once (a binary search per term and document cost ~3 s of 50k synthetic articles).
 * A document's edges do not depend on which thread finds them or in which order.
 */
export class NeighbourSearch {
  private readonly partial: Float64Array;
  private readonly touched: number[] = [];
  private readonly scratch: Float64Array;
  private readonly sims: Float64Array;
  private readonly scattered: Scattered;
  private readonly windowStart: Int32Array;
  private readonly candidateLimit: number;

  constructor(
    private readonly matrix: SparseMatrix,
    private readonly index: Postings,
    private readonly options: NeighbourOptions,
  ) {
    const n = matrix.rows;
    this.partial = new Float64Array(n);
    this.scratch = new Float64Array(n);
    this.sims = new Float64Array(n);
    this.scattered = scatterBuffers(matrix.columns);
    this.windowStart = index.offsets.slice(0, matrix.columns);
    this.candidateLimit = Math.max(1, options.topK * CANDIDATES_PER_NEIGHBOUR);
  }

  /** Append document `i`'s top-k edges (cosine > 0) to `out`. */
  searchDocument(i: number, out: EdgeList): void {
    const { matrix, partial, touched, sims, scattered } = this;
    accumulatePartial(matrix, this.index, this.options, i, this.windowStart, partial, touched);
    if (this.options.groups !== undefined) keepOtherGroups(touched, partial, this.options.groups, i);
    const candidates = takeTop(touched, partial, this.candidateLimit, this.scratch);
    for (const j of touched) partial[j] = 0;
    touched.length = 0;

    scatterRow(matrix, i, scattered, true);
    for (const j of candidates) sims[j] = dotScattered(matrix, scattered, j);
    scatterRow(matrix, i, scattered, false);
    candidates.sort((x, y) => (sims[y] ?? 0) - (sims[x] ?? 0) || x - y);
    const n = matrix.rows;
    for (let r = 0; r < candidates.length && r < this.options.topK; r++) {
      const j = candidates[r] ?? 0;
      const sim = sims[j] ?? 0;
      if (sim > 0) out.push(Math.min(i, j) * n + Math.max(i, j), sim);
    }
  }
}

/**
 * Edges sorted by `(a, b)`, each pair once. A pair found from both ends carries the same cosine
 * either way (the same products summed in the same column order), so keeping either copy is exact.
 * Ties between neighbours break on the lower document index, so the graph is deterministic.
 */
export function collectEdges(keys: Float64Array, sims: Float64Array, n: number): Edge[] {
  const order = positionsByKey(keys, n);
  const edges: Edge[] = [];
  let last = -1;
  for (const e of order) {
    const key = keys[e] ?? 0;
    if (key === last) continue;
    last = key;
    edges.push({ a: Math.floor(key / n), b: key % n, sim: sims[e] ?? 0 });
  }
  return edges;
}

/**
 * Positions of `keys` (pair keys `min · n + max`) in ascending key order, equal keys by position.
 * Why not an index sort with a comparator: at 50k articles (~1M keys) it took ~0.8 s; a native
 * numeric sort of `key · 2^bits + position` (exact while below 2^53) orders both at once in ~0.1 s.
 */
function positionsByKey(keys: Float64Array, n: number): Uint32Array | Int32Array {
  let bits = 0;
  while (2 ** bits < keys.length) bits++;
  const scale = 2 ** bits;
  if (n * n * scale > Number.MAX_SAFE_INTEGER) {
    return Uint32Array.from(keys, (_, e) => e).sort((x, y) => (keys[x] ?? 0) - (keys[y] ?? 0) || x - y);
  }
  const packed = new Float64Array(keys.length);
  for (let e = 0; e < keys.length; e++) packed[e] = (keys[e] ?? 0) * scale + e;
  packed.sort();
  const order = new Int32Array(keys.length);
  for (let r = 0; r < packed.length; r++) order[r] = (packed[r] ?? 0) % scale;
  return order;
}

export interface Postings {
  offsets: Int32Array;
  docs: Int32Array;
  /**
   * The document's weight for the term, beside each posting (no lookup in the inner loop). Single
   * precision: these weights only rank candidates (the partial scores); every kept neighbour's
   * cosine is computed again from the matrix's double-precision rows. A candidate can change only
   * when two partial scores at the cut differ by ~1e-7. Measured: `npm run bench:cluster` 50k peak
   * RSS 852 / 890 MB → 809 / 813 MB, same time, same clusters; `framescope analyze` outputs
   * byte-identical on the 50k corpus; ECB+ dev B³ F1 unchanged.
   */
  weights: Float32Array;
  /** Per term: index in its posting slice where the undated documents start. */
  undatedFrom: Int32Array;
  /** Document indices by date, undated last (ties by index). */
  order: Int32Array;
}

/**
 * Inverted index over all terms, postings ordered by date (undated last); in shared memory when
 * `shared`, so worker threads read it without a copy (src/cluster/parallel-neighbours.ts).
 */
export function buildPostings(matrix: SparseMatrix, options: NeighbourOptions, shared: boolean): Postings {
  const vocabSize = matrix.columns;
  const memory = shared ? (bytes: number) => new SharedArrayBuffer(bytes) : (bytes: number) => new ArrayBuffer(bytes);
  const offsets = new Int32Array(memory((vocabSize + 1) * 4));
  for (let c = 0; c < vocabSize; c++) {
    offsets[c + 1] = (offsets[c] ?? 0) + (matrix.df[c] ?? 0);
  }
  const docs = new Int32Array(memory((offsets[vocabSize] ?? 0) * 4));
  const weights = new Float32Array(memory(docs.length * 4));
  const fill = offsets.slice(0, vocabSize);
  // Documents visited in date order (undated last) so each posting list comes out date-sorted.
  const order = new Int32Array(memory(matrix.rows * 4));
  for (let i = 0; i < matrix.rows; i++) order[i] = i;
  order.sort((x, y) => compareDays(options.days, x, y));
  for (const i of order) {
    for (let k = matrix.offsets[i] ?? 0; k < (matrix.offsets[i + 1] ?? 0); k++) {
      const c = matrix.terms[k] ?? 0;
      docs[fill[c] ?? 0] = i;
      weights[fill[c] ?? 0] = matrix.weights[k] ?? 0;
      fill[c] = (fill[c] ?? 0) + 1;
    }
  }
  // Postings are sorted by day (undated last); a posting's day is read through its document
  // (`days[docs[p]]`) rather than copied beside it: 8 bytes per posting, ~100 MB at 50k articles.
  const days = options.days;
  const undatedFrom = new Int32Array(memory(vocabSize * 4));
  for (let c = 0; c < vocabSize; c++) {
    let k = offsets[c] ?? 0;
    const end = offsets[c + 1] ?? 0;
    while (k < end && !Number.isNaN(days[docs[k] ?? 0] ?? Number.NaN)) k++;
    undatedFrom[c] = k;
  }
  return { offsets, docs, weights, undatedFrom, order };
}

function compareDays(days: Float64Array, x: number, y: number): number {
  const dx = days[x] ?? Number.NaN;
  const dy = days[y] ?? Number.NaN;
  const ux = Number.isNaN(dx);
  const uy = Number.isNaN(dy);
  if (ux !== uy) return ux ? 1 : -1;
  return (ux ? 0 : dx - dy) || x - y;
}

/**
 * Partial dot products of row `i` with every document sharing a term that is rare inside the
 * window. Documents come in date order (undated last); `windowStart[c]` is moved up to the first
 * posting of term `c` dated inside this document's window.
 */
function accumulatePartial(
  matrix: SparseMatrix,
  index: Postings,
  options: NeighbourOptions,
  i: number,
  windowStart: Int32Array,
  partial: Float64Array,
  touched: number[],
): void {
  const day = options.days[i] ?? Number.NaN;
  const first = day - options.dateWindowDays;
  const last = day + options.dateWindowDays;
  for (let k = matrix.offsets[i] ?? 0; k < (matrix.offsets[i + 1] ?? 0); k++) {
    const c = matrix.terms[k] ?? 0;
    const start = index.offsets[c] ?? 0;
    const end = index.offsets[c + 1] ?? 0;
    if (start === end) continue;
    const w = matrix.weights[k] ?? 0;
    const undated = index.undatedFrom[c] ?? end;
    // A dated document meets dated ones inside the window plus every undated one.
    const budget = options.maxDf - (end - undated);
    if (budget < 0) continue;
    let from = start;
    let to: number;
    if (Number.isNaN(day)) {
      to = undated - start > budget ? -1 : undated;
    } else {
      from = windowStart[c] ?? start;
      while (from < undated && (options.days[index.docs[from] ?? 0] ?? 0) < first) from++;
      windowStart[c] = from;
      to = windowEnd(options.days, index.docs, from, undated, last, budget);
    }
    if (to < 0) continue;
    addRange(index, from, to, i, w, partial, touched);
    addRange(index, undated, end, i, w, partial, touched);
  }
}

function addRange(
  index: Postings,
  from: number,
  to: number,
  i: number,
  w: number,
  partial: Float64Array,
  touched: number[],
): void {
  for (let p = from; p < to; p++) {
    const j = index.docs[p] ?? 0;
    if (j === i) continue;
    const wj = index.weights[p] ?? 0;
    if (partial[j] === 0) touched.push(j);
    partial[j] = (partial[j] ?? 0) + w * wj;
  }
}

/** Drop the touched documents of `i`'s own group (their partial scores back to 0), in place. */
function keepOtherGroups(touched: number[], partial: Float64Array, groups: Int32Array, i: number): void {
  const own = groups[i];
  let kept = 0;
  for (const j of touched) {
    if (groups[j] === own) partial[j] = 0;
    else touched[kept++] = j;
  }
  touched.length = kept;
}

/**
 * End of the postings dated ≤ `last` from `from` on, or -1 when there are more than `budget` of
 * them. One probe decides a capped term; a kept one is scanned (its postings are added next
 * anyway) instead of a second binary search per term and article.
 */
function windowEnd(days: Float64Array, docs: Int32Array, from: number, undated: number, last: number, budget: number): number {
  if (from + budget < undated && (days[docs[from + budget] ?? 0] ?? 0) <= last) return -1;
  let to = from;
  while (to < undated && (days[docs[to] ?? 0] ?? 0) <= last) to++;
  return to;
}

/**
 * The `limit` touched documents with the highest partial score, ties to the lower index. A
 * quickselect on a reused buffer finds the cut score first, so only the survivors are sorted
 * (touched lists grow with corpus density; sorting them whole would not).
 */
function takeTop(touched: readonly number[], score: Float64Array, limit: number, scratch: Float64Array): number[] {
  let kept: number[];
  if (touched.length > limit) {
    for (let t = 0; t < touched.length; t++) scratch[t] = score[touched[t] ?? 0] ?? 0;
    const cut = selectKthLargest(scratch.subarray(0, touched.length), limit - 1);
    kept = [];
    for (const j of touched) if ((score[j] ?? 0) >= cut) kept.push(j);
  } else {
    kept = [...touched];
  }
  kept.sort((x, y) => (score[y] ?? 0) - (score[x] ?? 0) || x - y);
  if (kept.length > limit) kept.length = limit;
  return kept;
}

/** Hoare quickselect (in place): the value that would sit at index `k` of a descending sort. */
function selectKthLargest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1] ?? 0;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] ?? 0) > pivot) i++;
      while ((values[j] ?? 0) < pivot) j--;
      if (i <= j) {
        const t = values[i] ?? 0;
        values[i] = values[j] ?? 0;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return values[k] ?? 0;
}

/** Row `i` spread over the vocabulary: a bit per column (small: stays in cache) and its weights. */
interface Scattered {
  bits: Uint32Array;
  weights: Float64Array;
}

function scatterBuffers(columns: number): Scattered {
  return { bits: new Uint32Array(Math.ceil(columns / 32)), weights: new Float64Array(columns) };
}

/** Spread row `i` into `into` (`on`), or clear it again (`!on`). */
function scatterRow(matrix: SparseMatrix, i: number, into: Scattered, on: boolean): void {
  for (let k = matrix.offsets[i] ?? 0; k < (matrix.offsets[i + 1] ?? 0); k++) {
    const c = matrix.terms[k] ?? 0;
    into.bits[c >>> 5] = on ? (into.bits[c >>> 5] ?? 0) | (1 << (c & 31)) : 0;
    into.weights[c] = on ? (matrix.weights[k] ?? 0) : 0;
  }
}

/**
 * Dot product of row `j` with the scattered row, over `j`'s columns in ascending order, adding
 * only the shared ones: the products and the order of merging the two sorted rows, so the same
 * float bit for bit. The bit test reads a vocabulary/8-byte array that stays in cache; a weight
 * lookup per column missed the cache (rescoring 40 candidates per article: merging ~5 s,
 * weight lookups ~10 s, bit tests ~1 s on 50k synthetic articles).
 */
function dotScattered(matrix: SparseMatrix, row: Scattered, j: number): number {
  let sum = 0;
  for (let q = matrix.offsets[j] ?? 0; q < (matrix.offsets[j + 1] ?? 0); q++) {
    const c = matrix.terms[q] ?? 0;
    if (((row.bits[c >>> 5] ?? 0) & (1 << (c & 31))) !== 0) sum += (row.weights[c] ?? 0) * (matrix.weights[q] ?? 0);
  }
  return sum;
}
