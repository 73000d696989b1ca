// Jacobi eigen-solver and Gram-matrix singular values: hand-computed 2 x 2 cases, a matrix built
// from a known orthogonal basis and known eigenvalues, a matrix of known rank, and invariants.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gramMatrix, singularValues, symmetricEigen } from '../../../src/core/math/jacobi';
import { createRng } from '../../../src/core/rng';

/** A random n x n orthogonal matrix (row-major) by Gram-Schmidt on Gaussian columns. */
function orthogonal(n: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const q = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const col = Array.from({ length: n }, () => rng.normal());
    for (let j = 0; j < k; j++) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += col[i]! * q[i * n + j]!;
      for (let i = 0; i < n; i++) col[i]! -= dot * q[i * n + j]!;
    }
    const norm = Math.sqrt(col.reduce((s, x) => s + x * x, 0));
    for (let i = 0; i < n; i++) q[i * n + k] = col[i]! / norm;
  }
  return q;
}

/** Q diag(d) Q^T. */
function compose(q: Float64Array, d: readonly number[], n: number): Float64Array {
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let k = 0; k < n; k++) sum += q[i * n + k]! * d[k]! * q[j * n + k]!;
      a[i * n + j] = sum;
    }
  return a;
}

describe('symmetricEigen', () => {
  it('solves [[2, 1], [1, 2]] by hand: eigenvalues 3 and 1, vectors (1, 1)/sqrt2 and (1, -1)/sqrt2', () => {
    const { values, vectors } = symmetricEigen([2, 1, 1, 2], 2);
    expect(values[0]).toBeCloseTo(3, 14);
    expect(values[1]).toBeCloseTo(1, 14);
    // first column: (1, 1)/sqrt(2) up to sign
    expect(Math.abs(vectors[0]!)).toBeCloseTo(Math.SQRT1_2, 14);
    expect(vectors[0]! * vectors[2]!).toBeCloseTo(0.5, 14);
    expect(vectors[1]! * vectors[3]!).toBeCloseTo(-0.5, 14);
  });

  it('returns a diagonal matrix as it is, sorted largest first', () => {
    const { values, sweeps } = symmetricEigen([1, 0, 0, 0, -4, 0, 0, 0, 7], 3);
    expect(Array.from(values)).toEqual([7, 1, -4]);
    expect(sweeps).toBe(0);
  });

  it('recovers the known eigenvalues of Q diag(d) Q^T (n = 30, spread over 12 orders)', () => {
    const n = 30;
    const d = Array.from({ length: n }, (_, k) => 10 ** (4 - (12 * k) / (n - 1)));
    const a = compose(orthogonal(n, 3), d, n);
    const { values, vectors } = symmetricEigen(a, n);
    for (let k = 0; k < n; k++) {
      // absolute accuracy about eps * ||A|| (Jacobi on the matrix itself)
      expect(Math.abs(values[k]! - d[k]!)).toBeLessThan(1e-10);
    }
    // A v_k = lambda_k v_k for the well-separated large ones
    for (let k = 0; k < 5; k++) {
      for (let i = 0; i < n; i++) {
        let av = 0;
        for (let j = 0; j < n; j++) av += a[i * n + j]! * vectors[j * n + k]!;
        expect(av).toBeCloseTo(values[k]! * vectors[i * n + k]!, 8);
      }
    }
  });

  it('gives orthonormal eigenvectors whose eigenvalues sum to the trace (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 1e6 }), (n, seed) => {
        const rng = createRng(seed);
        const a = new Float64Array(n * n);
        for (let i = 0; i < n; i++)
          for (let j = i; j < n; j++) a[i * n + j] = a[j * n + i] = rng.normal();
        const { values, vectors } = symmetricEigen(a, n);
        let trace = 0;
        for (let i = 0; i < n; i++) trace += a[i * n + i]!;
        expect(values.reduce((s, x) => s + x, 0)).toBeCloseTo(trace, 10);
        for (let k = 0; k < n; k++)
          for (let l = 0; l < n; l++) {
            let dot = 0;
            for (let i = 0; i < n; i++) dot += vectors[i * n + k]! * vectors[i * n + l]!;
            expect(dot).toBeCloseTo(k === l ? 1 : 0, 12);
          }
        for (let k = 1; k < n; k++) expect(values[k]!).toBeLessThanOrEqual(values[k - 1]!);
      }),
      { numRuns: 40 },
    );
  });

  it('rejects a matrix of the wrong size', () => {
    expect(() => symmetricEigen([1, 2, 3], 2)).toThrow(/expected 4 entries/);
  });
});

describe('singularValues through the Gram matrix', () => {
  it('computes X^T X by hand', () => {
    // X = [[1, 2], [3, 4], [5, 6]]: X^T X = [[35, 44], [44, 56]]
    expect(Array.from(gramMatrix([1, 2, 3, 4, 5, 6], 3, 2))).toEqual([35, 44, 44, 56]);
  });

  it('shows a drop of many orders after the rank of a rank-7 matrix (200 x 40)', () => {
    const rows = 200;
    const cols = 40;
    const rank = 7;
    const rng = createRng(11);
    const left = Array.from({ length: rows * rank }, () => rng.normal());
    const right = Array.from({ length: rank * cols }, () => rng.normal());
    const x = new Float64Array(rows * cols);
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++)
        for (let k = 0; k < rank; k++)
          x[r * cols + c]! += left[r * rank + k]! * right[k * cols + c]!;
    const { values } = singularValues(x, rows, cols);
    expect(values).toHaveLength(cols);
    expect(values[rank - 1]! / values[rank]!).toBeGreaterThan(1e6);
    for (let k = 1; k < rank; k++) expect(values[k - 1]! / values[k]!).toBeLessThan(10);
  });

  it('matches the known singular values of U diag(s) V^T', () => {
    const n = 12;
    const s = [9, 7, 5, 4, 3, 2, 1, 0.5, 0.25, 0.1, 0.05, 0.01];
    const u = orthogonal(n, 21);
    const v = orthogonal(n, 22);
    const x = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++)
        for (let k = 0; k < n; k++) x[i * n + j]! += u[i * n + k]! * s[k]! * v[j * n + k]!;
    const { values } = singularValues(x, n, n);
    s.forEach((sk, k) => expect(values[k]!).toBeCloseTo(sk, 6));
  });
});
