/**
 * Data for the fidelity-vs-cost frontier: one series per swept knob, one point per level with its
 * mean and standard deviation over seeds on both axes. Levels still missing (a sweep arriving
 * level by level) or not finite are left out, so a partial sweep draws what it has.
 *
 * Small multiples (issue 10: "the cost chart says rate limits and detection are free"): one panel
 * per honest-user cost, and each defense's knobs drawn in the panel of every cost its DefenseMeta
 * declares (registry/meta.ts). A rate limit is never drawn at x = 0 of an accuracy axis it does
 * not move; it sits in "honest accounts limited", detection in "honest accounts flagged".
 */
import type { ScenarioKind } from '../core/config/schema';
import { defensesFor, knobsFor, SWEEP_KNOB_BY_NAME } from '../core/registry/meta';
import type { HonestCost, SweepKnob } from '../core/registry/types';
import type { SeedStat, SweepResult } from '../core/types';
import { costSpec, STEPS_DENIED_SPEC, type CostMeasure, type CostMeasureSpec } from './costs';

/** A panel's measure: one of the four scalar costs, or the chat kind's steps withheld. */
export type PanelMeasure = CostMeasure | 'stepsDenied';

/** The SweepLevel field of each honest-user cost a defense may declare. */
export const PANEL_MEASURE: Readonly<Record<HonestCost, PanelMeasure>> = {
  accuracyDrop: 'benignAccuracyDrop',
  distortion: 'distortion',
  benignBlocked: 'benignBlocked',
  falsePositives: 'falsePositives',
  stepsDenied: 'stepsDenied',
};

/** Panel order: what answers cost, then what gates and watchers cost. */
export const PANEL_ORDER: readonly HonestCost[] = [
  'accuracyDrop',
  'distortion',
  'benignBlocked',
  'falsePositives',
  'stepsDenied',
];

/** Names, axis titles and formats of a panel's measure. */
export function panelSpec(
  measure: PanelMeasure,
): Omit<CostMeasureSpec, 'measure'> & { measure: PanelMeasure } {
  return measure === 'stepsDenied' ? STEPS_DENIED_SPEC : costSpec(measure);
}

export interface CostPanel {
  cost: HonestCost;
  measure: PanelMeasure;
  /** the knobs drawn in it: those of the kind's defenses that declare this cost */
  knobs: SweepKnob[];
}

/**
 * The panels of a scenario kind: one per cost that at least one of its defenses declares, each
 * with the knobs of those defenses (in the kind's knob order).
 * @param kind the scenario kind (its defenses and knobs come from the registry)
 */
export function costPanels(kind: ScenarioKind): CostPanel[] {
  const knobs = knobsFor(kind);
  const defenses = defensesFor(kind);
  return PANEL_ORDER.flatMap((cost) => {
    const ids = new Set(defenses.filter((d) => d.costs.includes(cost)).map((d) => d.id));
    const inPanel = knobs.filter((k) => ids.has(k.defense));
    return inPanel.length > 0 ? [{ cost, measure: PANEL_MEASURE[cost], knobs: inPanel }] : [];
  });
}

/** A knob's place in its kind's list: the same colour and marker in every panel. */
export function styleIndex(kind: ScenarioKind, knob: string): number {
  return Math.max(
    0,
    knobsFor(kind).findIndex((k) => k.name === knob),
  );
}

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
  /** colour and marker (the knob's place in its kind's list, or the series' order) */
  style?: number;
  /** the knob's legend from the defense registry (or the knob name) */
  name: string;
  points: FrontierPoint[];
}

const finite = (s: SeedStat) => Number.isFinite(s.mean) && Number.isFinite(s.std);

/** Series for the chosen cost measure, in the sweeps' level order. */
export function frontierSeries(
  sweeps: readonly SweepResult[],
  measure: PanelMeasure,
  names: Readonly<Record<string, string>> = {},
): FrontierSeries[] {
  return sweeps.map((sweep) => ({
    knob: sweep.knob,
    name: names[sweep.knob] ?? SWEEP_KNOB_BY_NAME.get(sweep.knob)?.label ?? sweep.knob,
    points: sweep.levels.flatMap((level) => {
      const cost = level[measure];
      return cost && finite(cost) && finite(level.fidelity)
        ? [{ level: level.level, label: level.label, cost, fidelity: level.fidelity }]
        : [];
    }),
  }));
}

/**
 * One panel's series: the sweeps of its knobs, in the panel's order, each styled by its knob's
 * place in the kind's list. Knobs not swept yet have no series.
 */
export function panelSeries(
  panel: CostPanel,
  sweeps: readonly SweepResult[],
  kind: ScenarioKind,
  names: Readonly<Record<string, string>> = {},
): FrontierSeries[] {
  const byKnob = new Map(sweeps.map((s) => [s.knob, s]));
  const mine = panel.knobs.flatMap((k) => {
    const sweep = byKnob.get(k.name);
    return sweep ? [sweep] : [];
  });
  return frontierSeries(mine, panel.measure, names).map((s) => ({
    ...s,
    style: styleIndex(kind, s.knob),
  }));
}

/** A label to place beside a point, in plot pixels. */
export interface PointLabel {
  x: number;
  y: number;
  text: string;
}

/**
 * Which point labels to draw so that none overlaps another or a point drawn before it: greedy in
 * the given order (put the labels that matter most first). A label is a box `text.length *
 * charWidth` wide and `lineHeight` high, its left edge `gap` px right of the point and centred on
 * it vertically; when that box hits one already placed, it tries the left side of the point.
 * @returns per label: 'right', 'left', or null when it is left out (the tooltip still has it)
 */
export function placeLabels(
  labels: readonly PointLabel[],
  options: {
    charWidth: number;
    lineHeight: number;
    gap: number;
    width: number;
    /** boxes already taken, [x0, y0, x1, y1] (e.g. the "current setting" label) */
    occupied?: readonly [number, number, number, number][];
    /** the order to try the labels in (default: as given); the others keep their places */
    order?: readonly number[];
  },
): ('right' | 'left' | null)[] {
  const placed: [number, number, number, number][] = [...(options.occupied ?? [])];
  const sides: ('right' | 'left' | null)[] = labels.map(() => null);
  for (const i of options.order ?? labels.map((_, k) => k)) {
    const label = labels[i];
    if (label) sides[i] = placeOne(label);
  }
  return sides;

  function placeOne({ x, y, text }: PointLabel): 'right' | 'left' | null {
    const overlaps = (box: [number, number, number, number]) =>
      placed.some(([x0, y0, x1, y1]) => box[0] < x1 && box[2] > x0 && box[1] < y1 && box[3] > y0);
    const w = text.length * options.charWidth;
    const y0 = y - options.lineHeight / 2;
    const y1 = y + options.lineHeight / 2;
    const right: [number, number, number, number] = [x + options.gap, y0, x + options.gap + w, y1];
    const left: [number, number, number, number] = [x - options.gap - w, y0, x - options.gap, y1];
    for (const [side, box] of [
      ['right', right],
      ['left', left],
    ] as const) {
      if (box[0] < 0 || box[2] > options.width || overlaps(box)) continue;
      placed.push(box);
      return side;
    }
    return null;
  }
}

/**
 * The order to label a panel's points in: each series' strongest level first (the end of its
 * line says how far the defense goes), then its weakest, then the levels between, series by
 * series within each round.
 * @param sizes the number of points of each series, in the order they are flattened
 */
export function labelOrder(sizes: readonly number[]): number[] {
  const starts: number[] = [];
  let total = 0;
  for (const n of sizes) {
    starts.push(total);
    total += n;
  }
  const order: number[] = [];
  const seen = new Set<number>();
  const add = (i: number) => {
    if (!seen.has(i)) {
      seen.add(i);
      order.push(i);
    }
  };
  sizes.forEach((n, s) => n > 0 && add(starts[s]! + n - 1));
  sizes.forEach((n, s) => n > 0 && add(starts[s]!));
  const longest = Math.max(0, ...sizes);
  for (let k = 1; k < longest; k++) sizes.forEach((n, s) => k < n - 1 && add(starts[s]! + k));
  return order;
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
