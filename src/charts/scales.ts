/**
 * Scale and tick helpers shared by the charts: plot-area geometry, linear and log scales over
 * positive data, readable ticks (1-2-5 on a log axis), and the fidelity axis domain.
 */
import { scaleLinear, scaleLog, type ScaleLinear, type ScaleLog } from './numericScale';
import { bisectCenter, extent } from 'd3-array';

/** Space around the plot area, in CSS pixels. */
export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The margins most charts use: room for tick labels on the left and an axis title below. */
export const DEFAULT_MARGINS: Margins = { top: 12, right: 16, bottom: 44, left: 52 };

/** Width and height of the plot area inside the margins (never negative). */
export function plotArea(width: number, height: number, margins: Margins) {
  return {
    width: Math.max(0, width - margins.left - margins.right),
    height: Math.max(0, height - margins.top - margins.bottom),
  };
}

export type AxisKind = 'linear' | 'log';
export type NumericScale = ScaleLinear | ScaleLog;

/** One labelled tick: the data value, its pixel offset along the axis, its label. */
export interface Tick {
  value: number;
  offset: number;
  label: string;
}

/**
 * A scale for query counts: log or linear over [min, max] of the data. A log scale needs positive
 * values, so non-positive ones are ignored for it; an empty or degenerate extent widens to a decade
 * (log) or to [0, 1] (linear) so the axis is always drawable.
 */
export function countScale(
  values: readonly number[],
  kind: AxisKind,
  range: [number, number],
): NumericScale {
  if (kind === 'log') {
    const [lo, hi] = extent(values.filter((v) => v > 0));
    const min = lo ?? 1;
    const max = hi ?? 10;
    return scaleLog()
      .domain(min === max ? [min / 2, max * 2] : [min, max])
      .range(range);
  }
  const [lo, hi] = extent(values);
  const min = Math.min(0, lo ?? 0);
  const max = hi ?? 1;
  return scaleLinear()
    .domain([min, max > min ? max : min + 1])
    .nice()
    .range(range);
}

/**
 * The fidelity (agreement) axis: from a round tenth at or below the smallest value (at most 0.5,
 * chance level for two classes) up to 1. Lines do not encode by length, so a floor above 0 is
 * honest, and it keeps 95% and 97% apart.
 */
export function shareDomain(values: readonly number[], ceiling = 0.5): [number, number] {
  const finite = values.filter((v) => Number.isFinite(v));
  const lowest = finite.length > 0 ? Math.min(ceiling, ...finite) : ceiling;
  return [Math.max(0, Math.floor(lowest * 10 + 1e-9) / 10), 1];
}

/**
 * Ticks of a linear scale: d3's nice ticks (about `count`), labelled by `format`, which also gets
 * the step between ticks (so a label can keep the decimals that tell neighbours apart).
 */
export function linearTicks(
  scale: ScaleLinear,
  count: number,
  format: (value: number, step: number) => string,
): Tick[] {
  const values = scale.ticks(count);
  const step = values.length > 1 ? Math.abs(values[1]! - values[0]!) : 0;
  return values.map((value) => ({ value, offset: scale(value), label: format(value, step) }));
}

/**
 * Ticks of a log scale: powers of ten, plus 2 and 5 times them when the axis spans at most three
 * decades (so there are never more than about ten labels).
 */
export function logTicks(scale: ScaleLog, format: (value: number) => string): Tick[] {
  const [d0, d1] = scale.domain() as [number, number];
  const lo = Math.min(d0, d1);
  const hi = Math.max(d0, d1);
  const decades = Math.log10(hi / lo);
  const mantissas = decades <= 3 ? [1, 2, 5] : [1];
  const ticks: Tick[] = [];
  for (
    let exponent = Math.floor(Math.log10(lo));
    exponent <= Math.ceil(Math.log10(hi));
    exponent++
  ) {
    for (const m of mantissas) {
      const value = m * 10 ** exponent;
      if (value >= lo * (1 - 1e-9) && value <= hi * (1 + 1e-9)) {
        ticks.push({ value, offset: scale(value), label: format(value) });
      }
    }
  }
  return ticks;
}

/** Ticks of either kind of scale. */
export function ticksOf(
  scale: NumericScale,
  kind: AxisKind,
  count: number,
  format: (value: number) => string,
): Tick[] {
  return kind === 'log'
    ? logTicks(scale as ScaleLog, format)
    : linearTicks(scale as ScaleLinear, count, format);
}

/** Index of the point whose x is nearest to `x` in an ascending array (-1 when empty). */
export function nearestIndex(xs: readonly number[], x: number): number {
  return xs.length === 0 ? -1 : bisectCenter(xs, x);
}
