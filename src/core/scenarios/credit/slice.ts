/**
 * The credit scenario's map: a 2-feature slice of a d-feature model (issue 11, "Page": the 2-D
 * maps are replaced by a slice through two features the learner picks, the others held at the
 * median applicant). The slice is a DecisionGrid over the two features' query box (standardised
 * units; population.toReal gives the axes in real units), laid out as the 2-D scenario's grids
 * (planar/maps.ts gridInputs: cell centres, rows from the top).
 */
import { median } from 'd3-array';
import { decisionGrid, gridInputs } from '../planar/maps';
import type { Classifier, DecisionGrid, InputBox } from '../../types';
import type { CreditPopulation } from './population';

export { sliceFeatures } from './sliceFeatures';

/** Median of each standardised feature over the lender's training applicants. */
export function featureMedians(population: CreditPopulation): Float64Array {
  const { dims, train } = population;
  const medians = new Float64Array(dims);
  const column = new Float64Array(train.count);
  for (let i = 0; i < dims; i++) {
    for (let k = 0; k < train.count; k++) column[k] = train.inputs[k * dims + i]!;
    medians[i] = median(column) ?? 0;
  }
  return medians;
}

/** The query box of features a (horizontal) and b (vertical), standardised. */
export function sliceBox(population: CreditPopulation, a: number, b: number): InputBox {
  const { min, max } = population.box;
  return { min: [min[a]!, min[b]!], max: [max[a]!, max[b]!] };
}

/**
 * The d-feature inputs of a resolution x resolution slice: feature a and b vary over their box
 * (gridInputs layout), every other feature is `anchor`'s value (default: the median applicant).
 */
export function sliceInputs(
  population: CreditPopulation,
  a: number,
  b: number,
  resolution: number,
  anchor: Float64Array = featureMedians(population),
): Float64Array {
  const { dims } = population;
  if (a === b || a < 0 || b < 0 || a >= dims || b >= dims) {
    throw new RangeError(
      `a slice needs two different features in 0..${dims - 1}, got ${a} and ${b}`,
    );
  }
  const plane = gridInputs(sliceBox(population, a, b), resolution);
  const count = resolution * resolution;
  const inputs = new Float64Array(count * dims);
  for (let i = 0; i < count; i++) {
    inputs.set(anchor, i * dims);
    inputs[i * dims + a] = plane[2 * i]!;
    inputs[i * dims + b] = plane[2 * i + 1]!;
  }
  return inputs;
}

/** A model's [p(refuse), p(approve)] over the slice of features a and b (see sliceInputs). */
export function featureSlice(
  model: Classifier,
  population: CreditPopulation,
  a: number,
  b: number,
  resolution: number,
  anchor?: Float64Array,
): DecisionGrid {
  const inputs = sliceInputs(population, a, b, resolution, anchor);
  return decisionGrid(model, sliceBox(population, a, b), resolution, inputs);
}
