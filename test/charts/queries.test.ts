import { describe, expect, it } from 'vitest';
import { boxScales, markerRadius, queryMarks } from '../../src/charts/queries';
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
