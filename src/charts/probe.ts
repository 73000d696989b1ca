/**
 * Keyboard stepping for a chart's read-out probe: a list of points is treated like a slider's
 * values (arrows step by one, Home and End jump to the ends), as WAI-ARIA's slider pattern says.
 */

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
