/**
 * The hand-written numeric scales against d3-scale itself: the same pixels, inverses, ticks and
 * nice domains to the bit, on random domains (ascending, descending, empty), ranges and inputs.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as d3 from 'd3-scale';
import { scaleLinear, scaleLog } from '../../src/charts/numericScale';

/** What `f` returns, or the name of the error it throws (d3-array's ticks throw on subnormal spans). */
function outcome<T>(f: () => T): T | string {
  try {
    return f();
  } catch (error) {
    return error instanceof Error ? error.name : 'thrown';
  }
}

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const positive = fc.double({ min: 1e-6, max: 1e9, noNaN: true, noDefaultInfinity: true });

describe('scaleLinear', () => {
  it('maps, inverts and clamps as d3-scale does', () => {
    fc.assert(
      fc.property(
        finite,
        finite,
        finite,
        finite,
        finite,
        fc.boolean(),
        (d0, d1, r0, r1, x, clamp) => {
          const ours = scaleLinear().domain([d0, d1]).range([r0, r1]).clamp(clamp);
          const theirs = d3.scaleLinear().domain([d0, d1]).range([r0, r1]).clamp(clamp);
          expect(ours(x)).toBe(theirs(x));
          expect(ours.invert(x)).toBe(theirs.invert(x));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('gives the same ticks and nice domains', () => {
    fc.assert(
      fc.property(finite, finite, fc.integer({ min: 1, max: 20 }), (d0, d1, count) => {
        const ours = scaleLinear().domain([d0, d1]);
        const theirs = d3.scaleLinear().domain([d0, d1]);
        expect(outcome(() => ours.ticks(count))).toEqual(outcome(() => theirs.ticks(count)));
        expect(outcome(() => ours.nice(count).domain())).toEqual(
          outcome(() => theirs.nice(count).domain()),
        );
        expect(outcome(() => ours.ticks())).toEqual(outcome(() => theirs.ticks()));
      }),
      { numRuns: 2000 },
    );
  });

  it('handles the cases charts meet: defaults, a one-value domain, NaN', () => {
    expect(scaleLinear()(0.25)).toBe(0.25);
    expect(scaleLinear().domain([3, 3]).range([0, 100])(7)).toBe(50);
    expect(scaleLinear()(NaN)).toBeNaN();
    expect(scaleLinear().domain([0, 0.93]).nice().domain()).toEqual([0, 1]);
    expect(scaleLinear().domain([0, 10]).range([100, 0]).invert(25)).toBe(7.5);
  });
});

describe('scaleLog', () => {
  it('maps and inverts as d3-scale does over positive domains', () => {
    fc.assert(
      fc.property(
        positive,
        positive,
        finite,
        finite,
        positive,
        fc.boolean(),
        (d0, d1, r0, r1, x, clamp) => {
          const ours = scaleLog().domain([d0, d1]).range([r0, r1]).clamp(clamp);
          const theirs = d3.scaleLog().domain([d0, d1]).range([r0, r1]).clamp(clamp);
          expect(ours(x)).toBe(theirs(x));
          expect(ours.invert(r0 + (r1 - r0) / 3)).toBe(theirs.invert(r0 + (r1 - r0) / 3));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('starts from d3’s default domain [1, 10]', () => {
    expect(scaleLog().domain()).toEqual([1, 10]);
    expect(scaleLog().range([0, 100])(Math.sqrt(10))).toBeCloseTo(50, 12);
  });
});
