/**
 * Small dense linear algebra for the credit attacks and the logistic fit: systems of at most
 * 21 unknowns (20 weights and a bias), so written by hand in a few loops (a numeric library would
 * add a dependency for two functions). Matrices are row-major Float64Arrays.
 *
 * - solveLinear: Gaussian elimination with partial pivoting (Golub and Van Loan, Matrix
 *   Computations, 4th ed., Alg. 3.4.1): at column k swap in the row with the largest |a_ik|, so
 *   every multiplier is at most 1 in size, then back-substitute.
 * - leastSquares: min ||A x - y||_2 by Householder QR (Golub and Van Loan Alg. 5.2.1 and 5.3.2):
 *   reflect A to R = Q^T A upper triangular, apply the same reflections to y, back-substitute
 *   R x = (Q^T y)[0..n). QR rather than the normal equations A^T A x = A^T y, which square the
 *   condition number; the residual norm is |(Q^T y)[n..m)| for free.
 */

/** Solution, or null when the matrix is singular to working precision. */
export type Solution = Float64Array | null;

/** Relative pivot below which a matrix counts as singular (a few ulps of the largest entry). */
const SINGULAR = 1e-13;

/**
 * Solves A x = y for square A (n x n, row-major) by Gaussian elimination with partial pivoting.
 * A and y are not modified. Returns null when a pivot is below SINGULAR * max|a_ij|.
 */
export function solveLinear(a: Float64Array, y: Float64Array, n: number): Solution {
  if (a.length !== n * n || y.length !== n) {
    throw new RangeError(`solveLinear: expected a ${n}x${n} matrix and ${n} values`);
  }
  const m = a.slice();
  const b = y.slice();
  let scale = 0;
  for (let i = 0; i < m.length; i++) scale = Math.max(scale, Math.abs(m[i]!));
  if (scale === 0) return null;
  for (let k = 0; k < n; k++) {
    let pivot = k;
    for (let i = k + 1; i < n; i++) {
      if (Math.abs(m[i * n + k]!) > Math.abs(m[pivot * n + k]!)) pivot = i;
    }
    if (Math.abs(m[pivot * n + k]!) <= SINGULAR * scale) return null;
    if (pivot !== k) {
      for (let j = 0; j < n; j++) {
        const t = m[k * n + j]!;
        m[k * n + j] = m[pivot * n + j]!;
        m[pivot * n + j] = t;
      }
      const t = b[k]!;
      b[k] = b[pivot]!;
      b[pivot] = t;
    }
    const diagonal = m[k * n + k]!;
    for (let i = k + 1; i < n; i++) {
      const factor = m[i * n + k]! / diagonal;
      if (factor === 0) continue;
      for (let j = k; j < n; j++) m[i * n + j]! -= factor * m[k * n + j]!;
      b[i]! -= factor * b[k]!;
    }
  }
  return backSubstitute(m, b, n, n);
}

/** x from the upper-triangular system R x = c, R the top n x n block of an (rows x n) matrix. */
function backSubstitute(r: Float64Array, c: Float64Array, n: number, stride: number): Float64Array {
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = c[i]!;
    for (let j = i + 1; j < n; j++) sum -= r[i * stride + j]! * x[j]!;
    x[i] = sum / r[i * stride + i]!;
  }
  return x;
}

export interface LeastSquares {
  /** the minimiser of ||A x - y||, or null when A has rank below n */
  x: Solution;
  /** ||A x - y||_2 at the minimiser (NaN when x is null) */
  residual: number;
}

/**
 * Least squares min_x ||A x - y||_2 for A with m >= n rows (m x n, row-major) by Householder QR.
 * A and y are not modified. Returns x = null when a diagonal entry of R is below
 * SINGULAR * max|a_ij| (A rank-deficient to working precision).
 */
export function leastSquares(a: Float64Array, y: Float64Array, m: number, n: number): LeastSquares {
  if (a.length !== m * n || y.length !== m) {
    throw new RangeError(`leastSquares: expected a ${m}x${n} matrix and ${m} values`);
  }
  if (m < n) return { x: null, residual: NaN };
  const r = a.slice();
  const c = y.slice();
  let scale = 0;
  for (let i = 0; i < r.length; i++) scale = Math.max(scale, Math.abs(r[i]!));
  if (scale === 0) return { x: null, residual: NaN };
  const v = new Float64Array(m);
  for (let k = 0; k < n; k++) {
    // Householder vector v for column k below the diagonal: (I - 2 v v^T / v^T v) maps
    // r[k..m, k] to (-sign(r_kk) ||r[k..m, k]||, 0, ..., 0); the sign avoids cancellation.
    let norm = 0;
    for (let i = k; i < m; i++) norm += r[i * n + k]! * r[i * n + k]!;
    norm = Math.sqrt(norm);
    if (norm <= SINGULAR * scale) return { x: null, residual: NaN };
    const alpha = r[k * n + k]! > 0 ? -norm : norm;
    for (let i = k; i < m; i++) v[i] = r[i * n + k]!;
    v[k]! -= alpha;
    let vv = 0;
    for (let i = k; i < m; i++) vv += v[i]! * v[i]!;
    for (let j = k; j < n; j++) reflect(r, j, n, k, m, v, vv);
    reflect(c, 0, 1, k, m, v, vv);
  }
  let residual = 0;
  for (let i = n; i < m; i++) residual += c[i]! * c[i]!;
  return { x: backSubstitute(r, c, n, n), residual: Math.sqrt(residual) };
}

/** Applies I - 2 v v^T / vv to rows k..m of column `col` of a matrix with `stride` columns. */
function reflect(
  target: Float64Array,
  col: number,
  stride: number,
  k: number,
  m: number,
  v: Float64Array,
  vv: number,
): void {
  let dot = 0;
  for (let i = k; i < m; i++) dot += v[i]! * target[i * stride + col]!;
  const factor = (2 * dot) / vv;
  for (let i = k; i < m; i++) target[i * stride + col]! -= factor * v[i]!;
}

/** sum_i a[aOffset + i] * b[bOffset + i] over n entries. */
export function dot(
  a: ArrayLike<number>,
  aOffset: number,
  b: ArrayLike<number>,
  bOffset: number,
  n: number,
): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += a[aOffset + i]! * b[bOffset + i]!;
  return sum;
}
