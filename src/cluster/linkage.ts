/**
 * Agglomerative clustering with average linkage (UPGMA; Sokal & Michener 1958) over a sparse
 * similarity graph. The linkage of clusters A and B is Σ sim(a, b) / (|A| · |B|) over all member
 * pairs, a pair without an edge counting 0 — the graph keeps each document's top-k neighbours, so a
 * missing edge is a similarity too small to matter. Merging stops when no pair of clusters reaches
 * `threshold`.
 *
 * Cost: O(E log E) with a lazy max-heap and union-by-size merging of neighbour maps, instead of the
 * O(N²) distance matrix of the textbook algorithm.
 */
import { collectEdges, type Edge, type NeighbourGraph } from './neighbours.js';

/**
 * The edges of `graph` that average linkage at `threshold` can use: those inside one connected
 * component of the graph's strong edges (similarity ≥ threshold), each pair once, sorted.
 *
 * Exact: two clusters merge only when their average linkage reaches the threshold, and an average
 * reaches it only if some member pair does (mean ≤ max) — a strong edge between them. So every
 * cluster stays inside one strong component, and an edge between two components never enters a
 * linkage that could reach the threshold. On the 50k-article benchmark corpus most top-k edges
 * link different events; dropping them first took the linkage from ~3 s (with the sort and
 * de-duplication of every edge) to well under one.
 */
export function edgesThatCanMerge(graph: NeighbourGraph, threshold: number): Edge[] {
  const { n, keys, sims } = graph;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  for (let e = 0; e < keys.length; e++) {
    if (!((sims[e] ?? 0) >= threshold)) continue;
    const key = keys[e] ?? 0;
    const ra = findRoot(parent, Math.floor(key / n));
    const rb = findRoot(parent, key % n);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  let kept = 0;
  const keepKeys = new Float64Array(keys.length);
  const keepSims = new Float64Array(keys.length);
  for (let e = 0; e < keys.length; e++) {
    const key = keys[e] ?? 0;
    if (findRoot(parent, Math.floor(key / n)) !== findRoot(parent, key % n)) continue;
    keepKeys[kept] = key;
    keepSims[kept] = sims[e] ?? 0;
    kept += 1;
  }
  return collectEdges(keepKeys.subarray(0, kept), keepSims, n);
}

/**
 * Cluster label per document (the label is a member index; only equality matters).
 * Deterministic: ties between equal linkages merge the pair with the smaller indices first.
 */
export function averageLinkage(n: number, given: readonly Edge[], threshold: number): Int32Array {
  // A pair given twice keeps its last similarity, in the neighbour lists and in the heap alike.
  const edges = isSortedOnce(given) ? given : sortedOnce(given);
  const size = new Int32Array(n).fill(1);
  const stamp = new Int32Array(n);
  const alive = new Uint8Array(n).fill(1);
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const adjacency = buildAdjacency(n, edges);
  const heap = new LinkHeap(edges.length);

  for (const { a, b, sim } of edges) {
    if (sim >= threshold) heap.push(sim, a, b, 0, 0);
  }
  while (heap.size > 0) {
    const top = heap.pop();
    if (top.link < threshold) break;
    const { a, b } = top;
    if (!alive[a] || !alive[b] || stamp[a] !== top.stampA || stamp[b] !== top.stampB) continue;
    const [keep, drop] = chooseSurvivor(adjacency, a, b);
    mergeInto(adjacency, size, keep, drop);
    alive[drop] = 0;
    parent[drop] = keep;
    stamp[keep] = (stamp[keep] ?? 0) + 1;
    const list = adjacency[keep];
    for (let k = 0; k < (list?.ids.length ?? 0); k++) {
      const other = list!.ids[k]!;
      const link = list!.sums[k]! / ((size[keep] ?? 1) * (size[other] ?? 1));
      if (link < threshold) continue;
      const [x, y] = keep < other ? [keep, other] : [other, keep];
      heap.push(link, x, y, stamp[x] ?? 0, stamp[y] ?? 0);
    }
  }
  return Int32Array.from(parent, (_, i) => findRoot(parent, i));
}

/**
 * A live cluster's neighbours, ascending, with the sum of member-pair similarities to each. Plain
 * arrays of small integers and of unboxed doubles: at 50k articles, Maps (a boxed number per
 * value) made the linkage maps the largest block of memory at the end of clustering.
 */
interface Neighbours {
  ids: number[];
  sums: number[];
}

/**
 * Each document's neighbour list from edges sorted by `(a, b)`, each pair once (`sortedOnce`). The
 * lists fill in order with no sort: a document's lower partners come from the edges that end at
 * it, in order of their `a`, then its higher ones from the edges that start at it, in order of
 * their `b`. Measured at 50k articles (625k edges): a sort per document took ~0.5 s.
 */
function buildAdjacency(n: number, edges: readonly Edge[]): (Neighbours | undefined)[] {
  const degree = new Int32Array(n);
  for (const { a, b } of edges) {
    degree[a] = (degree[a] ?? 0) + 1;
    degree[b] = (degree[b] ?? 0) + 1;
  }
  const adjacency = new Array<Neighbours | undefined>(n);
  for (let i = 0; i < n; i++) {
    const size = degree[i] ?? 0;
    if (size > 0) adjacency[i] = { ids: new Array<number>(size), sums: new Array<number>(size) };
  }
  const fill = new Int32Array(n);
  const append = (list: Neighbours, at: number, id: number, sim: number): void => {
    list.ids[at] = id;
    list.sums[at] = sim;
  };
  for (const { a, b, sim } of edges) append(adjacency[b]!, fill[b]!++, a, sim);
  for (const { a, b, sim } of edges) append(adjacency[a]!, fill[a]!++, b, sim);
  return adjacency;
}

/** Whether `edges` are sorted by `(a, b)` with `a < b`, each pair once. */
function isSortedOnce(edges: readonly Edge[]): boolean {
  for (let e = 0; e < edges.length; e++) {
    const { a, b } = edges[e]!;
    if (!(a < b)) return false;
    const previous = edges[e - 1];
    if (previous !== undefined && !(previous.a < a || (previous.a === a && previous.b < b))) return false;
  }
  return true;
}

/**
 * `edges` with `a < b`, sorted by `(a, b)`, each pair once with the similarity of its last copy;
 * a document's edge to itself links no two clusters and is left out.
 */
function sortedOnce(edges: readonly Edge[]): Edge[] {
  const oriented = edges.filter(({ a, b }) => a !== b).map(({ a, b, sim }, e) => ({ a: Math.min(a, b), b: Math.max(a, b), sim, e }));
  oriented.sort((x, y) => x.a - y.a || x.b - y.b || x.e - y.e);
  const out: Edge[] = [];
  for (const { a, b, sim } of oriented) {
    const last = out[out.length - 1];
    if (last !== undefined && last.a === a && last.b === b) last.sim = sim;
    else out.push({ a, b, sim });
  }
  return out;
}

/** The cluster with more neighbours absorbs the other (union by size); ties keep the lower index. */
function chooseSurvivor(adjacency: readonly (Neighbours | undefined)[], a: number, b: number): [number, number] {
  const sa = adjacency[a]?.ids.length ?? 0;
  const sb = adjacency[b]?.ids.length ?? 0;
  return sb > sa ? [b, a] : [a, b];
}

/**
 * Fold `drop`'s edge sums into `keep`; sums add because average linkage sums member pairs. The two
 * sorted lists merge in one pass; each of `drop`'s neighbours has `drop` replaced by `keep`.
 */
function mergeInto(adjacency: (Neighbours | undefined)[], size: Int32Array, keep: number, drop: number): void {
  const kept = adjacency[keep] ?? { ids: [], sums: [] };
  const dropped = adjacency[drop] ?? { ids: [], sums: [] };
  const ids: number[] = [];
  const sums: number[] = [];
  let i = 0;
  let j = 0;
  while (i < kept.ids.length || j < dropped.ids.length) {
    const x = i < kept.ids.length ? kept.ids[i]! : Infinity;
    const y = j < dropped.ids.length ? dropped.ids[j]! : Infinity;
    if (x === drop) {
      i++;
    } else if (y === keep) {
      j++;
    } else if (x < y) {
      ids.push(x);
      sums.push(kept.sums[i++]!);
    } else {
      const merged = (x === y ? kept.sums[i++]! : 0) + dropped.sums[j]!;
      ids.push(y);
      sums.push(merged);
      replaceNeighbour(adjacency[y]!, drop, keep, merged);
      j++;
    }
  }
  adjacency[keep] = { ids, sums };
  adjacency[drop] = undefined;
  size[keep] = (size[keep] ?? 0) + (size[drop] ?? 0);
}

/** In `list`, `drop` goes and `keep` gets `sum` (added where it belongs when it was not there). */
function replaceNeighbour(list: Neighbours, drop: number, keep: number, sum: number): void {
  const at = lowerBound(list.ids, drop);
  if (list.ids[at] === drop) {
    list.ids.splice(at, 1);
    list.sums.splice(at, 1);
  }
  const to = lowerBound(list.ids, keep);
  if (list.ids[to] === keep) list.sums[to] = sum;
  else {
    list.ids.splice(to, 0, keep);
    list.sums.splice(to, 0, sum);
  }
}

/** The first position in ascending `values` whose value is ≥ `target`. */
function lowerBound(values: readonly number[], target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The root of `i`, halving the path on the way (Tarjan & van Leeuwen 1984). */
function findRoot(parent: Int32Array, i: number): number {
  let r = i;
  while ((parent[r] ?? r) !== r) {
    const grand = parent[parent[r] ?? r] ?? r;
    parent[r] = grand;
    r = grand;
  }
  return r;
}

/** A popped heap entry: a pair's linkage and the pair's stamps when it was computed. */
interface HeapEntry {
  link: number;
  a: number;
  b: number;
  stampA: number;
  stampB: number;
}

/**
 * Lazy max-heap of candidate merges in typed arrays (one slot per entry, no object): every merge
 * pushes its survivor's pairs again and stale entries wait to be popped, so at 50k articles the
 * heap held millions of entries, as objects the largest block of the linkage's memory. Measured
 * with `npm run bench:cluster` at 50k: 16.3–16.5 s (CPU 22.8–22.9 s) with objects, 13.9 s (CPU
 * 19.1 s) with typed arrays, the same clusters. Order: higher linkage first, then the lower index
 * pair (deterministic ties).
 */
class LinkHeap {
  size = 0;
  private link: Float64Array;
  private pair: Int32Array;
  private stamps: Int32Array;
  private readonly top: HeapEntry = { link: 0, a: 0, b: 0, stampA: 0, stampB: 0 };

  constructor(capacity: number) {
    const room = Math.max(16, capacity);
    this.link = new Float64Array(room);
    this.pair = new Int32Array(2 * room);
    this.stamps = new Int32Array(2 * room);
  }

  push(link: number, a: number, b: number, stampA: number, stampB: number): void {
    if (this.size === this.link.length) this.grow();
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!precedes(link, a, b, this.link[p]!, this.pair[2 * p]!, this.pair[2 * p + 1]!)) break;
      this.move(p, i);
      i = p;
    }
    this.set(i, link, a, b, stampA, stampB);
  }

  /** The best entry, removed; the object returned is reused by the next call. */
  pop(): HeapEntry {
    const top = this.top;
    top.link = this.link[0]!;
    top.a = this.pair[0]!;
    top.b = this.pair[1]!;
    top.stampA = this.stamps[0]!;
    top.stampB = this.stamps[1]!;
    const last = --this.size;
    if (last === 0) return top;
    const link = this.link[last]!;
    const a = this.pair[2 * last]!;
    const b = this.pair[2 * last + 1]!;
    const stampA = this.stamps[2 * last]!;
    const stampB = this.stamps[2 * last + 1]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= last) break;
      const r = l + 1;
      const child = r < last && precedes(this.link[r]!, this.pair[2 * r]!, this.pair[2 * r + 1]!, this.link[l]!, this.pair[2 * l]!, this.pair[2 * l + 1]!) ? r : l;
      if (!precedes(this.link[child]!, this.pair[2 * child]!, this.pair[2 * child + 1]!, link, a, b)) break;
      this.move(child, i);
      i = child;
    }
    this.set(i, link, a, b, stampA, stampB);
    return top;
  }

  private move(from: number, to: number): void {
    this.link[to] = this.link[from]!;
    this.pair[2 * to] = this.pair[2 * from]!;
    this.pair[2 * to + 1] = this.pair[2 * from + 1]!;
    this.stamps[2 * to] = this.stamps[2 * from]!;
    this.stamps[2 * to + 1] = this.stamps[2 * from + 1]!;
  }

  private set(i: number, link: number, a: number, b: number, stampA: number, stampB: number): void {
    this.link[i] = link;
    this.pair[2 * i] = a;
    this.pair[2 * i + 1] = b;
    this.stamps[2 * i] = stampA;
    this.stamps[2 * i + 1] = stampB;
  }

  private grow(): void {
    const link = new Float64Array(2 * this.link.length);
    link.set(this.link);
    const pair = new Int32Array(2 * this.pair.length);
    pair.set(this.pair);
    const stamps = new Int32Array(2 * this.stamps.length);
    stamps.set(this.stamps);
    this.link = link;
    this.pair = pair;
    this.stamps = stamps;
  }
}

/** Heap order: whether (link, a, b) comes before (otherLink, otherA, otherB) — higher linkage first, then the lower index pair. */
function precedes(link: number, a: number, b: number, otherLink: number, otherA: number, otherB: number): boolean {
  if (link !== otherLink) return link > otherLink;
  if (a !== otherA) return a < otherA;
  return b < otherB;
}
