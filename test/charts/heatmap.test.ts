import { describe, expect, it } from 'vitest';
import {
  FULL_COLOUR_ODDS,
  MAX_ALPHA,
  MAX_ALPHA_DARK,
  maxAlphaFor,
  argmaxCell,
  MIN_ALPHA,
  cellAt,
  classShares,
  confidenceAlpha,
  disagreementMask,
  maskOutlinePath,
  maskShare,
  paintDecisionGrid,
  predictedClasses,
  withoutIsolatedCells,
} from '../../src/charts/heatmap';
import type { Rgb } from '../../src/charts/palette';
import { makeGrid, splitGrid } from '../fixtures/charts';

const WHITE: Rgb = [255, 255, 255];
const ORANGE: Rgb = [230, 159, 0];
const BLUE: Rgb = [0, 114, 178];

describe('paintDecisionGrid', () => {
  it('colours each pixel by the top class, mixed onto the background by confidence', () => {
    // 2x2 grid, 2 classes: certain class 0, certain class 1, a tie, and odds of sqrt(19):1 for class 1
    const r = Math.sqrt(FULL_COLOUR_ODDS);
    const grid = {
      resolution: 2,
      classes: 2,
      box: { min: [-1, -1], max: [1, 1] },
      probabilities: Float32Array.from([1, 0, 0, 1, 0.5, 0.5, 1 / (1 + r), r / (1 + r)]),
    };
    const px = paintDecisionGrid(grid, { colours: [ORANGE, BLUE], background: WHITE });
    expect(px.length).toBe(16);
    const at = (i: number) => Array.from(px.slice(i * 4, i * 4 + 4));
    const blend = (c: Rgb, a: number) => [
      ...c.map((v, k) => Math.round(WHITE[k]! + (v - WHITE[k]!) * a)),
      255,
    ];
    expect(at(0)).toEqual(blend(ORANGE, MAX_ALPHA));
    expect(at(1)).toEqual(blend(BLUE, MAX_ALPHA));
    expect(at(2)).toEqual(blend(ORANGE, MIN_ALPHA)); // tie -> class 0, palest
    // half the log-odds of full colour -> halfway opacity (to Float32 rounding of the input)
    const half = blend(BLUE, (MIN_ALPHA + MAX_ALPHA) / 2);
    at(3).forEach((v, k) => expect(Math.abs(v - (half[k] ?? 0))).toBeLessThanOrEqual(1));
  });

  it('gives dark panels more colour in confident regions', () => {
    expect(maxAlphaFor([255, 255, 255])).toBe(MAX_ALPHA);
    expect(maxAlphaFor([27, 30, 35])).toBe(MAX_ALPHA_DARK);
  });

  it('reuses the output buffer when it has the right length', () => {
    const grid = splitGrid(4);
    const out = new Uint8ClampedArray(4 * 4 * 4);
    expect(paintDecisionGrid(grid, { colours: [ORANGE, BLUE], background: WHITE }, out)).toBe(out);
  });

  it('confidenceAlpha is linear in the log-odds of top over runner-up, clamped', () => {
    expect(confidenceAlpha(0.4, 0.4, 0.1, 0.9)).toBeCloseTo(0.1, 12);
    expect(confidenceAlpha(0.95, 0.05, 0.1, 0.9)).toBeCloseTo(0.9, 12);
    expect(confidenceAlpha(0.99, 0.01, 0.1, 0.9)).toBe(0.9);
    const r = Math.sqrt(FULL_COLOUR_ODDS);
    expect(confidenceAlpha(r / (1 + r), 1 / (1 + r), 0.1, 0.9)).toBeCloseTo(0.5, 12);
    // three classes: only the top two matter
    expect(confidenceAlpha(0.45, 0.45, 0.1, 0.9)).toBeCloseTo(0.1, 12);
    expect(confidenceAlpha(1, 0, 0.1, 0.9)).toBe(0.9);
  });

  it('argmaxCell reports the runner-up', () => {
    const grid = {
      resolution: 1,
      classes: 3,
      box: { min: [-1, -1], max: [1, 1] },
      probabilities: Float32Array.from([0.2, 0.5, 0.3]),
    };
    const { label, p, second } = argmaxCell(grid, 0);
    expect(label).toBe(1);
    expect(p).toBeCloseTo(0.5, 6);
    expect(second).toBeCloseTo(0.3, 6);
  });
});

describe('grid summaries', () => {
  it('predicted classes, class shares and the cell under a point', () => {
    const grid = splitGrid(8, 0); // left half class 0, right half class 1
    const labels = predictedClasses(grid);
    expect(labels[0]).toBe(0);
    expect(labels[7]).toBe(1);
    expect(classShares(grid)).toEqual([0.5, 0.5]);
    // (x=1.9, y=1.9) is the top-right cell; (x=-1.9, y=-1.9) the bottom-left.
    expect(cellAt(grid, 1.9, 1.9)).toBe(7);
    expect(cellAt(grid, -1.9, -1.9)).toBe(56);
    expect(cellAt(grid, 99, -99)).toBe(63); // clamped
  });

  it('the disagreement mask marks exactly the cells whose top class differs', () => {
    const victim = splitGrid(8, 0);
    const student = splitGrid(8, 1); // cells with 0 < x <= 1 differ: two columns of eight
    const mask = disagreementMask(student, victim);
    expect(maskShare(mask)).toBeCloseTo(16 / 64, 12);
    expect(mask[4]).toBe(1);
    expect(mask[5]).toBe(1);
    expect(mask[6]).toBe(0);
    expect(() => disagreementMask(splitGrid(4), victim)).toThrow(/resolution 4 vs 8/);
  });

  it('the outline encloses the disagreeing columns, scaled to the plot', () => {
    const mask = disagreementMask(splitGrid(8, 1), splitGrid(8, 0));
    const path = maskOutlinePath(mask, 8, 80, 80);
    const xs = [...path.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => Number(m[1]));
    // columns 4 and 5 span x in [40, 60]; marching squares cuts half a cell inside the edge cells
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(35);
    expect(Math.max(...xs)).toBeLessThanOrEqual(65);
    expect(path.endsWith('Z')).toBe(true);
    expect(maskOutlinePath(new Float64Array(64), 8, 80, 80)).toBe('');
  });

  it('drops lone disagreeing cells (no edge neighbour) and counts them; regions stay', () => {
    // 5x5: a diagonal pair (each lone: only corner neighbours), a 2-cell bar, a cell on the edge
    const rows = ['10000', '01011', '00000', '00000', '00001'];
    const mask = Float64Array.from(rows.join(''), (c) => Number(c));
    const { mask: kept, isolated } = withoutIsolatedCells(mask, 5);
    expect(isolated).toBe(3);
    expect(Array.from(kept).join('')).toBe('0000000011000000000000000');
    expect(Array.from(mask).join('')).toBe(rows.join('')); // the input is not changed
    expect(withoutIsolatedCells(new Float64Array(25), 5).isolated).toBe(0);
    // the two disagreeing columns of a shifted boundary are a region: nothing dropped
    const band = disagreementMask(splitGrid(8, 1), splitGrid(8, 0));
    expect(withoutIsolatedCells(band, 8)).toEqual({ mask: band, isolated: 0 });
  });

  it('three classes: shares add up to one', () => {
    const grid = makeGrid(6, 3, (x, y) =>
      x < 0 ? [0.8, 0.1, 0.1] : y > 0 ? [0.1, 0.8, 0.1] : [0.1, 0.1, 0.8],
    );
    const shares = classShares(grid);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(shares).toEqual([0.5, 0.25, 0.25]);
  });
});
