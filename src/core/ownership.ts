/**
 * The owner's ownership claim (DAWN, Szyller et al. 2021): test the suspect (the attacker's
 * student) on the watermark inputs logged for the attacker's accounts, against its own baseline
 * on the attacker's other inputs; and run the same test on a control model trained
 * independently (its own labelled sample of the task, never the API), which must not be accused.
 */
import type { Config } from './config';
import { generatePlanar } from './data/planar';
import type { PlanarScenario } from './data/scenario';
import { ownershipCheck } from './defenses/watermark';
import { Mlp, createTrainer } from './models/mlp';
import type { QueryLog } from './queryLog';
import type { Rng } from './rng';
import type { Classifier, WatermarkReport } from './types';

/** Smallest training set of the control model. */
export const CONTROL_MIN_TRAIN = 200;

export function checkOwnership(
  config: Config,
  scenario: PlanarScenario,
  log: QueryLog,
  suspect: Classifier,
  watermarkKey: number,
  rng: Rng,
): WatermarkReport {
  const { alpha } = config.defense.watermark;
  const control = trainControl(config, scenario, Math.max(CONTROL_MIN_TRAIN, log.count), rng);
  const ofSuspect = ownershipCheck(suspect, log, watermarkKey, alpha);
  const ofControl = ownershipCheck(control, log, watermarkKey, alpha);
  return {
    pValue: ofSuspect.pValue,
    controlPValue: ofControl.pValue,
    matchRate: ofSuspect.matchRate,
    baselineRate: ofSuspect.baselineRate,
    controlMatchRate: ofControl.matchRate,
    controlBaselineRate: ofControl.baselineRate,
    watermarkedQueries: ofSuspect.watermarked,
    shown: ofSuspect.shown,
    controlAccused: ofControl.shown,
  };
}

/** An independent model of the student's size, trained on its own labelled task data. */
function trainControl(
  config: Config,
  scenario: PlanarScenario,
  size: number,
  rng: Rng,
): Classifier {
  const { hidden, activation, epochs } = config.attack.student;
  const data = generatePlanar(
    config.scenario.dataset,
    size,
    { noise: config.scenario.noise },
    rng.fork('data'),
  );
  const model = Mlp.create(
    { inputDims: data.dims, hidden, classes: scenario.classes, activation },
    rng.fork('init'),
  );
  const targets = new Float64Array(data.count * data.classes);
  for (let i = 0; i < data.count; i++) targets[i * data.classes + data.labels[i]!] = 1;
  createTrainer(model, {
    optimizer: 'adam',
    learningRate: 0.01,
    batchSize: 32,
    rng: rng.fork('batches'),
  }).train(data.inputs, targets, data.count, { epochs });
  return model;
}
