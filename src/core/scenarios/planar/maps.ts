/**
 * Decision maps of the planar kind: a model's class probabilities on a regular grid over the
 * input box (the victim's, the student's, and the student's after each curve point for Play).
 */
import type { Classifier, DecisionGrid, InputBox } from '../../types';

/** Cells per side of the decision maps (64x64 cost 25% of a run for no visible gain). */
export const GRID_RESOLUTION = 48;

/** The grid's input points, row-major, y from box.max[1] (top row) down, x from box.min[0]. */
export function gridInputs(box: InputBox, resolution: number): Float64Array {
  const inputs = new Float64Array(resolution * resolution * 2);
  const [x0, y0] = [box.min[0]!, box.min[1]!];
  const [x1, y1] = [box.max[0]!, box.max[1]!];
  for (let row = 0; row < resolution; row++) {
    // Cell centres: (k + 0.5) / resolution of the way across.
    const y = y1 - ((row + 0.5) / resolution) * (y1 - y0);
    for (let col = 0; col < resolution; col++) {
      const i = row * resolution + col;
      inputs[2 * i] = x0 + ((col + 0.5) / resolution) * (x1 - x0);
      inputs[2 * i + 1] = y;
    }
  }
  return inputs;
}

/** A model's class probabilities on the grid (as Float32 to halve what crosses the worker). */
export function decisionGrid(
  model: Classifier,
  box: InputBox,
  resolution: number,
  inputs: Float64Array = gridInputs(box, resolution),
): DecisionGrid {
  const count = resolution * resolution;
  const probs = new Float64Array(count * model.classes);
  model.predict(inputs, count, probs);
  return { resolution, classes: model.classes, box, probabilities: Float32Array.from(probs) };
}
