/**
 * How long a run will take, from its config alone, before it starts: a linear cost model
 *
 *   ms ≈ c · f(config) = Σ_k c_k f_k(config)
 *
 * over a few work counts f_k that follow the simulator's loops (simulate.ts, session.ts,
 * benign.ts, defenses/prada.ts), each in its natural unit:
 *
 *   fixed          1 per run (scenario, setup, result assembly);
 *   victimTrain    trainSize x victim.epochs sample-steps of Adam, times the victim's weights;
 *   studentTrain   the student's Adam sample-steps (student.epochs passes over the answers, at
 *                  least MIN_FIT_STEPS batches per fit), times the student's weights;
 *   forward        forward passes (sample x weights): the victim labelling its data and every
 *                  query, the student measured at each curve point (held-out set, uniform set,
 *                  decision map), the active strategy scoring its pool each round;
 *   detection      PRADA's work: each query compares with the account's growing set and re-tests
 *                  a window of up to 5,000 distances, about n^2 per account of n queries (the
 *                  attacker's queries spread over its accounts, and up to 32 honest accounts);
 *   volumes        honest accounts x days drawn for the rate limiter;
 *   queries        per-query bookkeeping of the API and the trace.
 *
 * It models the planar scenario kind (the only one so far); for a config of another kind the
 * counts are NaN (callers treat that as "no estimate"), until that kind brings its own. The coefficients are measured by `npm run bench -- --cost` (scripts/bench-cost.ts fits them by
 * non-negative least squares on relative error over calibration runs that each stress one count)
 * and written down below with the date and the machine. They are Node's; a browser worker runs
 * the same code in the same engine family and was within about 20% of them. The estimate is a
 * guide for the person (how long to wait, whether to cancel) and for the worker's watchdog, not a
 * promise; the bench prints its error on held-out configs.
 */
import type { Config } from './config';
import { ACTIVE_POOL_FACTOR } from './attacks/active/meta';
import {
  BENIGN_DETECTION_ACCOUNTS,
  BENIGN_DETECTION_CAP,
  BENIGN_SAMPLE_QUERIES,
  CURVE_POINTS,
  MIN_FIT_STEPS,
  STUDENT_BATCH,
} from './runSizes';
import { GRID_RESOLUTION } from './scenarios/planar/maps';
import { PLANAR_CLASSES, UNIFORM_EVAL_POINTS } from './scenarios/planar/meta';

/** The work counts of a run, in the units of the header. */
export interface RunWork {
  fixed: number;
  victimTrain: number;
  studentTrain: number;
  forward: number;
  detection: number;
  volumes: number;
  queries: number;
}

export type CostCoefficients = Readonly<Record<keyof RunWork, number>>;

export const WORK_TERMS: readonly (keyof RunWork)[] = [
  'fixed',
  'victimTrain',
  'studentTrain',
  'forward',
  'detection',
  'volumes',
  'queries',
];

/**
 * Milliseconds per unit of work, measured by `npm run bench -- --cost` on 2026-11-30 (Node 20.20,
 * a 2-core x86-64 Linux VM shared with other jobs, CPU time: the minimum of 3 cold runs per
 * calibration config). Held-out configs came out between 40% under and 4% over the measured time
 * (the default run with every defense on: 233 ms estimated, 387 ms measured). A laptop runs
 * about as fast; on a busy machine wall-clock time is longer by the load.
 */
export const RUN_COST_COEFFICIENTS: CostCoefficients = {
  fixed: 24.1,
  victimTrain: 0.00000366,
  studentTrain: 0.00000455,
  forward: 0.0000018,
  detection: 0.0000013,
  volumes: 0.000126,
  queries: 0.000791,
};

/** Input dimensions of the planar scenarios. */
const DIMS = 2;
/** Cells of a decision map. */
const GRID_CELLS = GRID_RESOLUTION * GRID_RESOLUTION;

/**
 * Weights and biases of an MLP with the given hidden layers: Σ (fan-in + 1) x fan-out over its
 * layers, which is also its multiply-adds per sample in a forward pass.
 * @param hidden hidden layer sizes
 * @param classes output classes
 */
export function mlpWeights(hidden: readonly number[], classes: number): number {
  let total = 0;
  let fanIn = DIMS;
  for (const units of [...hidden, classes]) {
    total += (fanIn + 1) * units;
    fanIn = units;
  }
  return total;
}

/** Fits of the student during a run: one per curve point plus the strategy's own. */
function studentFits(config: Config): number {
  const { strategy, queries, rounds, seedSize } = config.attack;
  const checkpoints = Math.min(CURVE_POINTS, queries);
  if (strategy === 'active') return checkpoints + Math.min(rounds, queries);
  if (strategy === 'jacobian') {
    // The labelled set doubles each round from seedSize until the budget is spent.
    let rounds = 1;
    for (let size = Math.min(seedSize, queries); size < queries; size *= 2) rounds++;
    return checkpoints + rounds;
  }
  return checkpoints;
}

/**
 * The work counts of a run of `config` (see the header).
 * @param config the run's settings
 * @param victimCached true when the worker already holds this victim (no training)
 */
export function runWork(config: Config, victimCached = false): RunWork {
  const { scenario, victim, attack, defense, benign } = config;
  const classes = PLANAR_CLASSES[scenario.dataset];
  const victimW = mlpWeights(victim.hidden, classes);
  const studentW = mlpWeights(attack.student.hidden, classes);
  const queries = attack.queries;
  const checkpoints = Math.min(CURVE_POINTS, queries);
  const fits = studentFits(config);
  const studentSteps = queries * attack.student.epochs + fits * MIN_FIT_STEPS * STUDENT_BATCH;

  // Honest accounts run through the detector: their whole traffic, capped.
  const benignAccounts = Math.min(benign.accounts, BENIGN_DETECTION_ACCOUNTS);
  // Mean of a log-normal volume: median x exp(spread^2 / 2), i.e. 1 + s^2/2 + ... (kept a
  // polynomial: core avoids engine-dependent exp, and this is an estimate).
  const s2 = benign.spread * benign.spread;
  const meanFactor = 1 + s2 / 2 + (s2 * s2) / 8 + (s2 * s2 * s2) / 48;
  const perBenign = Math.min(BENIGN_DETECTION_CAP, benign.medianPerDay * benign.days * meanFactor);
  const benignQueries = defense.detection.on ? benignAccounts * perBenign : 0;
  const attackerAccounts = Math.min(attack.accounts, queries);
  const perAttacker = queries / attackerAccounts;
  const detection = defense.detection.on
    ? attackerAccounts * perAttacker * perAttacker + benignAccounts * perBenign * perBenign
    : 0;

  const studentForward =
    checkpoints * (scenario.testSize + UNIFORM_EVAL_POINTS + GRID_CELLS) +
    GRID_CELLS +
    (attack.strategy === 'active' ? attack.rounds * ACTIVE_POOL_FACTOR * queries : 0) +
    (attack.strategy === 'jacobian' ? 2 * queries : 0);
  const victimForward =
    scenario.trainSize +
    scenario.testSize +
    UNIFORM_EVAL_POINTS +
    GRID_CELLS +
    queries +
    BENIGN_SAMPLE_QUERIES +
    benignQueries;

  return {
    fixed: 1,
    victimTrain: victimCached ? 0 : scenario.trainSize * victim.epochs * victimW,
    studentTrain: studentSteps * studentW,
    forward: studentForward * studentW + victimForward * victimW,
    detection,
    volumes: benign.accounts * benign.days,
    queries: queries + BENIGN_SAMPLE_QUERIES,
  };
}

/**
 * Estimated milliseconds of a run: Σ_k c_k f_k(config).
 * @param config the run's settings
 * @param options victimCached: the worker holds the victim; coefficients: measured ms per unit
 */
export function estimateRunMs(
  config: Config,
  options: { victimCached?: boolean; coefficients?: CostCoefficients } = {},
): number {
  const work = runWork(config, options.victimCached ?? false);
  const c = options.coefficients ?? RUN_COST_COEFFICIENTS;
  let ms = 0;
  for (const term of WORK_TERMS) ms += c[term] * work[term];
  return ms;
}
