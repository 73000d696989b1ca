import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core/rng';
import { dot, leastSquares, solveLinear } from '../../../../src/core/scenarios/credit/linalg';

describe('solveLinear', () => {
  it('solves a hand-computed 3x3 system', () => {
    // 2x + y - z = 8, -3x - y + 2z = -11, -2x + y + 2z = -3  ->  (2, 3, -1)
    const a = Float64Array.of(2, 1, -1, -3, -1, 2, -2, 1, 2);
    const x = solveLinear(a, Float64Array.of(8, -11, -3), 3)!;
    expect(Array.from(x).map((v) => Math.round(v * 1e12) / 1e12)).toEqual([2, 3, -1]);
  });

  it('needs its row exchanges: a zero first pivot is handled', () => {
    const x = solveLinear(Float64Array.of(0, 1, 1, 0), Float64Array.of(5, 7), 2)!;
    expect(Array.from(x)).toEqual([7, 5]);
  });

  it('partial pivoting keeps a tiny pivot from ruining the answer', () => {
    // Without pivoting, 1e-20 as a pivot gives x1 = 0 (catastrophic cancellation); true x ~ (1, 1).
    const x = solveLinear(Float64Array.of(1e-20, 1, 1, 1), Float64Array.of(1, 2), 2)!;
    expect(x[0]).toBeCloseTo(1, 12);
    expect(x[1]).toBeCloseTo(1, 12);
  });

  it('reports a singular matrix as null and leaves its inputs untouched', () => {
    const a = Float64Array.of(1, 2, 2, 4);
    const y = Float64Array.of(1, 2);
    expect(solveLinear(a, y, 2)).toBeNull();
    expect(Array.from(a)).toEqual([1, 2, 2, 4]);
    expect(Array.from(y)).toEqual([1, 2]);
  });

  it('property: recovers x from A x for random Gaussian A up to 21 unknowns', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 21 }), fc.integer({ min: 0, max: 1e6 }), (n, seed) => {
        const rng = createRng(seed);
        const a = Float64Array.from({ length: n * n }, () => rng.normal());
        const x = Float64Array.from({ length: n }, () => rng.normal());
        const y = Float64Array.from({ length: n }, (_, i) => dot(a, i * n, x, 0, n));
        const solved = solveLinear(a, y, n)!;
        for (let i = 0; i < n; i++) expect(Math.abs(solved[i]! - x[i]!)).toBeLessThan(1e-8);
      }),
      { numRuns: 60 },
    );
  });
});

describe('leastSquares', () => {
  it('fits a line through four points (hand-computed normal equations)', () => {
    // y = a + b t at t = 0, 1, 2, 3 with y = 1, 3, 4, 8: A^T A = [[4, 6], [6, 14]],
    // A^T y = [16, 35], det 20 -> a = (14*16 - 6*35)/20 = 0.7, b = (4*35 - 6*16)/20 = 2.2;
    // residuals (0.3, 0.1, -1.1, 0.7), norm sqrt(1.8).
    const a = Float64Array.of(1, 0, 1, 1, 1, 2, 1, 3);
    const { x, residual } = leastSquares(a, Float64Array.of(1, 3, 4, 8), 4, 2);
    expect(x![0]).toBeCloseTo(0.7, 12);
    expect(x![1]).toBeCloseTo(2.2, 12);
    expect(residual).toBeCloseTo(Math.sqrt(1.8), 12);
  });

  it('reports rank deficiency and too few rows', () => {
    expect(
      leastSquares(Float64Array.of(1, 2, 2, 4, 3, 6), Float64Array.of(1, 2, 3), 3, 2).x,
    ).toBeNull();
    expect(leastSquares(Float64Array.of(1, 2), Float64Array.of(1), 1, 2).x).toBeNull();
  });

  it('property: exact on consistent systems; its residual is orthogonal to the columns', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 1e6 }),
        (n, extra, seed) => {
          const m = n + extra;
          const rng = createRng(seed);
          const a = Float64Array.from({ length: m * n }, () => rng.normal());
          const x = Float64Array.from({ length: n }, () => rng.normal());
          const y = Float64Array.from({ length: m }, (_, i) => dot(a, i * n, x, 0, n));
          const exact = leastSquares(a, y, m, n);
          for (let j = 0; j < n; j++) expect(Math.abs(exact.x![j]! - x[j]!)).toBeLessThan(1e-8);
          expect(exact.residual).toBeLessThan(1e-9);
          // Perturb y: the fitted residual r = y - A x_hat must satisfy A^T r = 0.
          const noisy = y.map((v) => v + rng.normal());
          const fit = leastSquares(a, noisy, m, n).x!;
          let norm = 0;
          for (let j = 0; j < n; j++) {
            let column = 0;
            for (let i = 0; i < m; i++)
              column += a[i * n + j]! * (noisy[i]! - dot(a, i * n, fit, 0, n));
            norm = Math.max(norm, Math.abs(column));
          }
          expect(norm).toBeLessThan(1e-9 * m);
        },
      ),
      { numRuns: 60 },
    );
  });
});
