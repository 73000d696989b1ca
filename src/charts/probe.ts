/**
 * A chart's read-out probe over a list of points: keyboard stepping treats the points like a
 * slider's values (arrows step by one, Home and End jump to the ends), as WAI-ARIA's slider
 * pattern says; the pointer picks the nearest point, along x (a curve) or in the plane (a scatter).
 */
import type { PlotPoint } from './frame';
import { nearestIndex } from './scales';

/** Keys that step and by how much; Home and End are handled as jumps. */
const STEPS: Readonly<Record<string, number>> = {
  ArrowLeft: -1,
  ArrowDown: -1,
  ArrowRight: 1,
  ArrowUp: 1,
};

/**
 * The index a key moves the probe to among `count` points, starting from `here` (or from `start`
 * when nothing is selected yet); null for a key that does not move it.
 */
export function stepIndex(
  key: string,
  here: number | null,
  count: number,
  start: number,
): number | null {
  if (count <= 0) return null;
  const last = count - 1;
  const from = here ?? start;
  if (key === 'Home') return 0;
  if (key === 'End') return last;
  const step = Object.hasOwn(STEPS, key) ? STEPS[key] : undefined;
  if (step === undefined) return null;
  return Math.min(last, Math.max(0, from + step));
}

/**
 * The point nearest the pointer along x only (a curve's read-out: any height over a point picks
 * it). `pxs` must ascend, as a curve's x positions do; null when there are none.
 *
 * @param pxs the points' x positions, plot px, ascending
 * @param px the pointer's x, plot px
 */
export function nearestAlongX(pxs: readonly number[], px: number): number | null {
  const index = nearestIndex(pxs, px);
  return index < 0 ? null : index;
}

/**
 * The point nearest the pointer in the plane (Euclidean distance in px), or null when none lies
 * within `radius`. On a tie the later point wins, as it is drawn on top.
 *
 * @param points the points' positions, plot px
 * @param px the pointer, plot px
 * @param radius how far a point may be and still be picked, px
 */
export function nearestWithin(
  points: readonly PlotPoint[],
  px: number,
  py: number,
  radius: number,
): number | null {
  let best: number | null = null;
  let bestDistance = radius;
  points.forEach((point, i) => {
    const distance = Math.hypot(point.px - px, point.py - py);
    if (distance <= bestDistance) {
      bestDistance = distance;
      best = i;
    }
  });
  return best;
}
