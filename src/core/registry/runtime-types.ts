/**
 * The run-time half of a plug-in (worker and CLI only): how a defense acts inside the prediction
 * API, what it measures on honest traffic, and what it adds to a run's result; how an attack
 * spends its budget. Scenario kinds provide the hooks these need (honest queries, a control model).
 */
import type { AttackContext } from '../attacks/context';
import type { Config } from '../config/schema';
import type { QueryLog } from '../queryLog';
import type { Rng } from '../rng';
import type {
  Classifier,
  Dataset,
  DefenseReports,
  InputBox,
  QueryStatus,
  SimulationResult,
} from '../types';
import type { StrategyName } from '../config/schema';
import type { DefenseId, DefenseMeta } from './types';

/** What a defense's stage is built from, once per prediction API. */
export interface ApiSetup {
  config: Config;
  dims: number;
  classes: number;
  /** secret key of the watermark hash (derived from the seed by the caller) */
  watermarkKey: number;
  /** stream for randomised answers (Gaussian noise) */
  rng: Rng;
  /** what the owner holds besides the served model (answer formats that train models of their own) */
  owner?: OwnerAssets;
}

/**
 * The owner's side of a run, for answer formats that need more than the clean answer (adaptive
 * misinformation, MAD): the victim, its private training data, and a cache so that the models such
 * a format trains are built once per run (and per victim in sweeps), shared by the attacker's and
 * the honest users' APIs.
 */
export interface OwnerAssets {
  victim: Classifier;
  /** the owner's private training data (the attacker never sees it) */
  train: Dataset;
  /** the input box the scenario's queries live in */
  box: InputBox;
  /** stream for the owner's own models, derived from the seed alone (fork it by a label) */
  rng: Rng;
  /** models by key, kept for the run or across runs (the victim cache) */
  cache: Map<string, unknown>;
  /** prefix of cache keys: the settings the victim depends on (see victimKey) */
  cacheKey: string;
}

/**
 * A defense inside the API, for one run. The API calls, per query, every gate in order (the first
 * refusal wins), then the victim, then every observer (an alarm bans the account from the next
 * query on), then every answer stage in order, each transforming the answer in place.
 */
export interface DefenseStage {
  /** refuses the query (returns the status) or lets it through (null, counting it if it counts) */
  gate?(account: number, day: number): QueryStatus | null;
  /** sees one answered query; returns true when the account should be banned */
  observe?(account: number, inputs: Float64Array, offset: number, cleanLabel: number): boolean;
  /**
   * Changes the answer `probs` (the clean probabilities after earlier stages) in place; may note
   * what it did in the log at `entry`. `scratch` is a buffer of the same length to use freely.
   */
  answer?(
    probs: Float64Array,
    inputs: Float64Array,
    offset: number,
    cleanLabel: number,
    log: QueryLog,
    entry: number,
    scratch: Float64Array,
  ): void;
}

/** Honest traffic, as the scenario kind draws it. */
export interface HonestSetup {
  config: Config;
  victim: Classifier;
  dims: number;
  /** honest queries from the task's distribution (labelled) */
  sample(count: number, rng: Rng): Dataset;
  /** daily query volumes of every honest account, volumes[account][day] */
  volumes: number[][];
}

/** What a defense adds to the honest-user measures (the DefenseCost fields it owns). */
export interface HonestPart {
  benignBlocked?: number;
  falsePositives?: number;
  /** anything its report needs later (e.g. the detector's honest record) */
  detail?: unknown;
}

/** What a defense's report is built from, after the attack. */
export interface ReportSetup {
  config: Config;
  /** the stage of this defense in the attacker's API */
  stage: DefenseStage;
  log: QueryLog;
  bannedCount: number;
  /** log index of each alarm */
  alarms: readonly number[];
  honest: HonestPart;
  watermarkKey: number;
  /** the attacker's student (the suspect of an ownership test) */
  student: Classifier;
  /** trains an independent model of the student's size on `size` labelled task points */
  trainControl(size: number, rng: Rng): Classifier;
  rng: Rng;
}

/** The result fields that defenses fill (null when the defense is off); see DefenseReports. */
export type DefenseReportKey = keyof DefenseReports & string;

export interface DefenseRuntime {
  id: DefenseId;
  meta: DefenseMeta;
  /** its stage in an API (called only when the defense is on) */
  stage(setup: ApiSetup): DefenseStage;
  /** its measure on honest traffic (called only when it is on) */
  honest?(setup: HonestSetup, stage: DefenseStage | null, rng: Rng): HonestPart;
  /** the result field it fills, and how */
  report?: {
    key: DefenseReportKey;
    build(setup: ReportSetup): NonNullable<SimulationResult[DefenseReportKey]>;
  };
}

export interface AttackRuntime {
  id: StrategyName;
  /** spends the budget through the context (ask, fit, pool) */
  run(ctx: AttackContext): void;
}
