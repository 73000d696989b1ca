/**
 * Plain-data types shared by the simulator, the worker, the store and the CLI. Everything here is
 * structured-clonable (numbers, strings, arrays, typed arrays) so it crosses the worker boundary.
 */
import type { Config, ScenarioKind } from './config/schema';

/** Labelled points, row-major: point i is inputs[i*dims .. i*dims+dims-1]. */
export interface Dataset {
  dims: number;
  classes: number;
  count: number;
  inputs: Float64Array;
  /** class index per point */
  labels: Uint8Array;
}

/** Axis-aligned box of the input space; uniform queries and decision maps cover it. */
export interface InputBox {
  min: number[];
  max: number[];
}

/**
 * Anything the prediction API can serve. The 2-D scenario serves an MLP; the planned "credit
 * scoring" scenario serves a logistic regression (classes = 2, dims = d); the planned language-model
 * scenario serves next-token probabilities (classes = vocabulary size, input = context ids).
 */
export interface Classifier {
  readonly inputDims: number;
  readonly classes: number;
  /** Writes class probabilities of `count` rows of `inputs` (from row `offset`) into `out` (count*classes). */
  predict(inputs: Float64Array, count: number, out: Float64Array, offset?: number): void;
}

/** What happened to one query at the API. */
export const QUERY_STATUS = { answered: 0, rateLimited: 1, banned: 2 } as const;
export type QueryStatus = (typeof QUERY_STATUS)[keyof typeof QUERY_STATUS];

/** The attacker's queries, column by column (for the maps and the ledger). */
export interface QueryTrace {
  count: number;
  dims: number;
  inputs: Float64Array;
  /** QUERY_STATUS per query */
  status: Uint8Array;
  /** top-1 label of the served answer (255 when refused) */
  servedLabel: Uint8Array;
  /** 1 when the answer carried a watermark */
  watermarked: Uint8Array;
  /** account index per query */
  account: Uint32Array;
  /** day index per query */
  day: Uint16Array;
}

/** One point of the learning curve. */
export interface CurvePoint {
  /** queries sent so far */
  queries: number;
  /** queries answered so far */
  answered: number;
  /** agreement with the victim on held-out inputs from the task distribution */
  fidelity: number;
  /** agreement with the victim on uniform inputs over the box */
  fidelityUniform: number;
  /** student accuracy on the held-out set */
  accuracy: number;
}

/** Class probabilities on a regular grid over the box (row-major, y rows from box.max[1] down). */
export interface DecisionGrid {
  resolution: number;
  classes: number;
  box: InputBox;
  /** resolution*resolution*classes probabilities */
  probabilities: Float32Array;
}

export interface DefenseCost {
  /** points of top-1 accuracy honest users lose through the served answers (0.01 = 1 point) */
  benignAccuracyDrop: number;
  /**
   * benignAccuracyDrop split between the defenses that change answers, by defense id in the API's
   * order (today the watermark's planted labels, then output perturbation; 0 when off). The
   * entries sum to benignAccuracyDrop.
   */
  accuracyDropBy: Readonly<Record<string, number>>;
  /** mean L1 distance between clean and served probability vectors on honest queries */
  distortion: number;
  /** share of honest accounts that hit the rate limit at least once */
  benignBlocked: number;
  /** share of honest accounts that the detector flags */
  falsePositives: number;
  /** chat kind: share of honest requests that wanted the model's steps and did not get them */
  stepsDenied?: number;
}

export interface WatermarkReport {
  /** one-sided p-value of the ownership test on the attacker's student */
  pValue: number;
  /** the same test on an independently trained control model */
  controlPValue: number;
  /** share of watermark inputs on which the student returns the planted label */
  matchRate: number;
  /** share of the attacker's other inputs on which it returns the hash-chosen wrong label */
  baselineRate: number;
  controlMatchRate: number;
  controlBaselineRate: number;
  /** number of watermarked answers logged for the attacker */
  watermarkedQueries: number;
  /** ownership shown: pValue < alpha */
  shown: boolean;
  /** the control model would be accused: controlPValue < alpha (should be false) */
  controlAccused: boolean;
}

/** W statistic after each test of one account's distance list. */
export interface WSeries {
  /** query count (of that account) at each test */
  queries: number[];
  w: number[];
  /** query index at which the alarm fired, or null */
  alarmAt: number | null;
}

/** One attacker account's W series, with the account's number (0-based). */
export interface AccountSeries extends WSeries {
  account: number;
}

export interface DetectionReport {
  /** attacker accounts flagged (and banned) */
  flaggedAccounts: number;
  /**
   * index (0-based) of the first alarm among all the attacker's queries, counted over every
   * account in the order they were sent (not within the account), or null
   */
  firstAlarmAtQuery: number | null;
  /** honest accounts flagged */
  benignFlagged: number;
  /** honest accounts that sent enough queries to be tested */
  benignTested: number;
  /** the attacker's first account (account 0) */
  attackerSeries: WSeries;
  /**
   * every attacker account that was tested, banned ones first (in the order of their alarms),
   * then the others by number, at most MAX_CHARTED_ACCOUNTS of them (the detector's module)
   */
  attackerAccounts: AccountSeries[];
  /** attacker accounts that sent enough queries to be tested at least once */
  attackerTested: number;
  benignSeries: WSeries;
}

/* eslint-disable @typescript-eslint/no-empty-object-type */
/**
 * What each defense adds to a result (null when it is off), merged in by the defense's meta module
 * (declaration merging), e.g. `watermark: WatermarkReport | null`.
 */
export interface DefenseReports {}
/** Each scenario kind's own result parts (optional), merged in by the kind's meta, e.g. `maps`. */
export interface KindResults {}
/* eslint-enable @typescript-eslint/no-empty-object-type */

export interface SimulationResult extends DefenseReports, KindResults {
  config: Config;
  /** the scenario kind that produced it (= config.scenario.kind) */
  kind: ScenarioKind;
  classes: number;
  victim: { accuracy: number; trainAccuracy: number };
  student: {
    accuracy: number;
    fidelity: number;
    fidelityUniform: number;
    /** credit: largest absolute error of the recovered standardised weights and bias (null: not linear) */
    weightError?: number | null;
    /** credit: mean absolute error of the stolen approval probability on held-out applicants */
    scoreError?: number;
  };
  attacker: {
    queriesAsked: number;
    queriesAnswered: number;
    queriesDenied: number;
    accountsUsed: number;
    accountsBanned: number;
    days: number;
    costUSD: number;
    /** the most the API would answer this attacker: accounts x perDay x days (Infinity-free: null when unlimited) */
    answerCap: number | null;
  };
  curve: CurvePoint[];
  defenseCost: DefenseCost;
  queries: QueryTrace;
}

/** Progress callback: fraction in [0, 1] and a short phase name. */
export type ProgressFn = (fraction: number, phase: string) => void;

/** Mean and standard deviation over seeds. */
export interface SeedStat {
  mean: number;
  std: number;
}

/** One level of a defense-strength sweep, averaged over seeds. */
export interface SweepLevel {
  /** the knob's value at this level (number, or a mode name for the categorical knob) */
  level: number | string;
  /** human-readable label, e.g. "sigma 0.4" or "label only" */
  label: string;
  fidelity: SeedStat;
  fidelityUniform: SeedStat;
  studentAccuracy: SeedStat;
  benignAccuracyDrop: SeedStat;
  distortion: SeedStat;
  benignBlocked: SeedStat;
  falsePositives: SeedStat;
  /** chat kind only: share of honest requests that wanted the steps and did not get them */
  stepsDenied?: SeedStat;
  attackerCostUSD: SeedStat;
  queriesAnswered: SeedStat;
  /** share of seeds where the watermark showed ownership (null when the watermark is off) */
  watermarkShown: number | null;
}

export interface SweepResult {
  /** knob name, e.g. 'defense.output.sigma' */
  knob: string;
  seeds: number[];
  /** the base config the sweep varied */
  config: Config;
  levels: SweepLevel[];
}
