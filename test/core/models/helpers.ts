/** Shared fixtures for the model tests: random networks, inputs and soft targets. */
import { createRng, type Rng } from '../../../src/core/rng';
import { Mlp, type MlpSpec } from '../../../src/core/models/mlp';

/** A network with every parameter (biases too) drawn from N(0, scale^2), so no bias sits at 0. */
export function randomModel(spec: MlpSpec, seed: number, scale = 0.7): Mlp {
  const rng = createRng(seed);
  const model = Mlp.create(spec, rng);
  for (let i = 0; i < model.params.length; i++) model.params[i] = scale * rng.normal();
  return model;
}

/** `count` rows of `dims` inputs uniform in [-2, 2). */
export function randomInputs(count: number, dims: number, rng: Rng): Float64Array {
  const inputs = new Float64Array(count * dims);
  for (let i = 0; i < inputs.length; i++) inputs[i] = rng.uniform(-2, 2);
  return inputs;
}

/** `count` probability vectors over `classes`: normalised uniforms (soft) or one-hot (hard). */
export function randomTargets(
  count: number,
  classes: number,
  soft: boolean,
  rng: Rng,
): Float64Array {
  const targets = new Float64Array(count * classes);
  for (let r = 0; r < count; r++) {
    if (!soft) {
      targets[r * classes + rng.int(classes)] = 1;
      continue;
    }
    let sum = 0;
    for (let k = 0; k < classes; k++) sum += targets[r * classes + k] = rng.uniform(0.05, 1);
    for (let k = 0; k < classes; k++) targets[r * classes + k]! /= sum;
  }
  return targets;
}

/**
 * Relative error |a - b| / max(|a|, |b|, floor): relative for gradients of ordinary size, and an
 * absolute error scaled by 1/floor for entries near zero, where central differences carry
 * rounding noise of about eps/h ~ 1e-11 that a pure relative measure would blow up.
 */
export function relativeError(a: number, b: number, floor = 1e-3): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), floor);
}
