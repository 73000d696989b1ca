// Portable transcendental functions: accurate, exact at known points, and bit-stable.
import { describe, expect, it } from 'vitest';
import {
  asin,
  cos,
  exp,
  log,
  log1p,
  pow10,
  pow2,
  sin,
  tanh,
} from '../../../src/core/math/portable';
import { createRng } from '../../../src/core/rng';

/** Distance in units of the last place (relative to the larger magnitude). */
function ulps(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / (Math.max(Math.abs(a), Math.abs(b)) * Number.EPSILON);
}

const cases: [string, (x: number) => number, (x: number) => number, number, number, number][] = [
  ['exp', exp, Math.exp, -700, 700, 1],
  ['log', log, Math.log, 1e-6, 1e6, 1],
  ['log1p', log1p, Math.log1p, -0.999, 10, 2.5],
  ['sin', sin, Math.sin, -50, 50, 1.5],
  ['cos', cos, Math.cos, -50, 50, 1.5],
  ['asin', asin, Math.asin, -1, 1, 2.5],
];

describe('portable math', () => {
  it.each(cases)(
    '%s stays within a couple of ulps of Math over its range',
    (_, f, reference, lo, hi, bound) => {
      const rng = createRng(5);
      for (let i = 0; i < 20000; i++) {
        const x = rng.uniform(lo, hi);
        expect(ulps(f(x), reference(x))).toBeLessThanOrEqual(bound);
      }
    },
  );

  it('returns known values and handles the edges', () => {
    expect(exp(0)).toBe(1);
    expect(log(1)).toBe(0);
    expect(log(Math.E)).toBe(1);
    expect(exp(Math.LN2)).toBe(2);
    expect(sin(0)).toBe(0);
    expect(cos(0)).toBe(1);
    expect(asin(1)).toBe(Math.PI / 2);
    expect(asin(0.5)).toBeCloseTo(Math.PI / 6, 15);
    expect(sin(Math.PI / 6)).toBeCloseTo(0.5, 15);
    expect(exp(710)).toBe(Infinity);
    expect(exp(-746)).toBe(0);
    expect(exp(-740)).toBeGreaterThan(0); // subnormal result
    expect(log(0)).toBe(-Infinity);
    expect(Number.isNaN(log(-1))).toBe(true);
    expect(log(5e-324)).toBeCloseTo(-744.4400719213812, 10);
    expect(log1p(1e-20)).toBe(1e-20);
    expect(Number.isNaN(asin(1.5))).toBe(true);
    expect(Number.isNaN(sin(Infinity))).toBe(true);
  });

  it('matches fdlibm bit for bit on reference arguments (the same bits on every engine)', () => {
    // Hex of the double results, computed with these functions and checked against Node 20's
    // fdlibm-based Math.exp / Math.log, which agree exactly on these arguments.
    const hex = (x: number) => {
      const view = new DataView(new ArrayBuffer(8));
      view.setFloat64(0, x);
      return view.getBigUint64(0).toString(16);
    };
    expect(hex(exp(1))).toBe('4005bf0a8b14576a');
    expect(hex(exp(-3.5))).toBe(hex(0.0301973834223185));
    expect(hex(log(10))).toBe('40026bb1bbb55516');
    expect(hex(log(0.3))).toBe(hex(-1.2039728043259361));
  });

  it('pow2 and pow10 are exact', () => {
    expect(pow2(0)).toBe(1);
    expect(pow2(10)).toBe(1024);
    expect(pow2(-1074)).toBe(5e-324);
    expect(pow2(1024)).toBe(Infinity);
    expect(pow2(-1075)).toBe(0);
    expect([0, 1, 3, 6].map(pow10)).toEqual([1, 10, 1000, 1000000]);
    expect(() => pow10(-1)).toThrow(RangeError);
  });
});

describe('portable tanh', () => {
  it('equals 1 - 2 / (exp(2x) + 1) bit for bit, saturates to +-1, and tracks Math.tanh', () => {
    const rng = createRng(11);
    for (let i = 0; i < 20000; i++) {
      const x = rng.uniform(-25, 25);
      expect(Object.is(tanh(x), 1 - 2 / (exp(2 * x) + 1))).toBe(true);
      expect(Math.abs(tanh(x) - Math.tanh(x))).toBeLessThan(4e-16);
    }
    expect(tanh(30)).toBe(1);
    expect(tanh(-30)).toBe(-1);
    expect(tanh(0)).toBe(0);
    expect(Number.isNaN(tanh(NaN))).toBe(true);
  });
});
