/**
 * Account fingerprints for campaign detection: what the owner can see of each account's traffic,
 * kept as running counts so that 100,000 accounts cost a few typed arrays and every request O(1).
 *
 * A request is (account, day, hour, wording, steps). `wording` stands for the words around the
 * task that the lab's tiny language does not model (the prompt's phrasing, its template): one
 * integer per phrasing, so two requests with the same number are worded alike. The provider that
 * reported the 2026 campaigns found them through "shared templates, timing, infrastructure"
 * (REFERENCE.md, "The chat scenario"); the fingerprint keeps the first two and the volume:
 *   - shared wording: a wording is *shared* when at least SHARED_ACCOUNTS accounts use it (a
 *     template, or a popular phrasing); an account's signature is the shared wording it uses
 *     most, if it carries at least SIGNATURE_SHARE of its requests (else it has none);
 *   - timing: the busiest PEAK_WINDOW-hour window of the day (circular) and the share of the
 *     account's requests in it (its concentration);
 *   - volume: requests per active day; steps: share of requests that ask for the steps;
 *     days: share of the observed days on which the account was active.
 */

/** Hours in a day; requests carry an hour 0..23. */
export const HOURS = 24;
/** Width of the busiest-window feature, hours. */
export const PEAK_WINDOW = 3;
/** A wording used by at least this many accounts is shared. */
export const SHARED_ACCOUNTS = 10;
/** An account's most used shared wording is its signature when it carries at least this share. */
export const SIGNATURE_SHARE = 0.3;
/** Wording ids are below this (an account-wording pair is one number: account * SPACE + wording). */
export const WORDING_SPACE = 4194304;

/** The fingerprint of every account, parallel arrays indexed by account. */
export interface Fingerprints {
  accounts: number;
  /** requests seen */
  requests: Uint32Array;
  /** the account's signature wording, -1 when it has none */
  signature: Int32Array;
  /** share of its requests in shared wordings */
  sharedShare: Float64Array;
  /** share of its requests that ask for the steps */
  stepsShare: Float64Array;
  /** first hour of its busiest PEAK_WINDOW-hour window (lowest on a tie) */
  peak: Uint8Array;
  /** share of its requests in that window */
  concentration: Float64Array;
  /** requests per day it was active */
  perActiveDay: Float64Array;
  /** days it was active / days observed */
  activeShare: Float64Array;
}

/** Running counts of every account's traffic (see the header). */
export class AccountTraffic {
  readonly accounts: number;
  private readonly requests: Uint32Array;
  private readonly steps: Uint32Array;
  /** hours[account * HOURS + h]: requests in hour h */
  private readonly hours: Uint32Array;
  private readonly activeDays: Uint32Array;
  private readonly lastDay: Int32Array;
  /** requests per account-wording pair */
  private readonly pairs = new Map<number, number>();
  /** distinct accounts per wording */
  private readonly wordingAccounts = new Map<number, number>();

  /** @param accounts number of accounts (ids 0 .. accounts - 1) */
  constructor(accounts: number) {
    this.accounts = accounts;
    this.requests = new Uint32Array(accounts);
    this.steps = new Uint32Array(accounts);
    this.hours = new Uint32Array(accounts * HOURS);
    this.activeDays = new Uint32Array(accounts);
    this.lastDay = new Int32Array(accounts).fill(-1);
  }

  /**
   * Records one request. Days must not decrease for an account (the lab feeds traffic day by day).
   * @param account 0 .. accounts - 1
   * @param day 0-based
   * @param hour 0..23
   * @param wording phrasing id, 0 .. WORDING_SPACE - 1
   * @param steps whether it asked for the steps
   */
  record(account: number, day: number, hour: number, wording: number, steps: boolean): void {
    if (!(account >= 0 && account < this.accounts)) {
      throw new RangeError(`account must be in [0, ${this.accounts}), got ${account}`);
    }
    if (!(Number.isInteger(hour) && hour >= 0 && hour < HOURS)) {
      throw new RangeError(`hour must be an integer in [0, ${HOURS}), got ${hour}`);
    }
    if (!(Number.isInteger(wording) && wording >= 0 && wording < WORDING_SPACE)) {
      throw new RangeError(`wording must be an integer in [0, ${WORDING_SPACE}), got ${wording}`);
    }
    this.requests[account]!++;
    if (steps) this.steps[account]!++;
    this.hours[account * HOURS + hour]!++;
    if (this.lastDay[account] !== day) {
      this.lastDay[account] = day;
      this.activeDays[account]!++;
    }
    const key = account * WORDING_SPACE + wording;
    const seen = this.pairs.get(key);
    this.pairs.set(key, (seen ?? 0) + 1);
    if (seen === undefined)
      this.wordingAccounts.set(wording, (this.wordingAccounts.get(wording) ?? 0) + 1);
  }

  /** Distinct accounts that used `wording`. */
  accountsUsing(wording: number): number {
    return this.wordingAccounts.get(wording) ?? 0;
  }

  /**
   * Every account's fingerprint now (see the header). O(accounts * HOURS + account-wording pairs).
   * @param observedDays days observed so far (the denominator of activeShare), >= 1
   */
  fingerprints(observedDays: number): Fingerprints {
    const n = this.accounts;
    const shared = new Float64Array(n);
    const bestCount = new Uint32Array(n);
    const signature = new Int32Array(n).fill(-1);
    for (const [key, count] of this.pairs) {
      const wording = key % WORDING_SPACE;
      if (this.accountsUsing(wording) < SHARED_ACCOUNTS) continue;
      const account = (key - wording) / WORDING_SPACE;
      shared[account]! += count;
      const best = bestCount[account]!;
      if (count > best || (count === best && wording < signature[account]!)) {
        bestCount[account] = count;
        signature[account] = wording;
      }
    }
    const fp: Fingerprints = {
      accounts: n,
      requests: this.requests.slice(),
      signature,
      sharedShare: shared,
      stepsShare: new Float64Array(n),
      peak: new Uint8Array(n),
      concentration: new Float64Array(n),
      perActiveDay: new Float64Array(n),
      activeShare: new Float64Array(n),
    };
    for (let a = 0; a < n; a++) {
      const total = this.requests[a]!;
      if (total === 0) {
        signature[a] = -1;
        continue;
      }
      shared[a] = shared[a]! / total;
      if (bestCount[a]! < SIGNATURE_SHARE * total) signature[a] = -1;
      fp.stepsShare[a] = this.steps[a]! / total;
      const { start, count } = busiestWindow(this.hours, a * HOURS);
      fp.peak[a] = start;
      fp.concentration[a] = count / total;
      fp.perActiveDay[a] = total / this.activeDays[a]!;
      fp.activeShare[a] = Math.min(1, this.activeDays[a]! / observedDays);
    }
    return fp;
  }
}

/**
 * The busiest PEAK_WINDOW-hour window of a 24-hour histogram, wrapping past midnight: the start
 * h maximising hist[h] + hist[h+1] + hist[h+2] (mod 24), the lowest h on a tie, and that sum.
 * @param hist the histogram (HOURS entries from `offset`)
 */
export function busiestWindow(
  hist: ArrayLike<number>,
  offset = 0,
): { start: number; count: number } {
  let start = 0;
  let count = -1;
  for (let h = 0; h < HOURS; h++) {
    let sum = 0;
    for (let w = 0; w < PEAK_WINDOW; w++) sum += hist[offset + ((h + w) % HOURS)]!;
    if (sum > count) {
      count = sum;
      start = h;
    }
  }
  return { start, count };
}
