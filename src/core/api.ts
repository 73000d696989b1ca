/**
 * The simulated prediction API: the one place where the owner's defenses act. Each query comes
 * from an account on a day; the API answers it (or refuses it) and logs it.
 *
 * The defenses compose in the order they declare (registry/types.ts, DefenseMeta.order; today:
 *   1. refuse if the account is banned (by any detector) or over its daily rate limit (gate);
 *   2. the victim computes its clean probabilities;
 *   3. the detector (PRADA) observes the query; an alarm bans the account for later queries;
 *   4. the watermark (DAWN) may swap in a planted wrong label;
 *   5. output perturbation (rounding, top-k, label only, noise, reverse sigmoid).)
 * The API itself knows no defense by name: it runs the stages it is given. A detector that looks
 * at many accounts at once (the chat kind's campaign detection, at the end of each day) bans
 * through `ban`.
 *
 * Explanations (the credit kind's `defense.output.explanations`): an API built with an `Explainer`
 * also serves, with each answered query, the victim's feature attributions of that input, written
 * into the caller's `explanations` buffer (dims per query). They travel beside the answer, not in
 * it: the answer stages (watermark, output perturbation) change the probabilities only, so an
 * explanation is served exactly; a refused query gets none.
 */
import { argmax } from './math/vector';
import { QueryLog } from './queryLog';
import type { DefenseStage } from './registry/runtime-types';
import { QUERY_STATUS, type Classifier, type QueryStatus } from './types';

/** What an explaining API serves beside each answer (scenarios/credit/model.ts CreditModel). */
export interface Explainer {
  /** Writes the attributions of `count` rows of `inputs` (from row `offset`) into out[0 .. count*dims). */
  attributions(inputs: Float64Array, count: number, out: Float64Array, offset?: number): void;
}

/** A defense's stage with the id of its defense, in the API's order. */
export interface ApiStage {
  id: string;
  stage: DefenseStage;
}

export class PredictionApi {
  readonly log: QueryLog;
  readonly classes: number;
  readonly dims: number;
  private readonly victim: Classifier;
  private readonly explainer: Explainer | null;
  private readonly gates: DefenseStage[];
  private readonly observers: DefenseStage[];
  private readonly answerers: DefenseStage[];
  private readonly bannedAccounts = new Set<number>();
  /** log index of each query that raised a detection alarm */
  readonly alarms: number[] = [];
  private readonly clean: Float64Array;
  private readonly scratch: Float64Array;

  /**
   * `stages` in the API's order (the caller attaches only the defenses that are on); `explainer`
   * when the API also serves explanations (null or absent: answers only).
   */
  constructor(victim: Classifier, stages: readonly ApiStage[], explainer: Explainer | null = null) {
    this.victim = victim;
    this.explainer = explainer;
    this.classes = victim.classes;
    this.dims = victim.inputDims;
    this.log = new QueryLog(this.dims, this.classes);
    this.clean = new Float64Array(this.classes);
    this.scratch = new Float64Array(this.classes);
    this.gates = stages.filter((s) => s.stage.gate).map((s) => s.stage);
    this.observers = stages.filter((s) => s.stage.observe).map((s) => s.stage);
    this.answerers = stages.filter((s) => s.stage.answer).map((s) => s.stage);
  }

  /** True when each answer also carries the victim's attributions (see the file header). */
  get explains(): boolean {
    return this.explainer !== null;
  }

  isBanned(account: number): boolean {
    return this.bannedAccounts.has(account);
  }

  /**
   * Bans `account` from now on: a detector that acts outside the per-query observers (the chat
   * kind's campaign detection, at the end of each day) bans through here; no alarm is logged.
   */
  ban(account: number): void {
    this.bannedAccounts.add(account);
  }

  get bannedCount(): number {
    return this.bannedAccounts.size;
  }

  /**
   * The API's refusals alone (step 1): `banned` when a detector banned the account, else the first
   * gate's refusal (rate limit), else `answered`, in which case the gates have counted the request.
   * Logs nothing. `query` calls it first; a kind whose answers are not class probabilities (chat)
   * calls it per request and answers admitted requests itself, so accounts, days, rate limits and
   * bans act the same for every kind.
   */
  admit(account: number, day: number): QueryStatus {
    if (this.bannedAccounts.has(account)) return QUERY_STATUS.banned;
    for (const gate of this.gates) {
      const refused = gate.gate!(account, day);
      if (refused !== null) return refused;
    }
    return QUERY_STATUS.answered;
  }

  /**
   * Answers row `row` of `inputs` for `account` on `day`. On success writes the served
   * probabilities into served[servedRow * classes ...]; returns what happened. With
   * `stageLabels`, also writes the answer's top-1 after each answer stage (honest-cost split).
   * With `explanations` and an explaining API, an answered query's attributions go to
   * explanations[servedRow * dims ...].
   */
  query(
    account: number,
    day: number,
    inputs: Float64Array,
    row: number,
    served: Float64Array,
    servedRow: number,
    stageLabels?: Uint8Array,
    explanations?: Float64Array,
  ): QueryStatus {
    const { classes, dims } = this;
    // 1. Refusals: a ban first, then each gate in order.
    const admitted = this.admit(account, day);
    if (admitted !== QUERY_STATUS.answered) {
      this.log.append(account, day, admitted, inputs, row);
      return admitted;
    }
    const entry = this.log.append(account, day, QUERY_STATUS.answered, inputs, row);
    // 2. The victim's clean answer.
    this.victim.predict(inputs, 1, this.clean, row);
    const cleanLabel = argmax(this.clean);
    // 3. Observers see every answered query; an alarm bans the account from the next query on.
    for (const observer of this.observers) {
      if (observer.observe!(account, inputs, row * dims, cleanLabel) && !this.isBanned(account)) {
        this.bannedAccounts.add(account);
        this.alarms.push(entry);
      }
    }
    // 4-5. Answer stages transform the answer in place, written straight into the caller's buffer.
    const out = served.subarray(servedRow * classes, servedRow * classes + classes);
    out.set(this.clean);
    this.answerers.forEach((stage, s) => {
      stage.answer!(out, inputs, row * dims, cleanLabel, this.log, entry, this.scratch);
      if (stageLabels) stageLabels[s] = argmax(out);
    });
    this.log.clean.set(this.clean, entry * classes);
    this.log.served.set(out, entry * classes);
    if (explanations && this.explainer) {
      this.explainer.attributions(inputs, 1, explanations.subarray(servedRow * dims), row);
    }
    return QUERY_STATUS.answered;
  }
}
