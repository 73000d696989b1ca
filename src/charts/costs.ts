/**
 * The four defense-cost measures (REFERENCE.md, "Defense cost"): how each is named, which unit an
 * axis shows it in, and how a value is written. Stored values are shares or distances as the
 * simulator reports them (DefenseCost, SweepLevel); only the display changes units.
 */
import type { DefenseCost } from '../core/types';
import { HONEST_COST_WORDS } from '../core/registry/costWords';
import {
  formatDistortion,
  formatNumber,
  formatPercent,
  formatPoints,
  stepDecimals,
} from './format';

/** A share (or points) tick in percent: one decimal, more when the ticks are closer than 0.1. */
const percentTick = (v: number, step: number) =>
  formatNumber(v * 100, Math.max(1, stepDecimals(step * 100)));

/**
 * The four scalar costs (the per-defense split of the accuracy drop is not a measure of its own;
 * the chat kind's steps withheld from honest users is not drawn on the frontier yet).
 */
export type CostMeasure = Exclude<keyof DefenseCost, 'accuracyDropBy' | 'stepsDenied'>;

export interface CostMeasureSpec {
  measure: CostMeasure;
  /** short name for a select option or legend */
  label: string;
  /** axis title, with its unit */
  axis: string;
  /** plain-words explanation */
  help: string;
  /** a tick label (no unit: the axis title carries it), `step` apart from its neighbours */
  tick: (value: number, step: number) => string;
  /** a value with its unit, for tooltips and tables */
  text: (value: number) => string;
}

export const COST_MEASURES: readonly CostMeasureSpec[] = [
  {
    measure: 'benignAccuracyDrop',
    label: 'Accuracy drop',
    axis: `${HONEST_COST_WORDS.accuracyDrop.name} (points)`,
    help: HONEST_COST_WORDS.accuracyDrop.means,
    tick: percentTick,
    text: formatPoints,
  },
  {
    measure: 'distortion',
    label: 'Answer distortion',
    axis: 'Answer distortion (mean L1 distance)',
    help: HONEST_COST_WORDS.distortion.means,
    tick: (v, step) => formatNumber(v, Math.max(2, stepDecimals(step))),
    text: formatDistortion,
  },
  {
    measure: 'benignBlocked',
    // short: the menu of costs is as wide as its longest option (a phone has no room to spare)
    label: 'Hit the daily limit',
    axis: `${HONEST_COST_WORDS.benignBlocked.name} (%)`,
    help: HONEST_COST_WORDS.benignBlocked.means,
    tick: percentTick,
    text: (v) => formatPercent(v, 1),
  },
  {
    measure: 'falsePositives',
    label: 'False positives',
    axis: `${HONEST_COST_WORDS.falsePositives.name} (%)`,
    help: HONEST_COST_WORDS.falsePositives.means,
    tick: percentTick,
    text: (v) => formatPercent(v, 1),
  },
];

/** The spec of one measure (every CostMeasure has one). */
export function costSpec(measure: CostMeasure): CostMeasureSpec {
  const spec = COST_MEASURES.find((m) => m.measure === measure);
  if (!spec) throw new Error(`unknown cost measure ${String(measure)}`);
  return spec;
}

/**
 * The chat kind's own cost (DefenseCost.stepsDenied): honest requests that wanted the model's
 * reasoning steps and did not get them. Not one of the four scalar measures above (the other
 * kinds do not report it), but a frontier panel of its own for the chat kind's hidden reasoning.
 */
export const STEPS_DENIED_SPEC: Omit<CostMeasureSpec, 'measure'> & { measure: 'stepsDenied' } = {
  measure: 'stepsDenied',
  label: 'Steps denied',
  axis: `${HONEST_COST_WORDS.stepsDenied.name} (%)`,
  help: HONEST_COST_WORDS.stepsDenied.means,
  tick: percentTick,
  text: (v) => formatPercent(v, 1),
};
