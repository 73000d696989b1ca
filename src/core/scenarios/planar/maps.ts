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

/**
 * What an answer format serves at every cell of a map: the attacker's view of the whole square,
 * for the page's "what the attacker sees" chart (it reads the cell under the pointer, so the page
 * itself runs no answer format, whatever state it needs: noise streams, the owner's models of
 * misinformation and MAD). Nothing is logged or charged: this is a picture, not traffic.
 * @param victim the victim's clean decision map
 * @param inputs the map's cell centres (gridInputs), dims = 2 per cell
 * @param answer the answer format's stage: turns clean probabilities of the cell at `offset` into
 *   the served ones in `out`
 */
export function servedGrid(
  victim: DecisionGrid,
  inputs: Float64Array,
  answer: (clean: Float64Array, inputs: Float64Array, offset: number, out: Float64Array) => void,
): Float32Array {
  const { classes } = victim;
  const cells = victim.resolution * victim.resolution;
  const served = new Float32Array(cells * classes);
  const clean = new Float64Array(classes);
  const out = new Float64Array(classes);
  for (let cell = 0; cell < cells; cell++) {
    for (let c = 0; c < classes; c++) clean[c] = victim.probabilities[cell * classes + c]!;
    answer(clean, inputs, cell * 2, out);
    served.set(out, cell * classes);
  }
  return served;
}
