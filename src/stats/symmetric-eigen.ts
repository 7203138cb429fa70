/**
 * Eigenvalues and eigenvectors of a small symmetric matrix by the cyclic Jacobi method (Golub &
 * Van Loan, *Matrix Computations*, 4th ed., §8.5: Algorithm 8.5.1 for each rotation, 8.5.3 for the
 * sweep order). Why not ml-matrix's SVD: its Golub–Kahan loop has no iteration bound, and on a
 * real corpus (outlets × concept rates, most rows zero) it never returned (mljs/matrix issue #70).
 * Jacobi converges quadratically, is accurate to rounding even for small eigenvalues, and its sweeps
 * are bounded here, so it always returns. Cost per sweep ~n³ for an n × n matrix: the outlet map
 * decomposes the smaller of outlets × outlets and concepts × concepts.
 */

export interface SymmetricEigen {
  /** Eigenvalues, largest first (ties keep the order of their rows). */
  values: number[];
  /** `vectors[k]`: the unit eigenvector of `values[k]`. */
  vectors: Float64Array[];
}

/**
 * Sweeps at most. Cyclic Jacobi converges quadratically once the off-diagonal mass is small; a few
 * sweeps suffice for the sizes met here (about 10 for 100 × 100) — the bound only guarantees an
 * answer, and the last sweep's is accurate to what the data allow.
 */
const MAX_SWEEPS = 60;

/** Off-diagonal mass (squared) relative to the whole matrix's at which the matrix counts as diagonal. */
const TOLERANCE = 1e-30;

/** Decompose the symmetric matrix `matrix` (only its values are read; it is not changed). */
export function symmetricEigen(matrix: readonly (readonly number[])[]): SymmetricEigen {
  const n = matrix.length;
  const a = matrix.map((row) => Float64Array.from(row));
  const v = Array.from({ length: n }, (_, i) => {
    const row = new Float64Array(n);
    row[i] = 1;
    return row;
  });
  let total = 0;
  for (const row of a) for (const x of row) total += x * x;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep += 1) {
    let off = 0;
    for (let p = 0; p < n; p += 1) for (let q = p + 1; q < n; q += 1) off += a[p]![q]! ** 2;
    if (off <= TOLERANCE * total) break;
    for (let p = 0; p < n - 1; p += 1) {
      for (let q = p + 1; q < n; q += 1) rotate(a, v, p, q);
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => a[y]![y]! - a[x]![x]! || x - y);
  return {
    values: order.map((i) => a[i]![i]!),
    vectors: order.map((i) => Float64Array.from(v, (row) => row[i]!)),
  };
}

/**
 * One Jacobi rotation J(p, q, θ) that zeroes `a[p][q]`: A ← JᵀAJ, V ← VJ (Algorithm 8.5.1,
 * sym.schur2: τ = (a_qq − a_pp) / 2a_pq, t = sign(τ) / (|τ| + √(1 + τ²)), c = 1/√(1 + t²), s = tc).
 */
function rotate(a: Float64Array[], v: Float64Array[], p: number, q: number): void {
  const apq = a[p]![q]!;
  if (apq === 0) return;
  const tau = (a[q]![q]! - a[p]![p]!) / (2 * apq);
  const t = (tau >= 0 ? 1 : -1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
  const c = 1 / Math.sqrt(1 + t * t);
  const s = t * c;
  rotateColumns(a, p, q, c, s);
  const rowP = a[p]!;
  const rowQ = a[q]!;
  for (let k = 0; k < a.length; k += 1) {
    const pk = rowP[k]!;
    const qk = rowQ[k]!;
    rowP[k] = c * pk - s * qk;
    rowQ[k] = s * pk + c * qk;
  }
  rotateColumns(v, p, q, c, s);
}

/** Columns p and q of `rows` times the rotation [c s; −s c]: M ← MJ. */
function rotateColumns(rows: Float64Array[], p: number, q: number, c: number, s: number): void {
  for (const row of rows) {
    const kp = row[p]!;
    const kq = row[q]!;
    row[p] = c * kp - s * kq;
    row[q] = s * kp + c * kq;
  }
}
