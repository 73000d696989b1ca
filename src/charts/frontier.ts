/**
 * Data for the fidelity-vs-cost frontier: one series per swept knob, one point per level with its
 * mean and standard deviation over seeds on both axes. Levels still missing (a sweep arriving
 * level by level) or not finite are left out, so a partial sweep draws what it has.
 */
import { SWEEP_KNOB_BY_NAME } from '../core/registry/meta';
import type { SeedStat, SweepResult } from '../core/types';
import type { CostMeasure } from './costs';

export interface FrontierPoint {
  /** the knob's value at this level */
  level: number | string;
  /** human-readable level, e.g. "sigma 0.4" */
  label: string;
  /** defense cost on the chosen measure */
  cost: SeedStat;
  /** student fidelity (agreement with the victim on held-out inputs) */
  fidelity: SeedStat;
}

export interface FrontierSeries {
  knob: string;
  /** the knob's legend from the defense registry (or the knob name) */
  name: string;
  points: FrontierPoint[];
}

const finite = (s: SeedStat) => Number.isFinite(s.mean) && Number.isFinite(s.std);

/** Series for the chosen cost measure, in the sweeps' level order. */
export function frontierSeries(
  sweeps: readonly SweepResult[],
  measure: CostMeasure,
  names: Readonly<Record<string, string>> = {},
): FrontierSeries[] {
  return sweeps.map((sweep) => ({
    knob: sweep.knob,
    name: names[sweep.knob] ?? SWEEP_KNOB_BY_NAME.get(sweep.knob)?.label ?? sweep.knob,
    points: sweep.levels
      .filter((level) => finite(level[measure]) && finite(level.fidelity))
      .map((level) => ({
        level: level.level,
        label: level.label,
        cost: level[measure],
        fidelity: level.fidelity,
      })),
  }));
}

/** [min, max] of mean - std .. mean + std over the points' `axis` (null when there are none). */
export function spreadExtent(
  series: readonly FrontierSeries[],
  axis: 'cost' | 'fidelity',
): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    for (const p of s.points) {
      lo = Math.min(lo, p[axis].mean - p[axis].std);
      hi = Math.max(hi, p[axis].mean + p[axis].std);
    }
  }
  return lo <= hi ? [lo, hi] : null;
}
