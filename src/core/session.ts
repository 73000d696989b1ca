/**
 * One attacker's session against the prediction API, shared by every scenario kind: implements
 * the AttackContext that strategies use, spreads queries over the attacker's accounts and days
 * (./schedule.ts), keeps the stolen training set, trains the student, and records the learning
 * curve (the kind's measures after each tenth of the budget). The kind supplies the attacker's
 * own data (`pool`), the measures (`measure`) and anything it keeps per curve point
 * (`onCheckpoint`, e.g. the planar kind's student map).
 */
import type { AskResult, AttackContext, StudentView } from './attacks/context';
import type { PredictionApi } from './api';
import type { Config } from './config/schema';
import { outputMode } from './defenses/output/modes/index';
import { argmax } from './math/vector';
import type { Rng } from './rng';
import { planQuery } from './schedule';
import { StolenSet } from './stolenSet';
import {
  QUERY_STATUS,
  type CurvePoint,
  type InputBox,
  type ProgressFn,
  type QueryTrace,
} from './types';

import { CURVE_POINTS, MIN_FIT_STEPS, STUDENT_BATCH } from './runSizes';

export { CURVE_POINTS, MIN_FIT_STEPS, STUDENT_BATCH };

/** Trains the student on (inputs, targets) for a number of optimiser steps (warm start). */
export type StudentTrainer = (
  inputs: Float64Array,
  targets: Float64Array,
  count: number,
  steps: number,
) => void;

/** The kind's measures of the student at a curve point (queries are added by the session). */
export type CurveMeasures = Omit<CurvePoint, 'queries' | 'answered'>;

export interface SessionParts {
  config: Config;
  /** the input box (uniform queries, maps) */
  box: InputBox;
  dims: number;
  classes: number;
  api: PredictionApi;
  student: StudentView;
  train: StudentTrainer;
  /** `count` points of the attacker's own unlabeled data, drawn from `rng` */
  pool(count: number, rng: Rng): Float64Array;
  /** the student's fidelity and accuracy now */
  measure(): CurveMeasures;
  /** called after each curve point (after measure) */
  onCheckpoint?(): void;
  /**
   * Only the last curve point is measured (sweeps read nothing else); the others keep their
   * query counts with NaN measures. The student is trained exactly as otherwise and measuring
   * draws nothing random, so the final numbers are the same.
   */
  finalOnly?: boolean;
  rng: Rng;
  onProgress?: ProgressFn;
}

/** A curve point's measures when they were not taken (SessionParts.finalOnly). */
const UNMEASURED: CurveMeasures = { fidelity: NaN, fidelityUniform: NaN, accuracy: NaN };

export class AttackSession implements AttackContext {
  readonly config: Config;
  readonly box;
  readonly dims: number;
  readonly classes: number;
  readonly rng: Rng;
  readonly student: StudentView;
  readonly stolen: StolenSet;
  readonly curve: CurvePoint[] = [];
  readonly trace: QueryTrace;
  sent = 0;
  answered = 0;
  private fittedCount = 0;
  private nextCheckpoint = 0;
  private readonly checkpoints: number[];
  private readonly parts: SessionParts;
  private readonly hard: boolean;
  private readonly served: Float64Array;
  private readonly usedAccounts = new Set<number>();
  /** pool draws made at each query count */
  private readonly poolDraws = new Map<number, number>();

  constructor(parts: SessionParts) {
    const { config } = parts;
    this.parts = parts;
    this.config = config;
    this.box = parts.box;
    this.dims = parts.dims;
    this.classes = parts.classes;
    this.rng = parts.rng;
    this.student = parts.student;
    this.stolen = new StolenSet(this.dims, this.classes);
    this.hard = outputMode(config.defense.output.mode).hardLabels;
    this.served = new Float64Array(this.classes);
    const budget = config.attack.queries;
    const points = Math.min(CURVE_POINTS, budget);
    this.checkpoints = Array.from({ length: points }, (_, k) =>
      Math.ceil(((k + 1) * budget) / points),
    );
    this.trace = {
      count: 0,
      dims: this.dims,
      inputs: new Float64Array(budget * this.dims),
      status: new Uint8Array(budget),
      servedLabel: new Uint8Array(budget).fill(255),
      watermarked: new Uint8Array(budget),
      account: new Uint32Array(budget),
      day: new Uint16Array(budget),
    };
  }

  remaining(): number {
    return this.config.attack.queries - this.sent;
  }

  get accountsUsed(): number {
    return this.usedAccounts.size;
  }

  pool(count: number): Float64Array {
    // A stream per draw: `pool:<sent>` for the first draw after <sent> queries (as before), with a
    // counter for further draws at the same point, so two draws never repeat each other.
    const repeat = this.poolDraws.get(this.sent) ?? 0;
    this.poolDraws.set(this.sent, repeat + 1);
    const label = repeat === 0 ? `pool:${this.sent}` : `pool:${this.sent}:${repeat}`;
    return this.parts.pool(count, this.rng.fork(label));
  }

  /** The account for the next query: the planned one, or the next one not banned. */
  private pickAccount(planned: number): number {
    const { accounts } = this.config.attack;
    for (let step = 0; step < accounts; step++) {
      const account = (planned + step) % accounts;
      if (!this.parts.api.isBanned(account)) return account;
    }
    return planned; // every account is banned: the API refuses the query
  }

  ask(inputs: Float64Array, count: number): AskResult {
    const { dims, classes } = this;
    const { accounts, days, queries } = this.config.attack;
    const sent = Math.max(0, Math.min(count, this.remaining()));
    const result: AskResult = {
      sent,
      answered: new Uint8Array(sent),
      served: new Float64Array(sent * classes),
      servedLabels: new Uint8Array(sent).fill(255),
    };
    if (this.parts.api.explains) result.explanations = new Float64Array(sent * dims);
    for (let i = 0; i < sent; i++) {
      const index = this.sent;
      const plan = planQuery(index, queries, accounts, days);
      const account = this.pickAccount(plan.account);
      this.usedAccounts.add(account);
      const status = this.parts.api.query(
        account,
        plan.day,
        inputs,
        i,
        result.served,
        i,
        undefined,
        result.explanations,
      );
      const t = this.trace;
      for (let d = 0; d < dims; d++) t.inputs[index * dims + d] = inputs[i * dims + d]!;
      t.status[index] = status;
      t.account[index] = account;
      t.day[index] = plan.day;
      t.count = index + 1;
      if (status === QUERY_STATUS.answered) {
        const log = this.parts.api.log;
        t.watermarked[index] = log.planted[log.count - 1]! >= 0 ? 1 : 0;
        const best = argmax(result.served, i * classes, classes);
        result.answered[i] = 1;
        result.servedLabels[i] = best;
        t.servedLabel[index] = best;
        this.stolen.add(inputs, i, result.served, i, this.hard);
        this.answered++;
      }
      this.sent++;
      if (this.sent === this.checkpoints[this.nextCheckpoint]) this.checkpoint();
    }
    return result;
  }

  /**
   * Trains on everything stolen so far. The number of Adam steps is proportional to the new
   * answers (student.epochs passes' worth of them), so the total training of a run is about
   * student.epochs passes over the final set however often strategies call fit().
   */
  fit(): void {
    const fresh = this.stolen.count - this.fittedCount;
    if (fresh <= 0) return;
    const steps = Math.max(
      MIN_FIT_STEPS,
      Math.ceil((this.config.attack.student.epochs * fresh) / STUDENT_BATCH),
    );
    this.parts.train(this.stolen.inputs, this.stolen.targets, this.stolen.count, steps);
    this.fittedCount = this.stolen.count;
  }

  /** Measures the student now and appends a curve point (and whatever the kind keeps). */
  private checkpoint(): void {
    this.nextCheckpoint++;
    this.fit();
    const measures = this.parts.finalOnly ? UNMEASURED : this.parts.measure();
    this.curve.push({ queries: this.sent, answered: this.answered, ...measures });
    this.parts.onCheckpoint?.();
    this.parts.onProgress?.(this.sent / this.config.attack.queries, 'attack');
  }

  /** Closes the session: a last curve point if the strategy stopped short of its budget. */
  finish(): void {
    if (this.curve.length === 0 || this.curve[this.curve.length - 1]!.queries !== this.sent) {
      this.checkpoint();
    }
    if (this.parts.finalOnly) {
      const last = this.curve[this.curve.length - 1]!;
      this.curve[this.curve.length - 1] = { ...last, ...this.parts.measure() };
    }
  }
}
