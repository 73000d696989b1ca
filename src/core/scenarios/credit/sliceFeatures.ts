/**
 * Which two features the credit slice shows (issue 11: "two features chosen by the learner, others
 * at the median"), from the config fields scenario.sliceX and scenario.sliceY. Light on purpose:
 * the page's selects use it too (the slice itself is computed in the worker, ./slice.ts).
 */

/**
 * The slice's two features, 0-based, from the config's sliceX and sliceY (numbered from 1): a
 * number past the `dims` features of the run falls back to the first feature, and Y equal to X to
 * the first other one, so every link opens to a valid slice (the page offers only valid pairs).
 */
export function sliceFeatures(sliceX: number, sliceY: number, dims: number): [number, number] {
  const valid = (n: number) => Number.isInteger(n) && n >= 1 && n <= dims;
  const across = valid(sliceX) ? sliceX - 1 : 0;
  const up = valid(sliceY) && sliceY - 1 !== across ? sliceY - 1 : across === 0 ? 1 : 0;
  return [across, up];
}
