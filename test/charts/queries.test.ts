import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  boxScales,
  markerRadius,
  MAX_REFUSED_MARKS,
  queryCounts,
  queryMarks,
  refusedStride,
} from '../../src/charts/queries';
import { QUERY_STATUS } from '../../src/core/types';
import { makeTrace } from '../fixtures/charts';

const { answered, rateLimited, banned } = QUERY_STATUS;

describe('boxScales', () => {
  it('maps the box to the plot with y up', () => {
    const { x, y } = boxScales({ min: [-2, -1], max: [2, 1] }, 200, 100);
    expect(x(-2)).toBe(0);
    expect(x(2)).toBe(200);
    expect(y(1)).toBe(0);
    expect(y(-1)).toBe(100);
  });
});

describe('queryMarks', () => {
  const trace = makeTrace([
    [0, 0, answered, 0, 0],
    [1, 1, answered, 1, 1],
    [-1, 1, rateLimited, 255, 0],
    [1, -1, answered, 1, 0],
    [0.5, 0.5, banned, 255, 0],
  ]);
  const { x, y } = boxScales({ min: [-2, -2], max: [2, 2] }, 100, 100);

  it('puts one dot per answered query in its served class path', () => {
    const marks = queryMarks(trace, 2, x, y, { radius: 2 });
    expect(marks.answeredCount).toBe(3);
    expect(marks.refusedCount).toBe(2);
    expect(marks.watermarkedCount).toBe(1);
    // a circle is "M cx-r,cy a ..." : class 0 has one dot at (50, 50)
    expect(marks.answered[0]).toBe('M48,50a2,2 0 1,0 4,0a2,2 0 1,0 -4,0');
    expect(marks.answered[1]?.match(/M/g)).toHaveLength(2);
    // the ring sits around the watermarked query at (75, 25)
    expect(marks.watermarked.startsWith('M70.4,25')).toBe(true);
    // two crosses, two strokes each
    expect(marks.refused.match(/M/g)).toHaveLength(4);
  });

  it('draws only the first `limit` queries', () => {
    const marks = queryMarks(trace, 2, x, y, { limit: 2, radius: 2 });
    expect(marks.shown).toBe(2);
    expect(marks.answeredCount).toBe(2);
    expect(marks.refused).toBe('');
  });

  it('shrinks dots as the map fills up', () => {
    expect(markerRadius(100)).toBeGreaterThan(markerRadius(1000));
    expect(markerRadius(1000)).toBeGreaterThan(markerRadius(10000));
  });
});

describe('queryCounts', () => {
  it('counts what queryMarks draws, for any trace and limit', () => {
    const { x, y } = boxScales({ min: [-2, -2], max: [2, 2] }, 100, 100);
    const row = fc.tuple(
      fc.double({ min: -2, max: 2, noNaN: true }),
      fc.double({ min: -2, max: 2, noNaN: true }),
      fc.constantFrom(answered, rateLimited, banned),
      fc.integer({ min: 0, max: 2 }),
      fc.integer({ min: 0, max: 1 }),
    );
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 40 }),
        fc.option(fc.integer({ min: -1, max: 50 })),
        (rows, limit) => {
          const trace = makeTrace(rows);
          const marks = queryMarks(trace, 3, x, y, { limit: limit ?? undefined });
          const { shown, answeredCount, watermarkedCount, refusedCount } = marks;
          expect(queryCounts(trace, limit ?? undefined)).toEqual({
            shown,
            answeredCount,
            watermarkedCount,
            refusedCount,
          });
        },
      ),
    );
  });

  it('counts a hand-made trace: watermarks only among answered queries', () => {
    const trace = makeTrace([
      [0, 0, answered, 0, 1],
      [0, 0, banned, 255, 1],
      [0, 0, answered, 1, 0],
    ]);
    expect(queryCounts(trace)).toEqual({
      shown: 3,
      answeredCount: 2,
      watermarkedCount: 1,
      refusedCount: 1,
    });
    expect(queryCounts(trace, 1)).toEqual({
      shown: 1,
      answeredCount: 1,
      watermarkedCount: 1,
      refusedCount: 0,
    });
  });
});

describe('refused queries are thinned (issue 10: crosses hid the victim map)', () => {
  const crosses = (d: string) => (d.match(/M/g) ?? []).length / 2;
  it.each([
    [0, 1],
    [MAX_REFUSED_MARKS, 1],
    [MAX_REFUSED_MARKS + 1, 2],
    [9000, 30],
    [9001, 31],
  ])('%i refused: one in %i drawn', (refused, stride) => {
    expect(refusedStride(refused)).toBe(stride);
    expect(Math.ceil(refused / stride)).toBeLessThanOrEqual(MAX_REFUSED_MARKS);
  });
  it('draws every k-th refused query and every answered one', () => {
    // 9,000 refused and 1,000 answered, interleaved 9:1
    const rows = Array.from(
      { length: 10_000 },
      (_, i): [number, number, number, number, number] => [
        (i % 100) / 100,
        Math.floor(i / 100) / 100,
        i % 10 === 0 ? QUERY_STATUS.answered : QUERY_STATUS.rateLimited,
        i % 2,
        0,
      ],
    );
    const marks = queryMarks(
      makeTrace(rows),
      2,
      (v) => v * 100,
      (v) => v * 100,
    );
    expect(marks.refusedCount).toBe(9000);
    expect(marks.refusedStride).toBe(30);
    expect(crosses(marks.refused)).toBe(300);
    const dots = marks.answered.reduce((n, d) => n + (d.match(/M/g) ?? []).length, 0);
    expect(dots).toBe(1000);
    // a few refusals are all drawn
    const few = queryMarks(
      makeTrace(rows.slice(0, 100)),
      2,
      (v) => v,
      (v) => v,
    );
    expect(crosses(few.refused)).toBe(90);
    expect(few.refusedStride).toBe(1);
  });
});
