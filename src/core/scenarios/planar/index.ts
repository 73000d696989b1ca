/**
 * The planar kind at run time: one extraction run on a 2-D task. Builds the scenario, trains (or
 * reuses) the victim, serves it behind the defended prediction API, lets the chosen strategy steal
 * it into a student, then measures fidelity, the attacker's cost, the defenses' cost to honest
 * users and their reports (watermark verdict, detection record), and draws both decision maps.
 * Pure: everything random comes from the config's seed, so the same config gives byte-identical
 * results in Node and in a browser worker.
 */
import { PredictionApi } from '../../api';
import { attack } from '../../attacks/index';
import { measureBenignCost } from '../../benign';
import { setPath } from '../../config/paths';
import type { Config } from '../../config/schema';
import { agreementRate, fidelity, predictLabels } from '../../metrics/fidelity';
import { Mlp } from '../../models/mlp';
import { createTrainer } from '../../models/trainer';
import { output as outputDefense } from '../../defenses/output/index';
import { attachDefenses } from '../../registry/runtime';
import type { OwnerAssets } from '../../registry/runtime-types';
import { attackerResult, defenseReports } from '../../outcome';
import { createRng, hashString, type Rng } from '../../rng';
import { AttackSession, STUDENT_BATCH } from '../../session';
import type { Classifier, SimulationResult } from '../../types';
import type { ScenarioRuntime } from '../contract';
import { generatePlanar } from './data';
import { decisionGrid, GRID_RESOLUTION, gridInputs, servedGrid } from './maps';
import { DATASETS, planarMeta } from './meta';
import { attackerPool, buildScenario } from './scenario';
import { obtainVictim, obtainVictimView, VICTIM_TRAINING, victimKey } from './victim';

/** Adam learning rate of the attacker's student. */
export const STUDENT_LEARNING_RATE = 0.01;

function prepareVictim(config: Config, cache: Map<string, unknown>): void {
  const rng = createRng(config.seed);
  obtainVictim(config, buildScenario(config, rng.fork('data')), rng.fork('victim'), cache);
}

/** An independent model of the student's size, trained on its own labelled task data. */
function trainControl(config: Config, classes: number, size: number, rng: Rng): Classifier {
  const { hidden, activation, epochs } = config.attack.student;
  const data = generatePlanar(
    config.scenario.dataset,
    size,
    { noise: config.scenario.noise },
    rng.fork('data'),
  );
  const model = Mlp.create({ inputDims: data.dims, hidden, classes, activation }, rng.fork('init'));
  const targets = new Float64Array(data.count * data.classes);
  for (let i = 0; i < data.count; i++) targets[i * data.classes + data.labels[i]!] = 1;
  createTrainer(model, { ...VICTIM_TRAINING, optimizer: 'adam', rng: rng.fork('batches') }).train(
    data.inputs,
    targets,
    data.count,
    { epochs },
  );
  return model;
}

function simulate(
  config: Config,
  options: Parameters<ScenarioRuntime['simulate']>[1],
): SimulationResult {
  const rng = createRng(config.seed);
  const scenario = buildScenario(config, rng.fork('data'));
  const { classes, box } = scenario;
  const dims = scenario.train.dims;
  options.onProgress?.(0, 'victim');
  const victim = obtainVictim(config, scenario, rng.fork('victim'), options.victimCache);
  const victimView = obtainVictimView(config, scenario, victim, options.victimCache);
  const { testLabels: victimTestLabels, uniformLabels: victimUniformLabels } = victimView;

  const watermarkKey = hashString(`watermark:${config.seed}`);
  // The owner's side, for answer formats that train models of their own (misinformation, MAD).
  const owner: OwnerAssets = {
    victim,
    train: scenario.train,
    box,
    rng: rng.fork('owner'),
    cache: options.victimCache ?? new Map(),
    cacheKey: victimKey(config),
  };
  const stages = attachDefenses(config, {
    dims,
    classes,
    watermarkKey,
    rng: rng.fork('api'),
    owner,
  });
  const api = new PredictionApi(victim, stages);

  const { student: studentSpec } = config.attack;
  const student = Mlp.create(
    { inputDims: dims, hidden: studentSpec.hidden, classes, activation: studentSpec.activation },
    rng.fork('student-init'),
  );
  const trainer = createTrainer(student, {
    optimizer: 'adam',
    learningRate: STUDENT_LEARNING_RATE,
    batchSize: STUDENT_BATCH,
    rng: rng.fork('student-batches'),
  });
  const grid = options.lean ? new Float64Array(0) : gridInputs(box, GRID_RESOLUTION);
  const studentSlices: Float32Array[] = [];
  /** training calls so far, and when the last slice was drawn (to reuse it as the final map) */
  let fits = 0;
  let fitsAtSlice = -1;
  const session = new AttackSession({
    config,
    box,
    dims,
    classes,
    api,
    student,
    train: (inputs, targets, count, steps) => {
      fits++;
      trainer.train(inputs, targets, count, { steps });
    },
    pool: (count, poolRng) => attackerPool(config, count, poolRng),
    measure: () => {
      const studentTest = predictLabels(student, scenario.test.inputs, scenario.test.count);
      return {
        fidelity: agreementRate(studentTest, victimTestLabels),
        fidelityUniform: fidelity(student, scenario.uniform, victimUniformLabels),
        accuracy: agreementRate(studentTest, scenario.test.labels),
      };
    },
    onCheckpoint: options.lean
      ? undefined
      : () => {
          studentSlices.push(decisionGrid(student, box, GRID_RESOLUTION, grid).probabilities);
          fitsAtSlice = fits;
        },
    rng: rng.fork('attacker'),
    finalOnly: options.lean === true,
    onProgress: (fraction, phase) => options.onProgress?.(0.05 + 0.8 * fraction, phase),
  });
  attack(config.attack.strategy).run(session);
  session.finish();

  options.onProgress?.(0.88, 'honest users');
  const sample = (count: number, sampleRng: Rng) =>
    generatePlanar(config.scenario.dataset, count, { noise: config.scenario.noise }, sampleRng);
  const benign = measureBenignCost(
    config,
    { victim, watermarkKey, sample, owner },
    rng.fork('benign'),
  );

  options.onProgress?.(0.94, 'reports');
  const reports = defenseReports(
    {
      config,
      watermarkKey,
      student,
      trainControl: (size, controlRng) => trainControl(config, classes, size, controlRng),
      rng: rng.fork('control'),
    },
    api,
    stages,
    benign,
  );

  /** The maps a single run draws (sweeps' lean runs skip them: no number depends on them). */
  const drawMaps = () => {
    victimView.map ??= decisionGrid(victim, box, GRID_RESOLUTION, grid);
    // copies: the worker transfers a result's buffers, and the view is kept for later runs
    const victimMap = { ...victimView.map, probabilities: victimView.map.probabilities.slice() };
    // The answer format on its own stream and the owner's models as the API built them (forks are
    // derived from labels, so the run's own streams are untouched).
    const view = outputDefense.stage({
      config,
      dims,
      classes,
      watermarkKey,
      rng: rng.fork('attacker-view'),
      owner: { ...owner, rng: rng.fork('owner') },
    });
    const scratch = new Float64Array(classes);
    const served = servedGrid(victimMap, grid, (clean, inputs, offset, out) => {
      out.set(clean);
      view.answer!(out, inputs, offset, 0, api.log, 0, scratch);
    });
    return {
      victim: victimMap,
      served,
      // the last slice is the final student when nothing trained it since (the usual case)
      student:
        fitsAtSlice === fits && studentSlices.length > 0
          ? {
              resolution: GRID_RESOLUTION,
              classes,
              box,
              probabilities: studentSlices[studentSlices.length - 1]!.slice(),
            }
          : decisionGrid(student, box, GRID_RESOLUTION, grid),
      studentSlices,
    };
  };
  // drawn here, before the result is assembled, as a full run always has
  const maps = options.lean ? null : drawMaps();

  const final = session.curve[session.curve.length - 1]!;
  const result: SimulationResult = {
    config,
    kind: 'planar',
    classes,
    victim: {
      accuracy: agreementRate(victimTestLabels, scenario.test.labels),
      trainAccuracy: agreementRate(victimView.trainLabels, scenario.train.labels),
    },
    student: {
      accuracy: final.accuracy,
      fidelity: final.fidelity,
      fidelityUniform: final.fidelityUniform,
    },
    attacker: attackerResult(config, session, api),
    curve: session.curve,
    defenseCost: benign.cost,
    ...reports,
    queries: session.trace,
    ...(maps ? { maps } : {}),
  };
  options.onProgress?.(1, 'done');
  return result;
}

export const planar: ScenarioRuntime = {
  id: 'planar',
  meta: planarMeta,
  simulate,
  prepareVictim,
  victimKey,
  neighbours: (config) =>
    DATASETS.filter((d) => d !== config.scenario.dataset).map((d) =>
      setPath(config, 'scenario.dataset', d),
    ),
};
