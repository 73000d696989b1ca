// Exact one-sided tests and log-gamma against R (fisher.test, binom.test, lgamma, lchoose) in
// test/fixtures/pValues.json, plus values worked by hand.
import { describe, expect, it } from 'vitest';
import reference from '../../fixtures/pValues.json';
import {
  binomialGreater,
  fisherExactGreater,
  logBinomialGreater,
  logChoose,
  logFisherExactGreater,
  logGamma,
} from '../../../src/core/metrics/pValues';

function expectRelative(actual: number, expected: number, tol: number): void {
  if (expected === 0) {
    expect(actual).toBe(0);
    return;
  }
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThanOrEqual(tol);
}

describe('logGamma and logChoose', () => {
  it.each(reference.lgamma)('lgamma($x) as R', ({ x, lgamma }) => {
    if (lgamma === 0) expect(Math.abs(logGamma(x))).toBeLessThan(1e-15);
    else expectRelative(logGamma(x), lgamma, 1e-13);
  });

  it.each(reference.lchoose)('lchoose($n, $k) as R', ({ n, k, lchoose }) => {
    if (lchoose === 0) expect(logChoose(n, k)).toBe(0);
    else expectRelative(logChoose(n, k), lchoose, 1e-12);
  });

  it('gives factorials and binomial coefficients worked by hand', () => {
    // Gamma(5) = 4! = 24; C(10, 3) = 120; C(52, 5) = 2,598,960.
    expect(Math.exp(logGamma(5))).toBeCloseTo(24, 10);
    expect(Math.exp(logChoose(10, 3))).toBeCloseTo(120, 9);
    expect(Math.exp(logChoose(52, 5))).toBeCloseTo(2598960, 4);
    expect(logChoose(4, 5)).toBe(-Infinity);
    // Gamma(1/2) = sqrt(pi), and the reflection branch: Gamma(1/4) = 3.6256099082219083.
    expect(Math.exp(logGamma(0.5))).toBeCloseTo(Math.sqrt(Math.PI), 13);
    expect(Math.exp(logGamma(0.25))).toBeCloseTo(3.625609908221908, 12);
  });
});

describe('fisherExactGreater', () => {
  it.each(reference.fisherGreater)('table $table as R', ({ table, pValue, phyper }) => {
    const [a, b, c, d] = table as [number, number, number, number];
    expect(pValue).toBe(phyper); // the fixture's two R routes agree
    expectRelative(fisherExactGreater(a, b, c, d), pValue, 1e-9);
  });

  it('works small tables by hand', () => {
    // [[3,1],[1,3]]: margins row 4/4, column 4/4, N = 8. P(X >= 3) = (C(4,3)C(4,1) + C(4,4)C(4,0))
    // / C(8,4) = (16 + 1) / 70.
    expect(fisherExactGreater(3, 1, 1, 3)).toBeCloseTo(17 / 70, 14);
    // [[5,0],[0,5]]: only the observed table is as extreme: 1 / C(10,5) = 1/252.
    expect(fisherExactGreater(5, 0, 0, 5)).toBeCloseTo(1 / 252, 15);
    // No matches in group 1: nothing can be less extreme, p = 1.
    expect(fisherExactGreater(0, 7, 4, 9)).toBe(1);
  });

  it('keeps underflowing p-values in log space', () => {
    // [[500,0],[10,9490]]: p = C(510,500) C(9490,0) / C(10000,500), far below 1e-300.
    const expected = logChoose(510, 500) - logChoose(10000, 500);
    expect(logFisherExactGreater(500, 0, 10, 9490)).toBeCloseTo(expected, 8);
    expect(fisherExactGreater(500, 0, 10, 9490)).toBe(0);
  });

  it('falls as group 1 matches more (monotone in a, margins of group 2 fixed)', () => {
    let previous = 1.1;
    for (let a = 0; a <= 20; a++) {
      const p = fisherExactGreater(a, 20 - a, 5, 95);
      expect(p).toBeLessThanOrEqual(previous);
      previous = p;
    }
  });

  it('rejects non-integer counts', () => {
    expect(() => fisherExactGreater(1.5, 1, 1, 1)).toThrow(/integers/);
    expect(() => fisherExactGreater(-1, 1, 1, 1)).toThrow(/integers/);
  });
});

describe('binomialGreater', () => {
  it.each(reference.binomialGreater)('P(X >= $k | $n, $p0) as R', ({ k, n, p0, pValue }) => {
    expectRelative(binomialGreater(k, n, p0), pValue, 1e-9);
  });

  it('works small cases by hand', () => {
    // P(X >= 10 | 10, 1/2) = 2^-10; P(X >= 1 | 3, 1/2) = 1 - 1/8.
    expect(binomialGreater(10, 10, 0.5)).toBeCloseTo(1 / 1024, 15);
    expect(binomialGreater(1, 3, 0.5)).toBeCloseTo(7 / 8, 14);
    // P(X >= 2 | 3, 0.2) = 3 * 0.04 * 0.8 + 0.008 = 0.104.
    expect(binomialGreater(2, 3, 0.2)).toBeCloseTo(0.104, 14);
    expect(binomialGreater(0, 5, 0.3)).toBe(1);
    expect(binomialGreater(6, 5, 0.3)).toBe(0);
    expect(binomialGreater(1, 5, 0)).toBe(0);
    expect(binomialGreater(5, 5, 1)).toBe(1);
  });

  it('keeps underflowing p-values in log space', () => {
    // P(X >= 1000 | 1000, 0.01) = 0.01^1000 = 1e-2000: log p = 1000 log 0.01.
    expect(logBinomialGreater(1000, 1000, 0.01)).toBeCloseTo(1000 * Math.log(0.01), 8);
  });
});
