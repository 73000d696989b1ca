/**
 * Everything the 2-D scenario draws from one seed: the victim's private training set, the held-out
 * test set, uniform points for fidelity over the whole box, and the attacker's unlabeled pool.
 * Each part has its own forked stream, so changing the attack never changes the victim's data.
 */
import type { Config } from '../../config/schema';
import { permutation, type Rng } from '../../rng';
import type { Dataset, InputBox } from '../../types';
import { PLANAR_BOX, PLANAR_CLASSES, generatePlanar, uniformInBox } from './data';
import { UNIFORM_EVAL_POINTS } from './meta';

export { UNIFORM_EVAL_POINTS };

export interface PlanarScenario {
  box: InputBox;
  classes: number;
  /** the owner's private training data (the attacker never sees it) */
  train: Dataset;
  /** held-out points from the task distribution: accuracy and fidelity */
  test: Dataset;
  /** uniform points over the box: fidelity on the whole input space */
  uniform: Float64Array;
}

export function buildScenario(config: Config, rng: Rng): PlanarScenario {
  const { dataset, noise, trainSize, testSize } = config.scenario;
  return {
    box: PLANAR_BOX,
    classes: PLANAR_CLASSES[dataset],
    train: generatePlanar(dataset, trainSize, { noise }, rng.fork('train')),
    test: generatePlanar(dataset, testSize, { noise }, rng.fork('test')),
    uniform: uniformInBox(PLANAR_BOX, UNIFORM_EVAL_POINTS, rng.fork('uniform')),
  };
}

/**
 * The attacker's own unlabeled data (Knockoff Nets, Orekondy et al. 2019): points from the task's
 * generator, moved away from the victim's distribution as `poolShift` grows: translated by
 * poolShift * (0.35, 0.25) and jittered with extra noise 0.25 * poolShift. At 0 it is the victim's
 * distribution (labels discarded).
 */
export function attackerPool(config: Config, count: number, rng: Rng): Float64Array {
  const { dataset, noise } = config.scenario;
  const shift = config.attack.poolShift;
  const pool = generatePlanar(
    dataset,
    count,
    { noise: noise + 0.25 * shift, offset: [0.35 * shift, 0.25 * shift] },
    rng,
  );
  // Shuffle so the pool's order carries no class pattern (generatePlanar cycles labels).
  const shuffled = new Float64Array(pool.inputs.length);
  const order = permutation(rng, count);
  for (let i = 0; i < count; i++) {
    shuffled[2 * i] = pool.inputs[2 * order[i]!]!;
    shuffled[2 * i + 1] = pool.inputs[2 * order[i]! + 1]!;
  }
  return shuffled;
}
