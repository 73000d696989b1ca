import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { frameGeometry } from '../../src/charts/frame';

const margins = { top: 10, right: 16, bottom: 42, left: 52 };

describe('frameGeometry', () => {
  it('a fixed height: the plot is what the margins leave', () => {
    // the learning curve at its fallback size: 480 - 52 - 16 = 412 wide, 250 - 10 - 42 = 198 high
    expect(frameGeometry(480, margins, { height: 250 }, 60)).toEqual({
      width: 480,
      height: 250,
      plot: { width: 412, height: 198 },
    });
  });

  it('a square plot follows the width and sets the height', () => {
    // the decision map at 320 px: side 320 - 40 - 8 = 272, height 272 + 6 + 38 = 316
    const map = { top: 6, right: 8, bottom: 38, left: 40 };
    expect(frameGeometry(320, map, { square: true }, 40)).toEqual({
      width: 320,
      height: 316,
      plot: { width: 272, height: 272 },
    });
  });

  it('never shrinks the plot below minPlot', () => {
    expect(frameGeometry(50, margins, { height: 40 }, 60).plot).toEqual({ width: 60, height: 60 });
    expect(frameGeometry(10, margins, { square: true }, 40)).toEqual({
      width: 10,
      height: 92,
      plot: { width: 40, height: 40 },
    });
  });

  it('plot + margins fill the frame whenever the plot is above its minimum', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 130, max: 4000 }),
        fc.integer({ min: 120, max: 2000 }),
        (w, h) => {
          const g = frameGeometry(w, margins, { height: h }, 60);
          expect(g.plot.width + margins.left + margins.right).toBe(w);
          expect(g.plot.height + margins.top + margins.bottom).toBe(h);
        },
      ),
    );
  });
});
