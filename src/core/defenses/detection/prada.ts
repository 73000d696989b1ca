/**
 * PRADA, the extraction-attack detector of Juuti et al. ("PRADA: Protecting against DNN Model
 * Stealing Attacks", IEEE EuroS&P 2019), per account. Natural queries land at roughly normally
 * distributed distances from the earlier ones; synthetic queries made by small steps from earlier
 * queries (Jacobian augmentation, Papernot et al. 2017) do not.
 *
 * For each query x that the victim labels c (Algorithm 1 of the paper, as in the authors' code):
 *   - if the growing set G_c is empty, x starts it: G_c = {x}, its distance list D_Gc = {0},
 *     threshold T_c = 0, and nothing is added to the account's distance list D;
 *   - otherwise d = min over y in G_c of ||x - y||_2 is appended to D, and if d > T_c, x joins G_c,
 *     d joins D_Gc and T_c = max(T_c, mean(D_Gc) - std(D_Gc)) (population std, as numpy's).
 * Once |D| >= minQueries, the Shapiro-Wilk W of D is computed (after dropping values more than
 * OUTLIER_SIGMAS standard deviations from the mean, as the authors' code does); W < delta raises
 * the alarm, which is sticky: the caller bans the account.
 *
 * Choices where the paper leaves room (documented so the page can say them):
 *   - the test runs once |D| >= minQueries (the authors' code waits for more than 100), after
 *     every new distance while |D| <= 1,000, then whenever |D| has grown by 0.5% since the last
 *     test (every 5 to 50 queries; the authors' code tests every 10th query). Testing every query
 *     up to 5,000 would evaluate n/2 normal quantiles each time, 6 million per account (about
 *     180 ms here; this schedule: about 25 ms), and an alarm comes at most 0.5% of |D| later;
 *   - Shapiro-Wilk is valid up to n = 5000, so beyond that the test uses the latest 5000 distances;
 *   - a distance sample with no spread at all (e.g. an account repeating one query, so every d is
 *     0) gets W = 0, the least normal value, since W tends to 0 as a sample collapses onto one
 *     value; R refuses such a sample and the authors' outlier filter would drop every value;
 *   - once an account is flagged, later queries are not examined (it is banned).
 *
 * Low dimensions: the premise (natural queries give roughly normal distances) holds in the
 * paper's high-dimensional inputs, but in 2-D nearest-neighbour distances are skewed
 * (Rayleigh-like, and shrinking as the growing set fills in): natural 2-D queries give W around
 * 0.8 to 0.9, so delta = 0.9 flags honest accounts too, while tightly chained queries give W
 * around 0.6 to 0.7. Measured (280 queries, minQueries 40): delta 0.9 flags 40/40 natural 2-D
 * accounts; delta 0.7 flags 0/40 i.i.d. normal, 2/40 two-moons, and 40/40 chained; in 10-D,
 * delta 0.9 flags 2/20 natural and 20/20 chained.
 *
 * Cost: each query costs O(|G_c| dims) for the distance and O(n) for a test, with the distance
 * list kept sorted by insertion so nothing is re-sorted (a 5,000-query log takes a few tens of
 * milliseconds, see test/core/defenses/prada.test.ts).
 */
import {
  SHAPIRO_WILK_MAX_N,
  shapiroWilkCoefficients,
  shapiroWilkSorted,
} from '../../metrics/shapiroWilk';
import type { WSeries } from '../../types';

/** Distances further than this many standard deviations from the mean are dropped before the test. */
export const OUTLIER_SIGMAS = 3;
/** Up to this many distances, the account is tested after every new distance. */
export const TEST_EVERY_DISTANCE_UP_TO = 1000;
/** Beyond that, it is tested whenever its distance count has grown by this fraction (0.5%). */
export const TEST_GROWTH = 0.005;
/** Sample sizes whose Shapiro-Wilk coefficients the detector keeps (at most 2,501 numbers each). */
const COEFFICIENT_CACHE_SIZES = 32;

export interface PradaOptions {
  /** alarm when W < delta (the paper's delta; 0.9 by default in the config) */
  delta: number;
  /** distances an account needs before it is tested (>= 3) */
  minQueries: number;
  /** input dimensions */
  dims: number;
  /** accounts whose W series is recorded for the charts */
  recordAccounts?: readonly number[];
}

export interface PradaObservation {
  /** a Shapiro-Wilk test ran on this query */
  tested: boolean;
  /** W of that test, or null */
  w: number | null;
  /** the account is flagged (by this query or an earlier one) */
  alarm: boolean;
}

/** A growable row-major block of points plus its growing-set statistics. */
class GrowingSet {
  points: Float64Array;
  count = 0;
  /** sum and sum of squares of D_Gc, which starts as {0} */
  distanceSum = 0;
  distanceSumSq = 0;
  distanceCount = 1;
  threshold = 0;

  constructor(private readonly dims: number) {
    this.points = new Float64Array(16 * dims);
  }

  add(input: Float64Array, offset: number): void {
    const { dims } = this;
    if ((this.count + 1) * dims > this.points.length) {
      const next = new Float64Array(this.points.length * 2);
      next.set(this.points);
      this.points = next;
    }
    for (let k = 0; k < dims; k++) this.points[this.count * dims + k] = input[offset + k]!;
    this.count++;
  }

  /** Minimum Euclidean distance from the input row to the set's points. */
  minDistance(input: Float64Array, offset: number): number {
    const { dims, points } = this;
    let best = Infinity;
    for (let p = 0; p < this.count; p++) {
      let sq = 0;
      for (let k = 0; k < dims; k++) {
        const diff = points[p * dims + k]! - input[offset + k]!;
        sq += diff * diff;
      }
      if (sq < best) best = sq;
    }
    return Math.sqrt(best);
  }

  /** Records an accepted distance and raises the threshold to mean - std of D_Gc if higher. */
  accept(distance: number): void {
    this.distanceSum += distance;
    this.distanceSumSq += distance * distance;
    this.distanceCount++;
    const mean = this.distanceSum / this.distanceCount;
    const variance = Math.max(0, this.distanceSumSq / this.distanceCount - mean * mean);
    this.threshold = Math.max(this.threshold, mean - Math.sqrt(variance));
  }
}

class AccountState {
  readonly sets = new Map<number, GrowingSet>();
  /** every distance in arrival order */
  arrivals = new Float64Array(64);
  added = 0;
  /**
   * The latest min(added, 5000) distances, sorted ascending. It grows by doubling up to 5,000
   * entries: a run with 100,000 attacker accounts touches thousands of accounts with a handful of
   * queries each, and a full 40 KB window for each took 400 MB (issue 15).
   */
  window = new Float64Array(64);
  windowSum = 0;
  windowSumSq = 0;
  queries = 0;
  /** distance count at the last test */
  lastTested = 0;
  flagged = false;
  series: WSeries | null = null;

  get windowSize(): number {
    return Math.min(this.added, SHAPIRO_WILK_MAX_N);
  }

  /** Appends a distance, keeping the window sorted (binary search + one shift, no re-sort). */
  addDistance(distance: number): void {
    if (this.added === this.arrivals.length) {
      const next = new Float64Array(this.arrivals.length * 2);
      next.set(this.arrivals);
      this.arrivals = next;
    }
    this.arrivals[this.added] = distance;
    let size = this.windowSize;
    if (size === this.window.length && size < SHAPIRO_WILK_MAX_N) {
      const next = new Float64Array(Math.min(SHAPIRO_WILK_MAX_N, 2 * size));
      next.set(this.window);
      this.window = next;
    }
    if (this.added >= SHAPIRO_WILK_MAX_N) {
      // Drop the oldest distance of the window.
      const oldest = this.arrivals[this.added - SHAPIRO_WILK_MAX_N]!;
      const at = lowerBound(this.window, size, oldest);
      this.window.copyWithin(at, at + 1, size);
      size--;
      this.windowSum -= oldest;
      this.windowSumSq -= oldest * oldest;
    }
    const at = lowerBound(this.window, size, distance);
    this.window.copyWithin(at + 1, at, size);
    this.window[at] = distance;
    this.windowSum += distance;
    this.windowSumSq += distance * distance;
    this.added++;
  }
}

/** First index in sorted[0..size) whose value is >= value. */
function lowerBound(sorted: Float64Array, size: number, value: number): number {
  let lo = 0;
  let hi = size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index in sorted[0..size) whose value is > value. */
function upperBound(sorted: Float64Array, size: number, value: number): number {
  let lo = 0;
  let hi = size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class PradaDetector {
  readonly delta: number;
  readonly minQueries: number;
  readonly dims: number;
  private readonly accounts = new Map<number, AccountState>();
  private readonly recorded: ReadonlySet<number>;
  /** Shapiro-Wilk coefficients of the most recent sample sizes, most recent last (an LRU). */
  private readonly coefficients = new Map<number, Float64Array>();

  constructor(options: PradaOptions) {
    if (!(options.dims >= 1)) throw new RangeError(`dims must be >= 1 (got ${options.dims})`);
    this.delta = options.delta;
    this.minQueries = Math.max(3, Math.floor(options.minQueries));
    this.dims = options.dims;
    this.recorded = new Set(options.recordAccounts ?? []);
  }

  private state(account: number): AccountState {
    let state = this.accounts.get(account);
    if (!state) {
      state = new AccountState();
      if (this.recorded.has(account)) state.series = { queries: [], w: [], alarmAt: null };
      this.accounts.set(account, state);
    }
    return state;
  }

  /**
   * Observes one query of `account`: the input row input[offset .. offset+dims-1] and the class
   * the victim predicted for it. Returns whether a test ran, its W and whether the account is
   * flagged.
   */
  observe(
    account: number,
    input: Float64Array,
    offset: number,
    predictedClass: number,
  ): PradaObservation {
    const state = this.state(account);
    if (state.flagged) return { tested: false, w: null, alarm: true };
    state.queries++;
    const set = state.sets.get(predictedClass);
    if (!set) {
      const fresh = new GrowingSet(this.dims);
      fresh.add(input, offset);
      state.sets.set(predictedClass, fresh);
      return { tested: false, w: null, alarm: false };
    }
    const distance = set.minDistance(input, offset);
    state.addDistance(distance);
    if (distance > set.threshold) {
      set.add(input, offset);
      set.accept(distance);
    }
    if (!this.dueForTest(state)) return { tested: false, w: null, alarm: false };

    state.lastTested = state.added;
    const w = this.testWindow(state);
    if (w < this.delta) state.flagged = true;
    if (state.series) {
      state.series.queries.push(state.queries);
      state.series.w.push(w);
      if (state.flagged) state.series.alarmAt = state.queries;
    }
    return { tested: true, w, alarm: state.flagged };
  }

  /** Test schedule: every distance up to TEST_EVERY_DISTANCE_UP_TO, then every TEST_GROWTH. */
  private dueForTest(state: AccountState): boolean {
    if (state.added < this.minQueries) return false;
    if (state.added <= TEST_EVERY_DISTANCE_UP_TO) return true;
    return state.added >= state.lastTested * (1 + TEST_GROWTH);
  }

  /** Shapiro-Wilk W of the account's window after dropping outliers; 0 for a sample with no spread. */
  private testWindow(state: AccountState): number {
    const size = state.windowSize;
    const mean = state.windowSum / size;
    const std = Math.sqrt(Math.max(0, state.windowSumSq / size - mean * mean));
    // Keep |d - mean| < OUTLIER_SIGMAS * std: a contiguous run of the sorted window.
    const lo = upperBound(state.window, size, mean - OUTLIER_SIGMAS * std);
    const hi = lowerBound(state.window, size, mean + OUTLIER_SIGMAS * std);
    if (hi - lo < 3 || !(state.window[hi - 1]! > state.window[lo]!)) return 0;
    return shapiroWilkSorted(state.window, lo, hi, this.coefficientsFor(hi - lo)).w;
  }

  /**
   * Coefficients for sample size n, cached for the last COEFFICIENT_CACHE_SIZES sizes: once an
   * account's window is full (5,000 distances) the trimmed size hovers in a narrow range, so most
   * tests reuse them instead of evaluating n/2 normal quantiles again.
   */
  private coefficientsFor(n: number): Float64Array {
    let a = this.coefficients.get(n);
    if (a) {
      this.coefficients.delete(n);
    } else {
      a = shapiroWilkCoefficients(n);
      if (this.coefficients.size >= COEFFICIENT_CACHE_SIZES) {
        const oldest = this.coefficients.keys().next().value;
        if (oldest !== undefined) this.coefficients.delete(oldest);
      }
    }
    this.coefficients.set(n, a);
    return a;
  }

  /** True once the account has raised an alarm. */
  isFlagged(account: number): boolean {
    return this.accounts.get(account)?.flagged ?? false;
  }

  /** Number of accounts flagged so far. */
  get flaggedCount(): number {
    let count = 0;
    for (const state of this.accounts.values()) if (state.flagged) count++;
    return count;
  }

  /** Queries observed for the account (up to and including the one that raised the alarm). */
  queriesSeen(account: number): number {
    return this.accounts.get(account)?.queries ?? 0;
  }

  /** Distances recorded for the account so far (its |D|). */
  distancesRecorded(account: number): number {
    return this.accounts.get(account)?.added ?? 0;
  }

  /** A copy of the account's distance list D in arrival order (e.g. for a histogram). */
  distances(account: number): Float64Array {
    const state = this.accounts.get(account);
    return state ? state.arrivals.slice(0, state.added) : new Float64Array(0);
  }

  /**
   * The W series of a recorded account (see PradaOptions.recordAccounts): the account's query
   * count at each test, W, and the query count at which the alarm fired. Null for accounts not
   * recorded; an empty series for a recorded account not seen yet.
   */
  series(account: number): WSeries | null {
    if (!this.recorded.has(account)) return null;
    const series = this.accounts.get(account)?.series;
    return series
      ? { queries: [...series.queries], w: [...series.w], alarmAt: series.alarmAt }
      : { queries: [], w: [], alarmAt: null };
  }
}
