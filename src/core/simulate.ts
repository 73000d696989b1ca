/**
 * One extraction run: config -> result. Builds the scenario, trains (or reuses) the victim,
 * serves it behind the defended prediction API, lets the chosen strategy steal it into a
 * student, then measures fidelity, the attacker's cost, the defenses' cost to honest users, the
 * watermark verdict and the detector's record. Pure: everything random comes from the config's
 * seed, so the same config gives byte-identical results in Node and in a browser worker.
 */
import { PredictionApi } from './api';
import { ATTACKS } from './attacks/index';
import { measureBenignCost } from './benign';
import type { Config } from './config';
import { buildScenario } from './data/scenario';
import { PradaDetector } from './defenses/prada';
import { answerCap } from './defenses/rateLimit';
import { decisionGrid, gridInputs, predictLabels, agreementRate } from './metrics/fidelity';
import { Mlp, createTrainer } from './models/mlp';
import { checkOwnership } from './ownership';
import { hashString, createRng } from './rng';
import { AttackSession, STUDENT_BATCH } from './session';
import type { DetectionReport, ProgressFn, SimulationResult, WSeries } from './types';
import { obtainVictim, type VictimCache } from './victim';

/** Cells per side of the decision maps. */
export const GRID_RESOLUTION = 48;
/** Adam learning rate of the attacker's student. */
export const STUDENT_LEARNING_RATE = 0.01;

export interface SimulateOptions {
  onProgress?: ProgressFn;
  /** trained victims to reuse across runs (the worker and sweeps keep one) */
  victimCache?: VictimCache;
}

/**
 * Trains the victim of `config` into `cache` exactly as simulate() would (same seed streams), so a
 * worker can prepare victims ahead of time, e.g. for the other datasets while the page is idle.
 */
export function prepareVictim(config: Config, cache: VictimCache): void {
  const rng = createRng(config.seed);
  obtainVictim(config, buildScenario(config, rng.fork('data')), rng.fork('victim'), cache);
}

export function simulate(config: Config, options: SimulateOptions = {}): SimulationResult {
  const rng = createRng(config.seed);
  const scenario = buildScenario(config, rng.fork('data'));
  const { classes, box } = scenario;
  const dims = scenario.train.dims;
  options.onProgress?.(0, 'victim');
  const victim = obtainVictim(config, scenario, rng.fork('victim'), options.victimCache);
  const victimTestLabels = predictLabels(victim, scenario.test.inputs, scenario.test.count);
  const victimUniformLabels = predictLabels(
    victim,
    scenario.uniform,
    scenario.uniform.length / dims,
  );
  const victimTrainLabels = predictLabels(victim, scenario.train.inputs, scenario.train.count);

  const { defense } = config;
  const watermarkKey = hashString(`watermark:${config.seed}`);
  const attackerDetector = defense.detection.on
    ? new PradaDetector({
        delta: defense.detection.delta,
        minQueries: defense.detection.minQueries,
        dims,
        recordAccounts: [0],
      })
    : null;
  const api = new PredictionApi(victim, {
    defense,
    watermarkKey,
    rng: rng.fork('api'),
    detector: attackerDetector,
  });

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
  const grid = gridInputs(box, GRID_RESOLUTION);
  const session = new AttackSession({
    config,
    scenario,
    api,
    student,
    train: (inputs, targets, count, steps) => trainer.train(inputs, targets, count, { steps }),
    victimTestLabels,
    victimUniformLabels,
    gridInputs: grid,
    gridResolution: GRID_RESOLUTION,
    rng: rng.fork('attacker'),
    onProgress: (fraction, phase) => options.onProgress?.(0.05 + 0.8 * fraction, phase),
  });
  // Own-property check: a config that skipped validation cannot select an inherited name.
  const strategy = config.attack.strategy;
  if (!Object.hasOwn(ATTACKS, strategy)) throw new Error(`unknown attack strategy ${strategy}`);
  ATTACKS[strategy](session);
  session.finish();

  options.onProgress?.(0.88, 'honest users');
  const benign = measureBenignCost(config, scenario, victim, watermarkKey, rng.fork('benign'));

  options.onProgress?.(0.94, 'watermark');
  const watermark = defense.watermark.on
    ? checkOwnership(config, scenario, api.log, student, watermarkKey, rng.fork('control'))
    : null;

  const final = session.curve[session.curve.length - 1]!;
  const emptySeries: WSeries = { queries: [], w: [], alarmAt: null };
  const detection: DetectionReport | null = attackerDetector
    ? {
        flaggedAccounts: api.bannedCount,
        firstAlarmAtQuery: api.alarms[0] ?? null,
        benignFlagged: benign.detection?.flagged ?? 0,
        benignTested: benign.detection?.tested ?? 0,
        attackerSeries: attackerDetector.series(0) ?? emptySeries,
        benignSeries: benign.detection?.series ?? emptySeries,
      }
    : null;
  const cap = defense.rateLimit.on
    ? answerCap(config.attack.accounts, defense.rateLimit.perDay, config.attack.days)
    : null;
  const accountsUsed = session.accountsUsed;
  const result: SimulationResult = {
    config,
    classes,
    victim: {
      accuracy: agreementRate(victimTestLabels, scenario.test.labels),
      trainAccuracy: agreementRate(victimTrainLabels, scenario.train.labels),
    },
    student: {
      accuracy: final.accuracy,
      fidelity: final.fidelity,
      fidelityUniform: final.fidelityUniform,
    },
    attacker: {
      queriesAsked: session.sent,
      queriesAnswered: session.answered,
      queriesDenied: session.sent - session.answered,
      accountsUsed,
      accountsBanned: api.bannedCount,
      days: config.attack.days,
      costUSD: roundCents(
        (session.answered / 1000) * config.attack.pricePer1k +
          accountsUsed * config.attack.accountCost,
      ),
      answerCap: cap,
    },
    curve: session.curve,
    defenseCost: benign.cost,
    watermark,
    detection,
    queries: session.trace,
    maps: {
      victim: decisionGrid(victim, box, GRID_RESOLUTION, grid),
      student: decisionGrid(student, box, GRID_RESOLUTION, grid),
      studentSlices: session.slices,
    },
  };
  options.onProgress?.(1, 'done');
  return result;
}

function roundCents(usd: number): number {
  return Math.round(usd * 100) / 100;
}
