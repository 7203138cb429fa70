/**
 * Outlet map: outlets × concepts rate matrix (dense, small: STYLE.md §12), cosine similarity
 * between outlets and a 2-D PCA projection (Jolliffe 2002, *Principal Component Analysis*, §3.5:
 * PCA as the SVD of the column-centred matrix).
 */
import { Matrix, SingularValueDecomposition } from 'ml-matrix';

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

/** Below this a singular value is rounding noise, not variance. */
const EPSILON = 1e-12;

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
  const centred = new Matrix(rows.map((row) => [...row]));
  const means = centred.mean('column');
  centred.subRowVector(means);
  const svd = new SingularValueDecomposition(centred, { autoTranspose: true });
  const values = svd.diagonal;
  const total = values.reduce((sum, s) => sum + s * s, 0);
  if (total < EPSILON) {
    return { outlets: [...outlets], similarity, points: origin, explained: [0, 0], note: 'all outlets have the same concept rates: no projection' };
  }
  const u = svd.leftSingularVectors;
  const v = svd.rightSingularVectors;
  const coords = [0, 1].map((k) => {
    const s = values[k] ?? 0;
    if (k >= v.columns || s < EPSILON) return outlets.map(() => 0);
    const sign = fixSign(v.getColumn(k));
    return outlets.map((_, i) => clean(sign * u.get(i, k) * s));
  });
  const points = outlets.map((outlet, i) => ({ outlet, x: coords[0]?.[i] ?? 0, y: coords[1]?.[i] ?? 0 }));
  const explained: [number, number] = [((values[0] ?? 0) ** 2) / total, ((values[1] ?? 0) ** 2) / total];
  return { outlets: [...outlets], similarity, points, explained, note: '' };
}

function fixSign(loadings: readonly number[]): number {
  let best = 0;
  for (const value of loadings) if (Math.abs(value) > Math.abs(best) + EPSILON) best = value;
  return best < 0 ? -1 : 1;
}

/** Round away floating noise (and −0) so fixed-precision output is stable across platforms. */
function clean(value: number): number {
  const rounded = Math.round(value * 1e9) / 1e9;
  return rounded === 0 ? 0 : rounded;
}
