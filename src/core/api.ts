/**
 * The simulated prediction API: the one place where the owner's defenses act. Each query comes
 * from an account on a day; the API answers it (or refuses it) and logs it.
 *
 * Defenses compose in one fixed order (REFERENCE.md, issue "Defenses"):
 *   1. refuse if the account is banned (detection) or over its daily rate limit;
 *   2. the victim computes its clean probabilities;
 *   3. the detector (PRADA) observes the query; an alarm bans the account for later queries;
 *   4. the watermark (DAWN) may swap in a planted wrong label;
 *   5. output perturbation (rounding, top-k, label only, noise, reverse sigmoid).
 */
import type { Config } from './config';
import { argmax, perturbOutput } from './defenses/outputPerturbation';
import { applyWatermark, watermarkDecision } from './defenses/watermark';
import type { PradaDetector } from './defenses/prada';
import { QueryLog } from './queryLog';
import type { Rng } from './rng';
import { QUERY_STATUS, type Classifier, type QueryStatus } from './types';

export interface ApiOptions {
  defense: Config['defense'];
  /** secret key of the watermark hash (derived from the seed by the caller) */
  watermarkKey: number;
  /** stream for randomised answers (Gaussian noise) */
  rng: Rng;
  /** the PRADA detector when detection is on */
  detector: PradaDetector | null;
}

export class PredictionApi {
  readonly log: QueryLog;
  readonly classes: number;
  readonly dims: number;
  private readonly victim: Classifier;
  private readonly options: ApiOptions;
  /** answers given per account-day, key = account * 65536 + day */
  private readonly answeredToday = new Map<number, number>();
  private readonly bannedAccounts = new Set<number>();
  /** log index of each query that raised a detection alarm */
  readonly alarms: number[] = [];
  private readonly clean: Float64Array;
  private readonly marked: Float64Array;

  constructor(victim: Classifier, options: ApiOptions) {
    this.victim = victim;
    this.options = options;
    this.classes = victim.classes;
    this.dims = victim.inputDims;
    this.log = new QueryLog(this.dims, this.classes);
    this.clean = new Float64Array(this.classes);
    this.marked = new Float64Array(this.classes);
  }

  isBanned(account: number): boolean {
    return this.bannedAccounts.has(account);
  }

  get bannedCount(): number {
    return this.bannedAccounts.size;
  }

  /**
   * Answers row `row` of `inputs` for `account` on `day`. On success writes the served
   * probabilities into served[servedRow * classes ...]; returns what happened.
   */
  query(
    account: number,
    day: number,
    inputs: Float64Array,
    row: number,
    served: Float64Array,
    servedRow: number,
  ): QueryStatus {
    const { defense } = this.options;
    const { classes, dims } = this;
    // 1. Refusals.
    if (this.bannedAccounts.has(account)) {
      this.log.append(account, day, QUERY_STATUS.banned, inputs, row);
      return QUERY_STATUS.banned;
    }
    if (defense.rateLimit.on) {
      const key = account * 65536 + day;
      const used = this.answeredToday.get(key) ?? 0;
      if (used >= defense.rateLimit.perDay) {
        this.log.append(account, day, QUERY_STATUS.rateLimited, inputs, row);
        return QUERY_STATUS.rateLimited;
      }
      this.answeredToday.set(key, used + 1);
    }
    const entry = this.log.append(account, day, QUERY_STATUS.answered, inputs, row);
    // 2. The victim's clean answer.
    this.victim.predict(inputs, 1, this.clean, row);
    const cleanLabel = argmax(this.clean);
    // 3. Detection sees every answered query; an alarm bans the account from the next query on.
    if (this.options.detector) {
      const seen = this.options.detector.observe(account, inputs, row * dims, cleanLabel);
      if (seen.alarm && !this.bannedAccounts.has(account)) {
        this.bannedAccounts.add(account);
        this.alarms.push(entry);
      }
    }
    // 4. Watermark: a keyed hash of the input may plant a wrong label.
    this.marked.set(this.clean);
    if (defense.watermark.on) {
      const wrong = watermarkDecision(
        this.options.watermarkKey,
        inputs,
        row * dims,
        dims,
        defense.watermark.rate,
        classes,
        cleanLabel,
      );
      if (wrong >= 0) {
        applyWatermark(this.marked, wrong);
        this.log.planted[entry] = wrong;
      }
    }
    // 5. Output perturbation, written straight into the caller's buffer.
    const out = served.subarray(servedRow * classes, servedRow * classes + classes);
    perturbOutput(this.marked, defense.output, this.options.rng, out);
    this.log.clean.set(this.clean, entry * classes);
    this.log.served.set(out, entry * classes);
    return QUERY_STATUS.answered;
  }
}
