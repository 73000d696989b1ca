/**
 * One credit run through the shared machinery (issue 11): the seeded applicant population and the
 * lender's model (cached by victimKey), served behind the defended PredictionApi (every defense
 * that is on: rate limit, detection, watermark, the answer format; plus the attributions when
 * defense.output.explanations is on), attacked by the chosen strategy through a CreditSession
 * (accounts, days, schedule, learning curve), then measured: fidelity (same decision on held-out
 * applicants), weightError, scoreError, the attacker's bill, the defenses' cost to honest
 * applicants, the defenses' reports, and the credit part of the result (./parts.ts).
 *
 * Random streams, each forked from the seed: population (applicants and labels), victim (the MLP's
 * weights and batches), api (the output noise), attacker (its choices, its pool, its student),
 * uniform (the box sample of fidelityUniform), benign (honest traffic), control (the watermark's
 * control model).
 */
import { PredictionApi } from '../../api';
import { attack } from '../../attacks/index';
import { measureBenignCost } from '../../benign';
import type { Config } from '../../config/schema';
import { outputMode } from '../../defenses/output/modes/index';
import { agreementRate, predictLabels } from '../../metrics/fidelity';
import { attackerResult, defenseReports } from '../../outcome';
import { attachDefenses } from '../../registry/runtime';
import { createRng, hashString, type Rng } from '../../rng';
import { uniformInBox } from '../planar/data';
import type { Classifier, Dataset, SimulationResult } from '../../types';
import type { CreditParts } from './types';
import type { SimulateOptions, VictimCache } from '../contract';
import { scoreError, weightError } from './metrics';
import { APPROVE } from './model';
import { drawApplicants, labelApplicants, standardize } from './population';
import { CreditSession, modelData, RunningStudent } from './session';
import { decisionGrid } from '../planar/maps';
import { featureMedians, sliceBox, sliceFeatures, sliceInputs } from './slice';
import { fitStudent } from './student';
import { obtainCreditWorld, type CreditWorld } from './world';

/** Uniform points over the applicants' box for fidelityUniform. */
export const UNIFORM_POINTS = 2000;
/** Resolution of the result's 2-feature slice. */
export const SLICE_RESOLUTION = 48;

/** `count` honest applicants from the lender's population, standardised and labelled. */
export function honestApplicants(world: CreditWorld, count: number, rng: Rng): Dataset {
  const { population, noise } = world;
  const applicants = drawApplicants(population.dims, count, rng.fork('applicants'));
  const labels = labelApplicants(applicants, noise, rng.fork('labels'));
  const inputs = standardize(population.standardizer, applicants.real);
  return { dims: population.dims, classes: 2, count, inputs, labels };
}

/** The credit part of a result: features, weights, how they were obtained, the slice. */
function creditParts(config: Config, world: CreditWorld, session: CreditSession): CreditParts {
  const { population, victim } = world;
  const { standardizer } = population;
  const median = featureMedians(population);
  const stolen = session.linear;
  const { sliceX, sliceY } = config.scenario;
  const [across, up] = sliceFeatures(sliceX, sliceY, population.dims);
  const inputs = sliceInputs(population, across, up, SLICE_RESOLUTION, median);
  const box = sliceBox(population, across, up);
  const slice = (model: Classifier) => decisionGrid(model, box, SLICE_RESOLUTION, inputs);
  return {
    features: population.features.map((f, i) => ({
      key: f.key,
      label: f.label,
      unit: f.unit,
      min: f.min,
      max: f.max,
      step: f.step,
      mean: standardizer.mean[i]!,
      sd: standardizer.sd[i]!,
    })),
    median,
    victimModel: config.victim.model,
    // copies: the victim's arrays belong to the cached world, and results cross to the page
    victim: victim.linear
      ? { weights: victim.linear.weights.slice(), bias: victim.linear.bias }
      : null,
    stolen: stolen ? { weights: stolen.weights.slice(), bias: stolen.bias } : null,
    stolenByPoint: session.stolenByPoint,
    upToScale: session.outcome?.upToScale ?? false,
    method: session.outcome?.method ?? 'student',
    fallback: session.outcome?.fallback ?? null,
    unknowns: population.dims + 1,
    explanations: session.explanations,
    models: { victim: modelData(victim.model), student: modelData(session.model) },
    slice: { features: [across, up], victim: slice(victim.model), student: slice(session.model) },
  };
}

export function simulateCredit(config: Config, options: SimulateOptions): SimulationResult {
  const rng = createRng(config.seed);
  options.onProgress?.(0, 'victim');
  const world = obtainCreditWorld(config, options.victimCache);
  const { population, victim } = world;
  const { test, dims } = population;
  const victimTestLabels = predictLabels(victim.model, test.inputs, test.count);
  const uniform = uniformInBox(population.box, UNIFORM_POINTS, rng.fork('uniform'));
  const victimUniformLabels = predictLabels(victim.model, uniform, UNIFORM_POINTS);

  const watermarkKey = hashString(`watermark:${config.seed}`);
  const stages = attachDefenses(config, { dims, classes: 2, watermarkKey, rng: rng.fork('api') });
  const api = new PredictionApi(
    victim.model,
    stages,
    config.defense.output.explanations ? victim.model : null,
  );

  const attackerRng = rng.fork('attacker');
  const hardLabels = outputMode(config.defense.output.mode).hardLabels;
  const student = new RunningStudent(dims, config.attack.student.model, hardLabels, attackerRng);
  const measure = (model: Classifier) => {
    const studentTest = predictLabels(model, test.inputs, test.count);
    return {
      fidelity: agreementRate(studentTest, victimTestLabels),
      fidelityUniform: agreementRate(
        predictLabels(model, uniform, UNIFORM_POINTS),
        victimUniformLabels,
      ),
      accuracy: agreementRate(studentTest, test.labels),
    };
  };
  let session: CreditSession | null = null;
  session = new CreditSession({
    config,
    box: population.box,
    dims,
    classes: 2,
    api,
    student,
    pool: (count, poolRng) =>
      standardize(population.standardizer, drawApplicants(dims, count, poolRng).real),
    measure: () => measure(session!.model),
    rng: attackerRng,
    onProgress: (fraction, phase) => options.onProgress?.(0.05 + 0.8 * fraction, phase),
  });
  attack(config.attack.strategy).run(session);
  session.finish();
  const stolen = session.model;

  options.onProgress?.(0.88, 'honest users');
  const sample = (count: number, sampleRng: Rng) => honestApplicants(world, count, sampleRng);
  const benign = measureBenignCost(
    config,
    { victim: victim.model, watermarkKey, sample },
    rng.fork('benign'),
  );

  options.onProgress?.(0.94, 'reports');
  const reports = defenseReports(
    {
      config,
      watermarkKey,
      student: stolen,
      trainControl: (size, controlRng) => {
        const data = sample(size, controlRng.fork('data'));
        const targets = new Float64Array(data.count);
        for (let i = 0; i < data.count; i++) targets[i] = data.labels[i] === APPROVE ? 1 : 0;
        const kind = config.attack.student.model;
        return fitStudent(kind, data.inputs, targets, data.count, dims, false, controlRng).model;
      },
      rng: rng.fork('control'),
    },
    api,
    stages,
    benign,
  );

  const final = session.curve[session.curve.length - 1]!;
  const result: SimulationResult = {
    config,
    kind: 'credit',
    classes: 2,
    victim: { accuracy: victim.accuracy, trainAccuracy: victim.trainAccuracy },
    student: {
      accuracy: final.accuracy,
      fidelity: final.fidelity,
      fidelityUniform: final.fidelityUniform,
      weightError: weightError(victim.linear, session.linear, session.outcome?.upToScale ?? false),
      scoreError: scoreError(victim.model, stolen, test),
    },
    attacker: attackerResult(config, session, api),
    curve: session.curve,
    defenseCost: benign.cost,
    ...reports,
    queries: session.trace,
    credit: creditParts(config, world, session),
  };
  options.onProgress?.(1, 'done');
  return result;
}

export type { VictimCache };
