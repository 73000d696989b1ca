/**
 * Words for a run's expected duration (the cost model's estimate, src/core/runCost.ts), shown
 * beside the progress bar when a run will take more than a few seconds.
 */

/** Runs estimated at least this long (ms) show their estimate and a Cancel button at once. */
export const SHOW_ESTIMATE_MS = 3000;
/** A run still going after this long (ms) shows Cancel even if it was estimated to be quick. */
export const SHOW_CANCEL_AFTER_MS = 2000;

/**
 * "about 40 s", "about 2 min": rounded to what a person can plan with.
 * @param ms estimated milliseconds
 */
export function formatDuration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 10) return `about ${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 90) return `about ${Math.round(seconds / 5) * 5} s`;
  return `about ${Math.round(seconds / 60)} min`;
}

/**
 * The largest run the page supports: every setting at its maximum (test/fixtures/largestRun.ts),
 * timed by `npm run bench -- --e2e` (test/e2e/long-run.spec.ts); README.md says the same.
 */
export const LARGEST_RUN_NOTE =
  'Largest supported run: every setting at its maximum, about 2 minutes on a laptop.';

/**
 * Time left of a stepped job from its pace so far: elapsed / done x (total - done), null until
 * one simulation is done. Simulations differ in cost (a misinformation level trains a model), so
 * this is the average pace, which the coarse-first order keeps representative.
 * @param count simulations done, of all, and the ms spent
 */
export function timeLeftMs(count: {
  done: number;
  total: number;
  elapsedMs: number;
}): number | null {
  if (count.done <= 0 || count.total <= 0) return null;
  return (count.elapsedMs / count.done) * Math.max(0, count.total - count.done);
}
