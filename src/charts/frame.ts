/**
 * The shared chart frame's geometry and the shapes it passes to its layers (LayerCake's model:
 * the frame measures, lays out and scales; a chart is the layers drawn inside it). Plain
 * TypeScript: ChartFrame.svelte renders it, the tests check it without a DOM.
 */
import type { Margins, Tick } from './scales';

/** Width and height of a box, CSS px. */
export interface Size {
  width: number;
  height: number;
}

/** How the frame's height is chosen: a fixed total, or a square plot area that follows the width. */
export type FrameShape = { height: number } | { square: true };

/** The frame's box and its plot area (inside the margins), CSS px. */
export interface FrameGeometry {
  /** whole SVG */
  width: number;
  height: number;
  /** plot area: where the scales' ranges go */
  plot: Size;
}

/**
 * The frame's geometry for a measured `width`: the plot area is what the margins leave, never
 * smaller than `minPlot` on either side (a chart stays drawable in a narrow column and overflows
 * rather than collapsing). A square frame sets the plot height to the plot width and grows the
 * total height to fit; otherwise the total height is fixed.
 *
 * @param width measured container width, CSS px
 * @param margins space around the plot area for ticks and titles
 * @param shape fixed total height, or a square plot area
 * @param minPlot smallest plot side, CSS px
 */
export function frameGeometry(
  width: number,
  margins: Margins,
  shape: FrameShape,
  minPlot: number,
): FrameGeometry {
  const plotWidth = Math.max(minPlot, width - margins.left - margins.right);
  if ('square' in shape) {
    return {
      width,
      height: plotWidth + margins.top + margins.bottom,
      plot: { width: plotWidth, height: plotWidth },
    };
  }
  const plotHeight = Math.max(minPlot, shape.height - margins.top - margins.bottom);
  return { width, height: shape.height, plot: { width: plotWidth, height: plotHeight } };
}

/** A point in plot-area pixels (origin at the plot's top left). */
export interface PlotPoint {
  px: number;
  py: number;
}

/** A continuous D3 scale as the frame uses it: data to pixels, and back for the crosshair. */
export interface ContinuousScale {
  (value: number): number;
  invert(pixel: number): number;
}

/** The x and y scales a chart builds for its plot area; a chart may add more (colour, size...). */
export interface PlotScales {
  x: ContinuousScale;
  y: ContinuousScale;
}

/** The left and bottom axes: ticks with pixel offsets (src/charts/scales.ts) and titles. */
export interface AxesSpec {
  xTicks: Tick[];
  yTicks: Tick[];
  /** axis titles, with units */
  xLabel: string;
  yLabel: string;
  /** horizontal grid lines at the y ticks (default true) */
  grid?: boolean;
  /** distance from the axis line to each title, px */
  xLabelOffset?: number;
  yLabelOffset?: number;
}

/** One hidden data table of the text alternative: every cell already formatted. */
export interface DataTable {
  caption: string;
  /** column headings */
  columns: string[];
  rows: string[][];
  /** the first cell of each row names the row (`<th scope="row">`) */
  rowHeader?: boolean;
}

/**
 * A read-out that steps through a chart's points like a slider (WAI-ARIA slider pattern):
 * arrows, Home and End pick a point, the pointer picks the nearest one, a tooltip shows it.
 */
export interface PointProbe<S extends PlotScales = PlotScales> {
  kind: 'points';
  /** accessible name, e.g. "Learning curve: inspect a point" */
  label: string;
  /** every point the probe can select, in plot pixels, in the order the keys step through */
  points: (scales: S) => PlotPoint[];
  /** how the pointer picks: nearest along x (a curve), or nearest within `radius` px (a scatter) */
  nearest: 'x' | { radius: number };
  /** the index keys and focus start from (default 0) */
  start?: number;
  /** the selected point in words, for screen readers */
  valueText: (index: number) => string;
  /** the same when nothing is selected, e.g. "no point selected" */
  idleText: string;
  /** the tooltip's vertical anchor: the plot's top edge, or the point itself (centred on it) */
  tooltipAt: 'top' | 'point';
  /** gap between the anchor and the tooltip, px */
  tooltipGap: number;
  /** a click on a point, or Enter on the selected one, chooses it (e.g. applies a setting) */
  choose?: (index: number) => void;
}

/**
 * A 2-D crosshair over the data box: arrows move it (Shift for bigger steps), Home centres it,
 * Escape hides it; the whole frame is the widget (role="application") and a live line reads out
 * where it is.
 */
export interface CrosshairProbe {
  kind: 'crosshair';
  /** accessible name of the widget, with the keys it takes */
  label: string;
  /** aria-roledescription, e.g. "decision map" */
  roleDescription: string;
  /** the data box the crosshair stays inside: [min, max] per axis */
  box: { x: [number, number]; y: [number, number] };
  /** the live read-out for a point in data coordinates */
  readout: (x: number, y: number) => string;
  /** called with each new crosshair position, in data coordinates */
  onMove?: (x: number, y: number) => void;
}

export type FrameProbe<S extends PlotScales = PlotScales> = PointProbe<S> | CrosshairProbe;

/**
 * What the frame passes down to its layers, as snippet argument and as context (see
 * chartContext.ts): reactive getters, so a layer redraws when the size, scales or probe change.
 */
export interface FrameContext<S extends PlotScales = PlotScales> {
  readonly width: number;
  readonly height: number;
  readonly margins: Margins;
  readonly plot: Size;
  readonly scales: S;
  /** the probed point's index (point probe), or null */
  readonly active: number | null;
  /** the crosshair in data coordinates (crosshair probe), or null */
  readonly crosshair: { x: number; y: number } | null;
}
