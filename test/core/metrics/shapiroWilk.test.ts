// Shapiro-Wilk (AS R94) against R's shapiro.test on the stored samples in
// test/fixtures/shapiroWilk.json (made by test/fixtures/make-reference.R).
import { describe, expect, it } from 'vitest';
import reference from '../../fixtures/shapiroWilk.json';
import {
  shapiroWilk,
  shapiroWilkCoefficients,
  shapiroWilkSorted,
} from '../../../src/core/metrics/shapiroWilk';
import { createRng } from '../../../src/core/rng';

describe('shapiroWilk matches R', () => {
  it.each(reference.map((s) => [s.name, s] as const))('%s', (_name, sample) => {
    expect(sample.x).toHaveLength(sample.n);
    const { w, pValue } = shapiroWilk(sample.x);
    // Same algorithm in the same precision as R's swilk.c: agreement is near machine precision
    // (measured: |dW| <= 8e-15, relative dp <= 1.2e-11), far inside the 1e-6 / 1e-4 asked for.
    expect(Math.abs(w - sample.w)).toBeLessThan(1e-10);
    // p relatively, so tiny p-values count too (R gives e.g. 2.7e-55 for the lognormal sample).
    expect(Math.abs(pValue - sample.pValue) / sample.pValue).toBeLessThan(1e-8);
  });

  it('covers every branch of the algorithm', () => {
    const sizes = new Set(reference.map((s) => s.n));
    for (const n of [3, 4, 5, 6, 11, 12, 5000]) expect(sizes.has(n)).toBe(true);
  });
});

describe('shapiroWilk by hand and by invariants', () => {
  it('n = 3 is exact: W and p worked by hand', () => {
    // x = (1, 2, 4): mean 7/3, S^2 = sum (x - mean)^2 = 16/9 + 1/9 + 25/9 = 42/9.
    // a = (-1/sqrt2, 0, 1/sqrt2): (a.x)^2 = (4 - 1)^2 / 2 = 9/2. W = (9/2) / (42/9) = 81/84.
    // p = (6/pi)(asin(sqrt(W)) - pi/3).
    const { w, pValue } = shapiroWilk([4, 1, 2]);
    expect(w).toBeCloseTo(81 / 84, 14);
    expect(pValue).toBeCloseTo((6 / Math.PI) * (Math.asin(Math.sqrt(81 / 84)) - Math.PI / 3), 14);
    // Evenly spaced triples are perfectly "normal" for n = 3: W = 1, p = 1.
    const even = shapiroWilk([0, 1, 2]);
    expect(even.w).toBeCloseTo(1, 14);
    expect(even.pValue).toBeCloseTo(1, 12);
  });

  it('is invariant to shift, positive scale and order', () => {
    const rng = createRng(7);
    const x = Array.from({ length: 60 }, () => rng.normal() ** 3);
    const base = shapiroWilk(x);
    const moved = shapiroWilk(x.map((v) => 1000 + 0.001 * v).reverse());
    expect(moved.w).toBeCloseTo(base.w, 9);
    expect(moved.pValue).toBeCloseTo(base.pValue, 7);
  });

  it('does not modify its input and agrees with the sorted entry point on a sub-range', () => {
    const x = [5, 3, 9, 1, 7, 2, 8];
    const copy = [...x];
    const whole = shapiroWilk(x);
    expect(x).toEqual(copy);
    const padded = new Float64Array([-100, 1, 2, 3, 5, 7, 8, 9, 100]);
    const inner = shapiroWilkSorted(padded, 1, 8, shapiroWilkCoefficients(7));
    expect(inner.w).toBe(whole.w);
    expect(inner.pValue).toBe(whole.pValue);
  });

  it('separates normal from clearly non-normal samples', () => {
    const rng = createRng(11);
    const normal = Array.from({ length: 400 }, () => rng.normal());
    const exponential = Array.from({ length: 400 }, () => -Math.log(1 - rng.next()));
    expect(shapiroWilk(normal).w).toBeGreaterThan(0.99);
    expect(shapiroWilk(exponential).w).toBeLessThan(0.9);
    expect(shapiroWilk(exponential).pValue).toBeLessThan(1e-10);
  });

  it('has unit-norm antisymmetric coefficients, as AS R94 normalises them', () => {
    for (const n of [3, 4, 5, 6, 7, 50, 501, 5000]) {
      const a = shapiroWilkCoefficients(n);
      expect(a[0]).toBeCloseTo(1, 12); // sum of squares over the full weight vector
      for (let i = 2; i <= n >> 1; i++) expect(a[i]!).toBeLessThan(a[i - 1]!); // extremes weigh most
    }
    // n = 3: a = (-1/sqrt2, 0, 1/sqrt2).
    expect(shapiroWilkCoefficients(3)[1]).toBe(Math.SQRT1_2);
  });

  it('rejects bad input and reports a constant sample as undefined', () => {
    expect(() => shapiroWilk([1, 2])).toThrow(/3 to 5000/);
    expect(() => shapiroWilk(new Array(5001).fill(0).map((_, i) => i))).toThrow(/3 to 5000/);
    expect(() => shapiroWilkSorted([3, 1, 2])).toThrow(/sorted/);
    expect(() => shapiroWilkSorted([1, 2, 3, 4], 0, 4, shapiroWilkCoefficients(3))).toThrow(
      /coefficients/,
    );
    const constant = shapiroWilk([4, 4, 4, 4]);
    expect(constant.w).toBeNaN();
    expect(constant.pValue).toBeNaN();
  });
});
