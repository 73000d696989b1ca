/**
 * Which query "What the attacker sees" shows before a person points at a map. The first query
 * often lies deep inside a class, where the victim is sure (100% / 0%) and full probabilities look
 * exactly like a label: the lesson's point, that a score tells the attacker how sure the model is,
 * would not show. So the default is the attacker's query whose clean answer is closest to a
 * chosen top probability (75%: clearly one class, clearly not certain), read from the victim's
 * decision map at the query (the same cell the panel reads). Deterministic: ties go to the
 * earliest query.
 */
import type { DecisionGrid, QueryTrace } from '../core/types';
import { cellAt } from './heatmap';

/** The top-class probability a default inspected point should show: sure, but not certain. */
export const INSPECT_TARGET_TOP = 0.75;

/**
 * The inspected point for a run.
 * @param queries the run's queries (2-D inputs, row by row)
 * @param grid the victim's decision map (class probabilities per cell)
 * @param target the top-class probability to come closest to
 * @returns the chosen query's input, or [0, 0] when there is no query
 */
export function defaultInspectPoint(
  queries: Pick<QueryTrace, 'count' | 'dims' | 'inputs'>,
  grid: DecisionGrid,
  target = INSPECT_TARGET_TOP,
): [number, number] {
  let best: [number, number] = [queries.inputs[0] ?? 0, queries.inputs[1] ?? 0];
  let bestGap = Infinity;
  for (let q = 0; q < queries.count; q++) {
    const x = queries.inputs[q * queries.dims] ?? 0;
    const y = queries.inputs[q * queries.dims + 1] ?? 0;
    const cell = cellAt(grid, x, y);
    let top = 0;
    for (let c = 0; c < grid.classes; c++)
      top = Math.max(top, grid.probabilities[cell * grid.classes + c] ?? 0);
    const gap = Math.abs(top - target);
    if (gap < bestGap) {
      bestGap = gap;
      best = [x, y];
    }
  }
  return best;
}
