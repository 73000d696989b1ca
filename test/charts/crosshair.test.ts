import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  boxCentre,
  clampToBox,
  crosshairKey,
  CROSSHAIR_BIG_STEP,
  CROSSHAIR_STEP,
  type DataBox,
} from '../../src/charts/crosshair';

/** the decision maps' box: [-2, 2] on both axes, so a step is 4 / 40 = 0.1 and a big one 0.5 */
const box: DataBox = { x: [-2, 2], y: [-2, 2] };

describe('crosshairKey', () => {
  it.each([
    ['ArrowRight', false, { x: 0.1, y: 0 }],
    ['ArrowLeft', false, { x: -0.1, y: 0 }],
    ['ArrowUp', false, { x: 0, y: 0.1 }],
    ['ArrowDown', false, { x: 0, y: -0.1 }],
    ['ArrowUp', true, { x: 0, y: 0.5 }],
    ['ArrowLeft', true, { x: -0.5, y: 0 }],
  ])('%s (shift %s) from the centre -> %o', (key, shift, to) => {
    expect(crosshairKey(key, shift, { x: 0, y: 0 }, box)).toEqual(to);
  });

  it('starts from the centre when hidden, and Home goes back there', () => {
    expect(crosshairKey('ArrowRight', false, null, { x: [0, 8], y: [10, 20] })).toEqual({
      x: 4 + 8 * CROSSHAIR_STEP,
      y: 15,
    });
    expect(crosshairKey('Home', false, { x: 1.9, y: -1.2 }, box)).toEqual({ x: 0, y: 0 });
  });

  it('uses each axis its own step (a box wider than tall)', () => {
    const wide: DataBox = { x: [0, 80], y: [0, 8] };
    expect(crosshairKey('ArrowUp', true, { x: 40, y: 4 }, wide)).toEqual({
      x: 40,
      y: 4 + 8 * CROSSHAIR_BIG_STEP,
    });
  });

  it('ignores other keys (Escape is the widget’s, not a move)', () => {
    expect(crosshairKey('Escape', false, { x: 0, y: 0 }, box)).toBeNull();
    expect(crosshairKey('a', true, null, box)).toBeNull();
  });

  it('never leaves the box, however many steps', () => {
    const keys = fc.constantFrom('ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home');
    fc.assert(
      fc.property(fc.array(fc.tuple(keys, fc.boolean()), { maxLength: 60 }), (presses) => {
        let here = boxCentre(box);
        for (const [key, shift] of presses) {
          here = crosshairKey(key, shift, here, box) ?? here;
          expect(here.x).toBeGreaterThanOrEqual(-2);
          expect(here.x).toBeLessThanOrEqual(2);
          expect(here.y).toBeGreaterThanOrEqual(-2);
          expect(here.y).toBeLessThanOrEqual(2);
        }
      }),
    );
  });
});

describe('clampToBox', () => {
  it('moves an outside point to the nearest edge and leaves an inside one', () => {
    expect(clampToBox({ x: 3, y: -5 }, box)).toEqual({ x: 2, y: -2 });
    expect(clampToBox({ x: 0.3, y: 1 }, box)).toEqual({ x: 0.3, y: 1 });
  });
});
