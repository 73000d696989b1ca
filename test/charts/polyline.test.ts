// The learning curve's hand-written path: the same string as d3-shape's linear line() through the
// same points (the library it replaces on the first page), for random point lists.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { line } from 'd3-shape';
import { polylinePath } from '../../src/charts/polyline';

describe('polylinePath', () => {
  // One point: d3 closes the path ("M0,0Z"), which draws the same nothing.
  it('is empty for no points, a move for one, move-then-lines for more', () => {
    expect(
      polylinePath(
        [],
        (p: number) => p,
        (p) => p,
      ),
    ).toBe('');
    expect(
      polylinePath(
        [[1, 2]],
        (p) => p[0]!,
        (p) => p[1]!,
      ),
    ).toBe('M1,2');
    expect(
      polylinePath(
        [
          [0, 0],
          [10, 5],
          [20, -2.5],
        ],
        (p) => p[0]!,
        (p) => p[1]!,
      ),
    ).toBe('M0,0L10,5L20,-2.5');
  });

  it("draws exactly d3-shape's linear line() for two or more finite points", () => {
    const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.tuple(finite, finite), { minLength: 2, maxLength: 40 }), (pts) => {
        const d3 = line<[number, number]>()
          .x((p) => p[0])
          .y((p) => p[1])(pts);
        expect(
          polylinePath(
            pts,
            (p) => p[0],
            (p) => p[1],
          ),
        ).toBe(d3);
      }),
    );
  });
});
