/**
 * Turn cluster labels into `EventCluster`s: stable ids, each member's mean similarity to the
 * others, and the centroid's top terms. Linear in the number of non-zeros: the mean cosine of a
 * member to the rest of its cluster is (vᵢ · S − vᵢ · vᵢ) / (n − 1), with S the sum of member rows.
 */
import type { EventCluster } from '../types.js';
import { crossLanguageShares, type EntityVectors } from './cross-language.js';
import { compareStrings, type SparseMatrix } from './vectorize.js';

/** Terms listed per cluster in `events.csv`. */
export const TOP_TERMS = 10;
const MIN_ID_DIGITS = 4;

interface Group {
  members: number[];
  earliest: number;
  firstId: string;
}

/**
 * One `EventCluster` per distinct label. `docs` and `days` are in the matrix's row order (sorted
 * by id), so `members` come out sorted. With `entities` (a corpus of several languages), a
 * member's similarity to one of another language counts their entities too, as clustering did
 * (src/cluster/cross-language.ts), and entity ids compete for the top terms.
 */
export function describeClusters(
  docs: readonly { id: string }[],
  days: Float64Array,
  matrix: SparseMatrix,
  labels: Int32Array,
  entities?: EntityVectors,
): EventCluster[] {
  const groups = groupByLabel(docs, days, labels);
  const width = Math.max(MIN_ID_DIGITS, String(groups.length).length);
  const centroid = new Centroid(matrix.columns);
  const entityCentroid = entities === undefined ? undefined : new Centroid(entities.matrix.columns);
  return groups.map((group, g) => {
    centroid.sumRows(matrix, group.members);
    const shares = entities === undefined ? undefined : crossLanguageShares(entities, group.members);
    const similarity = new Map<string, number>();
    group.members.forEach((i, m) => {
      const sim = Math.min(1, meanSimilarityToOthers(matrix, i, centroid, group.members.length) + (shares?.[m] ?? 0));
      similarity.set(docs[i]?.id ?? '', sim);
    });
    let terms = topTerms(matrix, centroid, TOP_TERMS);
    if (entities !== undefined && entityCentroid !== undefined) {
      entityCentroid.sumRows(entities.matrix, group.members);
      terms = mergeTop(terms, topTerms(entities.matrix, entityCentroid, TOP_TERMS), TOP_TERMS);
    }
    return {
      id: `e${String(g + 1).padStart(width, '0')}`,
      members: group.members.map((i) => docs[i]?.id ?? ''),
      similarity,
      topTerms: terms.map((t) => t.term),
    };
  });
}

/** Two ranked lists as one, highest weight first; on a tie the first list's term (words before entity ids). */
function mergeTop(first: readonly Ranked[], second: readonly Ranked[], limit: number): Ranked[] {
  const out: Ranked[] = [];
  let x = 0;
  let y = 0;
  while (out.length < limit && (x < first.length || y < second.length)) {
    const a = first[x];
    const b = second[y];
    if (b === undefined || (a !== undefined && a.weight >= b.weight)) {
      out.push(a!);
      x++;
    } else {
      out.push(b);
      y++;
    }
  }
  return out;
}

interface Ranked {
  term: string;
  weight: number;
}

/** Groups ordered by earliest known date (undated last), then smallest member id. */
function groupByLabel(docs: readonly { id: string }[], days: Float64Array, labels: Int32Array): Group[] {
  const byLabel = new Map<number, Group>();
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i] ?? i;
    let group = byLabel.get(label);
    if (!group) {
      group = { members: [], earliest: Number.POSITIVE_INFINITY, firstId: docs[i]?.id ?? '' };
      byLabel.set(label, group);
    }
    group.members.push(i);
    const day = days[i] ?? Number.NaN;
    if (!Number.isNaN(day) && day < group.earliest) group.earliest = day;
  }
  return [...byLabel.values()].sort(
    (x, y) => (x.earliest === y.earliest ? 0 : x.earliest < y.earliest ? -1 : 1) || compareStrings(x.firstId, y.firstId),
  );
}

/**
 * Σ of a group's member rows, in a vocabulary-sized array reused from group to group, with its
 * columns in the order first met (the order a Map would iterate them in; `topTerms` breaks no tie
 * by it, but the sums are added in the same order either way). Why not a Map per group: at 50k
 * articles (7.4M non-zeros) the Maps took ~0.8 s of the ~1.2 s of describing the clusters.
 */
class Centroid {
  readonly weights: Float64Array;
  /** Columns with a weight, in the order first met. */
  readonly columns: number[] = [];
  private readonly present: Uint8Array;

  constructor(width: number) {
    this.weights = new Float64Array(width);
    this.present = new Uint8Array(width);
  }

  /** Make this the sum of `members`' rows (the previous sum is cleared). */
  sumRows(matrix: SparseMatrix, members: readonly number[]): void {
    const { weights, columns, present } = this;
    for (const c of columns) {
      weights[c] = 0;
      present[c] = 0;
    }
    columns.length = 0;
    for (const i of members) {
      for (let k = matrix.offsets[i] ?? 0; k < (matrix.offsets[i + 1] ?? 0); k++) {
        const c = matrix.terms[k] ?? 0;
        if (present[c] === 0) {
          present[c] = 1;
          columns.push(c);
        }
        weights[c] = (weights[c] ?? 0) + (matrix.weights[k] ?? 0);
      }
    }
  }
}

/** Mean cosine of row `i` to the other members; 1 for a singleton (CONTRACT: clusters.csv). */
function meanSimilarityToOthers(matrix: SparseMatrix, i: number, sum: Centroid, size: number): number {
  if (size === 1) return 1;
  let dotSum = 0;
  let self = 0;
  for (let k = matrix.offsets[i] ?? 0; k < (matrix.offsets[i + 1] ?? 0); k++) {
    const w = matrix.weights[k] ?? 0;
    dotSum += w * (sum.weights[matrix.terms[k] ?? 0] ?? 0);
    self += w * w;
  }
  // Rows are unit length (self = 1) or empty (self = 0, similarity 0): no 0/0 either way.
  return Math.max(0, (dotSum - self) / (size - 1));
}

/**
 * Highest centroid weights first, ties in column order (term order, entity ids after words); a
 * bounded insertion keeps it O(terms · limit), and only the winners are spelled out.
 */
function topTerms(matrix: SparseMatrix, sum: Centroid, limit: number): Ranked[] {
  const best: { c: number; w: number }[] = [];
  const ahead = (x: { c: number; w: number }, y: { c: number; w: number }) => x.w > y.w || (x.w === y.w && x.c < y.c);
  for (const c of sum.columns) {
    const entry = { c, w: sum.weights[c] ?? 0 };
    if (best.length === limit && !ahead(entry, best[limit - 1] as { c: number; w: number })) continue;
    let at = best.length;
    while (at > 0 && ahead(entry, best[at - 1] as { c: number; w: number })) at--;
    best.splice(at, 0, entry);
    if (best.length > limit) best.pop();
  }
  return best.map((x) => ({ term: matrix.termOf(x.c), weight: x.w }));
}
