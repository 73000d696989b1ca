/**
 * Pure painters for decision maps: a DecisionGrid becomes RGBA pixels (one pixel per grid cell,
 * row 0 at the top, as the grid is stored), coloured by the most likely class and faded toward the
 * background as the model grows unsure (lightness by confidence), like TensorFlow Playground. No canvas here: the component
 * puts the pixels on a canvas; tests read them directly.
 */
import { contours } from 'd3-contour';
import type { DecisionGrid } from '../core/types';
import { relativeLuminance, type Rgb } from './palette';

export interface HeatmapStyle {
  /** colour of each class, 0..255 sRGB */
  colours: readonly Rgb[];
  /** colour behind the map (the panel), which unsure regions fade to */
  background: Rgb;
  /** opacity of the class colour where the model is sure (top class at FULL_COLOUR_ODDS or more) */
  maxAlpha?: number;
  /** opacity where the top two classes tie */
  minAlpha?: number;
}

/**
 * Default opacities: confident regions clearly coloured but lighter than the full class colour, so
 * the query dots drawn on top in full colour stand out; ties nearly background.
 */
export const MAX_ALPHA = 0.62;
export const MIN_ALPHA = 0.03;
/** On a dark panel mixing darkens the colours, so confident regions get more of them. */
export const MAX_ALPHA_DARK = 0.8;

/** The opacity of confident regions for a background: MAX_ALPHA, or MAX_ALPHA_DARK on dark ones. */
export function maxAlphaFor(background: Rgb): number {
  return relativeLuminance(background) < 0.2 ? MAX_ALPHA_DARK : MAX_ALPHA;
}

/** Number of cells of a grid (resolution squared). */
export function cellCount(grid: DecisionGrid): number {
  return grid.resolution * grid.resolution;
}

/** Most likely class of each cell (ties go to the lower class index). */
export function predictedClasses(grid: DecisionGrid): Uint8Array {
  const cells = cellCount(grid);
  const out = new Uint8Array(cells);
  for (let cell = 0; cell < cells; cell++) out[cell] = argmaxCell(grid, cell).label;
  return out;
}

/** Top class at one cell, its probability p, and the runner-up's probability. */
export function argmaxCell(
  grid: DecisionGrid,
  cell: number,
): { label: number; p: number; second: number } {
  const base = cell * grid.classes;
  let label = 0;
  let p = -Infinity;
  let second = -Infinity;
  for (let c = 0; c < grid.classes; c++) {
    const q = grid.probabilities[base + c] ?? 0;
    if (q > p) {
      second = p;
      p = q;
      label = c;
    } else if (q > second) {
      second = q;
    }
  }
  return { label, p, second: Math.max(0, second) };
}

/**
 * Odds of the top class over the runner-up at which a cell is painted in full colour: 19:1, i.e.
 * p = 0.95 for two classes. Below it the colour fades with the log-odds, so the pale band along a
 * boundary is as wide as the model's uncertainty, not just the one or two cells where p is near 1/2
 * (softmax saturates fast; a linear map of p would draw a hairline).
 */
export const FULL_COLOUR_ODDS = 19;

/**
 * Opacity of the class colour for a cell whose top class has probability `top` and runner-up
 * `second`: t = ln(top / second) / ln(FULL_COLOUR_ODDS), clamped to [0, 1], from minAlpha at a tie
 * to maxAlpha at 19:1 odds or more.
 */
export function confidenceAlpha(top: number, second: number, minAlpha: number, maxAlpha: number) {
  const t =
    second <= 0 ? 1 : Math.min(1, Math.max(0, Math.log(top / second) / Math.log(FULL_COLOUR_ODDS)));
  return minAlpha + (maxAlpha - minAlpha) * t;
}

/**
 * Paints the grid: pixel i (row-major, row 0 = top = box.max[1]) gets the colour of cell i's top
 * class mixed onto the background with confidenceAlpha (log-odds of top over runner-up). Returns resolution^2 * 4 bytes (RGBA, opaque),
 * writing into `out` when it has the right length.
 */
export function paintDecisionGrid(
  grid: DecisionGrid,
  style: HeatmapStyle,
  out?: Uint8ClampedArray<ArrayBuffer>,
): Uint8ClampedArray<ArrayBuffer> {
  const cells = cellCount(grid);
  const pixels = out && out.length === cells * 4 ? out : new Uint8ClampedArray(cells * 4);
  const minAlpha = style.minAlpha ?? MIN_ALPHA;
  const maxAlpha = style.maxAlpha ?? MAX_ALPHA;
  const [br, bg, bb] = style.background;
  for (let cell = 0; cell < cells; cell++) {
    const { label, p, second } = argmaxCell(grid, cell);
    const [r, g, b] = style.colours[label] ?? style.background;
    const a = confidenceAlpha(p, second, minAlpha, maxAlpha);
    const o = cell * 4;
    pixels[o] = br + (r - br) * a;
    pixels[o + 1] = bg + (g - bg) * a;
    pixels[o + 2] = bb + (b - bb) * a;
    pixels[o + 3] = 255;
  }
  return pixels;
}

/** Share of the map's cells predicted as each class. */
export function classShares(grid: DecisionGrid): number[] {
  const shares = new Array<number>(grid.classes).fill(0);
  const labels = predictedClasses(grid);
  for (const label of labels) shares[label] = (shares[label] ?? 0) + 1;
  return shares.map((count) => count / Math.max(1, labels.length));
}

/**
 * 1 where the two grids' top classes differ, 0 where they agree. The grids must cover the same box
 * at the same resolution (the victim's and the student's maps do).
 */
export function disagreementMask(a: DecisionGrid, b: DecisionGrid): Float64Array {
  if (a.resolution !== b.resolution || a.classes !== b.classes) {
    throw new Error(
      `disagreementMask: grids differ (resolution ${a.resolution} vs ${b.resolution}, classes ${a.classes} vs ${b.classes})`,
    );
  }
  const la = predictedClasses(a);
  const lb = predictedClasses(b);
  const mask = new Float64Array(la.length);
  for (let i = 0; i < la.length; i++) mask[i] = la[i] === lb[i] ? 0 : 1;
  return mask;
}

/** Mean of a 0/1 mask: the share of the map where the models disagree. */
export function maskShare(mask: Float64Array): number {
  let sum = 0;
  for (const v of mask) sum += v;
  return mask.length === 0 ? 0 : sum / mask.length;
}

/**
 * The mask without its isolated cells: 1-cells none of whose four edge neighbours is 1. On a close
 * copy these are mostly the decision boundary drawn one cell apart, which marching squares outlines
 * as strings of tiny diamonds that read as noise. They are real disagreements, so callers keep
 * `isolated` (how many were dropped) for the legend and the text alternative.
 */
export function withoutIsolatedCells(
  mask: Float64Array,
  resolution: number,
): { mask: Float64Array; isolated: number } {
  const kept = new Float64Array(mask);
  let isolated = 0;
  const on = (row: number, col: number) =>
    row >= 0 &&
    row < resolution &&
    col >= 0 &&
    col < resolution &&
    mask[row * resolution + col] === 1;
  for (let row = 0; row < resolution; row++) {
    for (let col = 0; col < resolution; col++) {
      if (mask[row * resolution + col] !== 1) continue;
      if (on(row - 1, col) || on(row + 1, col) || on(row, col - 1) || on(row, col + 1)) continue;
      kept[row * resolution + col] = 0;
      isolated++;
    }
  }
  return { mask: kept, isolated };
}

/**
 * Outline of the 1-regions of a resolution x resolution mask as an SVG path in a width x height
 * box (marching squares from d3-contour at level 0.5; cell i's centre sits at i + 0.5). Empty
 * string when the mask is all zero.
 */
export function maskOutlinePath(
  mask: Float64Array,
  resolution: number,
  width: number,
  height: number,
): string {
  if (maskShare(mask) === 0) return '';
  const [shape] = contours().size([resolution, resolution]).thresholds([0.5])(Array.from(mask));
  if (!shape) return '';
  const sx = width / resolution;
  const sy = height / resolution;
  const parts: string[] = [];
  for (const polygon of shape.coordinates) {
    for (const ring of polygon) {
      ring.forEach(([x, y], i) => {
        parts.push(`${i === 0 ? 'M' : 'L'}${round2((x ?? 0) * sx)},${round2((y ?? 0) * sy)}`);
      });
      parts.push('Z');
    }
  }
  return parts.join('');
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * The grid cell under input point (x, y), using the layout paintDecisionGrid draws: the box split
 * into resolution x resolution equal cells, row 0 at the top (y = box.max[1]). Points outside the
 * box clamp to the nearest edge cell.
 */
export function cellAt(grid: DecisionGrid, x: number, y: number): number {
  const [x0 = -1, y0 = -1] = grid.box.min;
  const [x1 = 1, y1 = 1] = grid.box.max;
  const r = grid.resolution;
  const col = Math.min(r - 1, Math.max(0, Math.floor(((x - x0) / (x1 - x0)) * r)));
  const row = Math.min(r - 1, Math.max(0, Math.floor(((y1 - y) / (y1 - y0)) * r)));
  return row * r + col;
}
