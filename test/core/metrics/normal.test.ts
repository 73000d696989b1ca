// The standard normal quantile and tails against R (qnorm, pnorm) in test/fixtures/pValues.json.
import { describe, expect, it } from 'vitest';
import reference from '../../fixtures/pValues.json';
import { normalCdf, normalQuantile, normalUpperTail } from '../../../src/core/metrics/normal';

/** |actual - expected| <= tol * max(|expected|, tiny): relative where it matters. */
function expectRelative(actual: number, expected: number, tol: number): void {
  const scale = Math.max(Math.abs(expected), 1e-300);
  expect(Math.abs(actual - expected) / scale).toBeLessThanOrEqual(tol);
}

describe('normalQuantile (AS 241)', () => {
  it.each(reference.qnorm)('qnorm($p) = $q as R', ({ p, q }) => {
    if (q === 0) expect(Math.abs(normalQuantile(p))).toBeLessThan(1e-15);
    else expectRelative(normalQuantile(p), q, 1e-14);
  });

  it('is antisymmetric and handles the ends', () => {
    for (const p of [0.001, 0.07, 0.3, 0.45]) {
      expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 12);
    }
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(NaN)).toBeNaN();
  });
});

describe('normal tails (Cody)', () => {
  it.each(reference.pnorm)('pnorm($z) as R, both tails', ({ z, upper, lower }) => {
    expectRelative(normalUpperTail(z), upper, 1e-13);
    expectRelative(normalCdf(z), lower, 1e-13);
  });

  it('inverts the quantile function', () => {
    for (const p of [1e-12, 0.01, 0.2, 0.5, 0.8, 0.99]) {
      expectRelative(normalCdf(normalQuantile(p)), p, 1e-13);
    }
  });

  it('gives the textbook values worked by hand', () => {
    // Phi(0) = 1/2 exactly; Phi(1.959964) = 0.975 (the 95% two-sided critical value).
    expect(normalCdf(0)).toBe(0.5);
    expect(normalUpperTail(1.959963984540054)).toBeCloseTo(0.025, 14);
  });
});
