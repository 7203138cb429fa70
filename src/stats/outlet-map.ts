/**
 * Outlet map: outlets × concepts rate matrix (dense, small: STYLE.md §12), cosine similarity
 * between outlets and a 2-D PCA projection (Jolliffe 2002, *Principal Component Analysis*, §3.5:
 * PCA as the SVD of the column-centred matrix X, here through the eigenvectors of the smaller of
 * XXᵀ and XᵀX — X = USVᵀ gives XXᵀ = US²Uᵀ and XᵀX = VS²Vᵀ; see src/stats/symmetric-eigen.ts
 * for why not a general SVD).
 */
import { symmetricEigen } from './symmetric-eigen.js';

export interface OutletMap {
  outlets: string[];
  /** `similarity[i][j]`: cosine of outlet rows; null when a row is all zeros (0/0 is undefined). */
  similarity: (number | null)[][];
  /** One point per outlet; all zeros when there is no variance to project (see `note`). */
  points: { outlet: string; x: number; y: number }[];
  /** Share of the variance each axis carries (0 when there is none). */
  explained: [number, number];
  /** Why the projection is degenerate, or '' when it is not. */
  note: string;
}

/** Below this a variance or a loading is rounding noise. */
const EPSILON = 1e-12;
/**
 * A component with less than this share of the variance is rounding noise: an eigenvalue of a
 * Gram matrix is exact to about machine epsilon × the largest (Golub & Van Loan §8.1.2), so a
 * rank-deficient map (two outlets: one axis) gets s² ≈ 1e-16 × total, not 0.
 */
const NOISE_SHARE = 1e-10;

/** Cosine similarity of two rows; null when either has no hits at all. */
export function cosine(a: readonly number[], b: readonly number[]): number | null {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  if (na === 0 || nb === 0) return null;
  return dot / Math.sqrt(na * nb);
}

/**
 * Build the map from `rows[i]` = rates of `outlets[i]` over a fixed concept order.
 * Rules: fewer than two outlets, or a matrix with no variance, give points at the origin and a
 * note instead of an arbitrary rotation. Signs are fixed so each component's largest-magnitude
 * loading is positive (ties → the first concept), since SVD signs are otherwise arbitrary.
 */
export function mapOutlets(outlets: readonly string[], rows: readonly number[][]): OutletMap {
  const similarity = rows.map((a) => rows.map((b) => cosine(a, b)));
  const origin = outlets.map((outlet) => ({ outlet, x: 0, y: 0 }));
  const columns = rows[0]?.length ?? 0;
  if (outlets.length < 2 || columns === 0) {
    return { outlets: [...outlets], similarity, points: origin, explained: [0, 0], note: 'fewer than two outlets or no concepts: no projection' };
  }
  const centred = centreColumns(rows, columns);
  // Σ s² = ‖X‖²_F: the whole variance, exact without the decomposition.
  let total = 0;
  for (const row of centred) for (const x of row) total += x * x;
  if (total < EPSILON) {
    return { outlets: [...outlets], similarity, points: origin, explained: [0, 0], note: 'all outlets have the same concept rates: no projection' };
  }
  const components = principalComponents(centred, columns, 2, total);
  const coords = components.map(({ value, u, v }) => {
    if (value === 0) return outlets.map(() => 0);
    const sign = fixSign(v);
    return outlets.map((_, i) => clean(sign * (u[i] ?? 0) * value));
  });
  const points = outlets.map((outlet, i) => ({ outlet, x: coords[0]?.[i] ?? 0, y: coords[1]?.[i] ?? 0 }));
  const explained: [number, number] = [(components[0]?.value ?? 0) ** 2 / total, (components[1]?.value ?? 0) ** 2 / total];
  return { outlets: [...outlets], similarity, points, explained, note: '' };
}

/** Each column minus its mean. */
function centreColumns(rows: readonly number[][], columns: number): Float64Array[] {
  const means = new Float64Array(columns);
  for (const row of rows) for (let j = 0; j < columns; j += 1) means[j]! += row[j] ?? 0;
  for (let j = 0; j < columns; j += 1) means[j]! /= rows.length;
  return rows.map((row) => Float64Array.from({ length: columns }, (_, j) => (row[j] ?? 0) - means[j]!));
}

/**
 * The first `count` singular triplets of X (n × m): singular value s, unit left vector u (length
 * n) and right vector v (length m), from the eigenvectors of the smaller Gram matrix; the other
 * vector is X v / s or Xᵀ u / s. A triplet whose share of the variance `total` (‖X‖²_F) is rounding
 * noise has s = 0 and zero vectors: its axis carries nothing.
 */
function principalComponents(x: readonly Float64Array[], m: number, count: number, total: number): { value: number; u: Float64Array; v: Float64Array }[] {
  const n = x.length;
  const byRows = n <= m;
  const size = byRows ? n : m;
  const gram = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (let i = 0; i < size; i += 1) {
    for (let j = i; j < size; j += 1) {
      let dot = 0;
      if (byRows) for (let k = 0; k < m; k += 1) dot += x[i]![k]! * x[j]![k]!;
      else for (let k = 0; k < n; k += 1) dot += x[k]![i]! * x[k]![j]!;
      gram[i]![j] = dot;
      gram[j]![i] = dot;
    }
  }
  const { values, vectors } = symmetricEigen(gram);
  const out: { value: number; u: Float64Array; v: Float64Array }[] = [];
  for (let c = 0; c < Math.min(count, size); c += 1) {
    const value = Math.sqrt(Math.max(values[c] ?? 0, 0));
    const vector = vectors[c]!;
    if (value * value < NOISE_SHARE * total) {
      out.push({ value: 0, u: new Float64Array(n), v: new Float64Array(m) });
      continue;
    }
    // The other side: u = X v / s (vector is v) or v = Xᵀ u / s (vector is u).
    const other = new Float64Array(byRows ? m : n);
    for (let i = 0; i < n; i += 1) {
      for (let k = 0; k < m; k += 1) {
        if (byRows) other[k]! += (x[i]![k]! * vector[i]!) / value;
        else other[i]! += (x[i]![k]! * vector[k]!) / value;
      }
    }
    out.push(byRows ? { value, u: vector, v: other } : { value, u: other, v: vector });
  }
  return out;
}

function fixSign(loadings: ArrayLike<number>): number {
  let best = 0;
  for (let j = 0; j < loadings.length; j += 1) {
    const value = loadings[j]!;
    if (Math.abs(value) > Math.abs(best) + EPSILON) best = value;
  }
  return best < 0 ? -1 : 1;
}

/** Round away floating noise (and −0) so fixed-precision output is stable across platforms. */
function clean(value: number): number {
  const rounded = Math.round(value * 1e9) / 1e9;
  return rounded === 0 ? 0 : rounded;
}
