import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { placeTooltip, type TooltipOptions } from '../../src/charts/tooltip';

const frame = { width: 480, height: 250 };
const tip = { width: 150, height: 60 };
/** the learning curve's choice: top-aligned, 10 px gap, flip past 60% of a 412 px plot at x 52 */
const curve: TooltipOptions = { gap: 10, align: 'top', flipAfter: 52 + 412 * 0.6 };

describe('placeTooltip', () => {
  it('goes right of the anchor by the gap', () => {
    expect(placeTooltip({ x: 100, y: 10 }, tip, frame, curve)).toEqual({
      left: 110,
      top: 10,
      side: 'right',
    });
  });

  it('goes left past flipAfter, even where it would fit on the right', () => {
    // anchor 300 > 299.2: left edge at 300 - 10 - 150
    expect(placeTooltip({ x: 300, y: 10 }, tip, frame, curve)).toEqual({
      left: 140,
      top: 10,
      side: 'left',
    });
  });

  it('goes left when the right side would cross the frame (a phone-width chart)', () => {
    const phone = { width: 340, height: 250 };
    const placed = placeTooltip({ x: 200, y: 10 }, tip, phone, { ...curve, flipAfter: 1000 });
    expect(placed).toEqual({ left: 40, top: 10, side: 'left' });
  });

  it('centres on the anchor when asked, clamped to the frame’s top and bottom', () => {
    const scatter: TooltipOptions = { gap: 12, align: 'middle', flipAfter: 1000 };
    expect(placeTooltip({ x: 100, y: 120 }, tip, frame, scatter).top).toBe(90);
    expect(placeTooltip({ x: 100, y: 12 }, tip, frame, scatter).top).toBe(0);
    expect(placeTooltip({ x: 100, y: 245 }, tip, frame, scatter).top).toBe(190);
  });

  it('stays inside the frame whenever the tooltip fits in it', () => {
    fc.assert(
      fc.property(
        fc.record({
          x: fc.double({ min: 0, max: 480, noNaN: true }),
          y: fc.double({ min: 0, max: 250, noNaN: true }),
        }),
        fc.record({
          width: fc.integer({ min: 0, max: 480 }),
          height: fc.integer({ min: 0, max: 250 }),
        }),
        fc.constantFrom<'top' | 'middle'>('top', 'middle'),
        fc.double({ min: 0, max: 480, noNaN: true }),
        (anchor, size, align, flipAfter) => {
          const placed = placeTooltip(anchor, size, frame, { gap: 10, align, flipAfter });
          expect(placed.left).toBeGreaterThanOrEqual(0);
          expect(placed.top).toBeGreaterThanOrEqual(0);
          expect(placed.left + size.width).toBeLessThanOrEqual(frame.width + 1e-9);
          expect(placed.top + size.height).toBeLessThanOrEqual(frame.height + 1e-9);
        },
      ),
    );
  });

  it('pins a tooltip wider than the frame to its left edge', () => {
    expect(placeTooltip({ x: 100, y: 0 }, { width: 600, height: 20 }, frame, curve).left).toBe(0);
  });
});
