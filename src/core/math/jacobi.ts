/**
 * Eigen-decomposition of a small symmetric matrix by the cyclic Jacobi method (Jacobi 1846; the
 * rotation formulas of Rutishauser 1971, as in Numerical Recipes, 3rd ed., section 11.1), and the
 * singular values of a tall matrix through its Gram matrix.
 *
 * Each rotation J(p, q, theta) zeroes the off-diagonal entry a_pq of A <- J^T A J:
 *   theta = (a_qq - a_pp) / (2 a_pq),  t = sgn(theta) / (|theta| + sqrt(theta^2 + 1)),
 *   c = 1 / sqrt(t^2 + 1),  s = t c,
 *   a_pp <- a_pp - t a_pq,  a_qq <- a_qq + t a_pq,  and for r != p, q:
 *   a_rp <- c a_rp - s a_rq,  a_rq <- s a_rp + c a_rq;  the eigenvector matrix V <- V J.
 * Sweeps over every pair (p < q) repeat until the off-diagonal sum of squares is below
 * EPS^2 times the squared Frobenius norm; the method converges quadratically and finds small
 * eigenvalues to high relative accuracy. Only +, -, *, / and sqrt: the same bits in every engine.
 *
 * Why by hand: the lab needs V x V with V = 56 (the chat vocabulary), a few million flops; a linear
 * algebra library (ml-matrix, numeric) would add tens of kB to the worker for one routine and
 * uses engine Math functions whose last bits differ between Node and browsers.
 */

/** Relative tolerance of the off-diagonal mass (about the double epsilon). */
const EPS = 2.220446049250313e-16;
/** Sweeps before giving up (Jacobi converges in 6-10 sweeps for n <= 100). */
const MAX_SWEEPS = 60;

export interface SymmetricEigen {
  /** eigenvalues, largest first */
  values: Float64Array;
  /** eigenvectors as columns, row-major n x n: vectors[i * n + k] is entry i of vector k */
  vectors: Float64Array;
  /** sweeps made */
  sweeps: number;
}

/**
 * Eigenvalues and orthonormal eigenvectors of the symmetric n x n matrix `matrix` (row-major; only
 * read, not changed; its symmetry is assumed: the upper triangle is used). Sorted largest first.
 */
export function symmetricEigen(matrix: ArrayLike<number>, n: number): SymmetricEigen {
  if (matrix.length !== n * n) {
    throw new RangeError(`symmetricEigen: expected ${n * n} entries, got ${matrix.length}`);
  }
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) a[i * n + j] = a[j * n + i] = matrix[i * n + j]!;
  }
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  let total = 0;
  for (let i = 0; i < n * n; i++) total += a[i]! * a[i]!;
  let sweeps = 0;
  for (; sweeps < MAX_SWEEPS; sweeps++) {
    let off = 0;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) off += 2 * a[p * n + q]! * a[p * n + q]!;
    if (off <= EPS * EPS * total) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) rotate(a, v, n, p, q);
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (x, y) => a[y * n + y]! - a[x * n + x]! || x - y,
  );
  const values = Float64Array.from(order, (i) => a[i * n + i]!);
  const vectors = new Float64Array(n * n);
  order.forEach((from, to) => {
    for (let i = 0; i < n; i++) vectors[i * n + to] = v[i * n + from]!;
  });
  return { values, vectors, sweeps };
}

/** One Jacobi rotation zeroing a_pq (formulas in the file header); a and v updated in place. */
function rotate(a: Float64Array, v: Float64Array, n: number, p: number, q: number): void {
  const apq = a[p * n + q]!;
  if (apq === 0) return;
  const theta = (a[q * n + q]! - a[p * n + p]!) / (2 * apq);
  const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;
  a[p * n + p]! -= t * apq;
  a[q * n + q]! += t * apq;
  a[p * n + q] = a[q * n + p] = 0;
  for (let r = 0; r < n; r++) {
    if (r !== p && r !== q) {
      const arp = a[r * n + p]!;
      const arq = a[r * n + q]!;
      a[r * n + p] = a[p * n + r] = c * arp - s * arq;
      a[r * n + q] = a[q * n + r] = s * arp + c * arq;
    }
    const vrp = v[r * n + p]!;
    const vrq = v[r * n + q]!;
    v[r * n + p] = c * vrp - s * vrq;
    v[r * n + q] = s * vrp + c * vrq;
  }
}

/**
 * The Gram matrix G = X^T X (cols x cols, row-major) of the rows x cols matrix X (row-major).
 * Its eigenvalues are the squared singular values of X; its eigenvectors X's right singular vectors.
 */
export function gramMatrix(x: ArrayLike<number>, rows: number, cols: number): Float64Array {
  const g = new Float64Array(cols * cols);
  // g_ij = sum over rows r in order of x_ri x_rj, terms with x_ri = 0 left out (as a plain loop
  // over rows adding into g would). Blocks of rows that stay in cache, and four j at a time in
  // registers: each entry still receives its terms one by one in row order, so the same bits.
  for (let r0 = 0; r0 < rows; r0 += GRAM_BLOCK) {
    const r1 = Math.min(rows, r0 + GRAM_BLOCK);
    for (let i = 0; i < cols; i++) {
      const gi = i * cols;
      let j = i;
      for (; j + 3 < cols; j += 4) {
        let s0 = g[gi + j]!;
        let s1 = g[gi + j + 1]!;
        let s2 = g[gi + j + 2]!;
        let s3 = g[gi + j + 3]!;
        for (let r = r0; r < r1; r++) {
          const o = r * cols;
          const xi = x[o + i]!;
          if (xi === 0) continue;
          s0 += xi * x[o + j]!;
          s1 += xi * x[o + j + 1]!;
          s2 += xi * x[o + j + 2]!;
          s3 += xi * x[o + j + 3]!;
        }
        g[gi + j] = s0;
        g[gi + j + 1] = s1;
        g[gi + j + 2] = s2;
        g[gi + j + 3] = s3;
      }
      for (; j < cols; j++) {
        let s = g[gi + j]!;
        for (let r = r0; r < r1; r++) {
          const xi = x[r * cols + i]!;
          if (xi !== 0) s += xi * x[r * cols + j]!;
        }
        g[gi + j] = s;
      }
    }
  }
  for (let i = 0; i < cols; i++) for (let j = 0; j < i; j++) g[i * cols + j] = g[j * cols + i]!;
  return g;
}

/** Rows of X per block of gramMatrix (a block of 64 rows of 56 doubles is 28 KB). */
const GRAM_BLOCK = 64;

/**
 * Singular values of the rows x cols matrix X (largest first, `cols` of them) and its right
 * singular vectors (columns of a cols x cols matrix), from the eigen-decomposition of X^T X:
 * sigma_k = sqrt(max(lambda_k, 0)). Through the Gram matrix, values below about 1e-8 sigma_1 are
 * rounding noise (the squaring halves the digits): enough to see a drop of many orders.
 */
export function singularValues(
  x: ArrayLike<number>,
  rows: number,
  cols: number,
): { values: Float64Array; rightVectors: Float64Array } {
  const { values, vectors } = symmetricEigen(gramMatrix(x, rows, cols), cols);
  return { values: values.map((l) => Math.sqrt(Math.max(l, 0))), rightVectors: vectors };
}
