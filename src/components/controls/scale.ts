/**
 * Slider scales and value formats for the controls. A log slider maps positions 0..steps onto
 * value = min * (max / min)^(position / steps), so each step multiplies the value by the same
 * factor; values are rounded to two significant figures (integers for integer fields) so that
 * the numbers shown and put in share links stay short.
 */

export interface SliderScale {
  /** slider positions run from 0 to `steps` */
  steps: number;
  /** the value at a slider position (rounded, clamped to the field's range) */
  toValue(position: number): number;
  /** the slider position nearest to a value */
  toPosition(value: number): number;
}

/** Rounds to `digits` significant figures: 1234 -> 1200, 0.012345 -> 0.012. */
export function roundSignificant(value: number, digits = 2): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  return Number(value.toPrecision(digits));
}

/** Log-scale positions per decade: 24 gives steps of about x1.1 (10, 11, 12, 13, 15, ...). */
export const LOG_STEPS_PER_DECADE = 24;

export function logScale(min: number, max: number, integer: boolean): SliderScale {
  const decades = Math.log10(max / min);
  const steps = Math.max(1, Math.round(decades * LOG_STEPS_PER_DECADE));
  const clamp = (v: number) => Math.min(max, Math.max(min, v));
  return {
    steps,
    toValue(position) {
      if (position <= 0) return min;
      if (position >= steps) return max;
      const raw = min * Math.pow(max / min, position / steps);
      const rounded = roundSignificant(raw, 2);
      return clamp(integer ? Math.round(rounded) : rounded);
    },
    toPosition(value) {
      if (!(value > 0)) return 0;
      const p = Math.round((Math.log10(value / min) / decades) * steps);
      return Math.min(steps, Math.max(0, p));
    },
  };
}

export function linearScale(min: number, max: number, step: number): SliderScale {
  const steps = Math.max(1, Math.round((max - min) / step));
  // Round away binary noise (0.1 + 0.2): keep as many decimals as the step has.
  const decimals = Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
  return {
    steps,
    toValue(position) {
      const p = Math.min(steps, Math.max(0, Math.round(position)));
      return Math.min(max, Number((min + p * step).toFixed(decimals)));
    },
    toPosition(value) {
      return Math.min(steps, Math.max(0, Math.round((value - min) / step)));
    },
  };
}

/**
 * A whole number with comma thousands separators (12,345), as toLocaleString('en-US') writes it.
 * By hand because toLocaleString builds an ICU number formatter on every call: with the panels'
 * many fields that was about a quarter of the page's first render (a Chromium profile of the
 * first load, issue 14). Not charts/format.ts's formatCount: d3-format writes negatives with a
 * Unicode minus (−), and a field's text must parse back as a number.
 */
export function groupThousands(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A field value for display: integers with thousands separators, small numbers in scientific
 * notation (1e-9), others with up to 3 significant decimals (0.125, 2.5).
 */
export function formatFieldNumber(value: number, integer: boolean): string {
  if (!Number.isFinite(value)) return '–';
  if (integer) return groupThousands(value);
  if (value !== 0 && Math.abs(value) < 0.001) {
    const [mantissa = '', exponent = ''] = value.toExponential(1).split('e');
    return `${mantissa.replace(/\.0$/, '')}e${exponent}`;
  }
  if (Math.abs(value) >= 1000) return groupThousands(value);
  return String(Number(value.toPrecision(3)));
}
