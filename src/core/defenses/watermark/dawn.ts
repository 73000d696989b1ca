/**
 * Watermarking the API's answers, after DAWN (Szyller et al., "DAWN: Dynamic Adversarial
 * Watermarking of Neural Networks", ACM Multimedia 2021): for a small share `rate` of queries the
 * API serves a deliberately wrong label, chosen by a keyed hash of the input, and logs it. A copy
 * trained on the answers tends to learn those planted labels; the owner later proves ownership by
 * querying the suspect on the logged inputs (ownershipCheck below).
 *
 * Determinism: the decision depends only on the secret key and the input, quantised to
 * WATERMARK_QUANTUM (1e-3 input units), so the same point (up to 1e-3) always gets the same answer
 * however often it is asked: an attacker cannot average the watermark away by repeating a query,
 * which is why DAWN hashes the input instead of drawing a random number.
 *
 * The hash is written by hand: murmur3's 32-bit block mix and finaliser (Austin Appleby, public
 * domain) over the quantised coordinates. It runs once per query and is a dozen lines.
 */
import { fisherExactGreater, logFisherExactGreater } from '../../metrics/pValues';
import { QUERY_STATUS, type Classifier } from '../../types';
import { argmax } from '../../math/vector';

/** Input units per quantisation step of the hash: coordinates are rounded to multiples of 1e-3. */
export const WATERMARK_QUANTUM = 1e-3;
const STEPS_PER_UNIT = 1 / WATERMARK_QUANTUM;
/** Mixed into the key for the second, independent hash that picks the wrong label. */
const LABEL_STREAM = 0x9e3779b9;
const TWO_32 = 4294967296;

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

/** murmur3's mixing of one 32-bit block into the running hash h. */
function mixBlock(h: number, block: number): number {
  let k = Math.imul(block, 0xcc9e2d51);
  k = rotl(k, 15);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = rotl(h, 13);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** murmur3's finaliser (fmix32): every input bit affects every output bit. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Keyed hash of an input row inputs[offset .. offset+dims-1], uniform in [0, 1). Each coordinate
 * is rounded to an integer number of quanta and fed as two 32-bit blocks (low and high word).
 */
export function inputHash(
  key: number,
  inputs: ArrayLike<number>,
  offset: number,
  dims: number,
): number {
  let h = key | 0;
  for (let d = 0; d < dims; d++) {
    const steps = Math.round(inputs[offset + d]! * STEPS_PER_UNIT) + 0; // + 0 turns -0 into 0
    h = mixBlock(h, steps | 0);
    h = mixBlock(h, Math.floor(steps / TWO_32) | 0);
  }
  h ^= dims * 8;
  return fmix32(h) / TWO_32;
}

/**
 * The wrong label the watermark would plant on this input, whether or not the input is selected:
 * uniform over the classes other than `trueLabel`, from a second keyed hash. ownershipCheck uses it
 * on unwatermarked inputs to measure how often a model lands on it by chance (the baseline).
 */
export function watermarkLabel(
  key: number,
  inputs: ArrayLike<number>,
  offset: number,
  dims: number,
  classes: number,
  trueLabel: number,
): number {
  if (classes < 2) return -1;
  const u = inputHash((key ^ LABEL_STREAM) | 0, inputs, offset, dims);
  const j = Math.min(classes - 2, Math.floor(u * (classes - 1)));
  // j indexes the classes other than trueLabel: skip over it.
  return j < trueLabel ? j : j + 1;
}

/**
 * DAWN's decision for one query: the wrong label to serve, or -1 when the query is not
 * watermarked. Selected when inputHash(key, input) < rate, so about `rate` of distinct inputs are.
 * `trueLabel` is the victim's clean top-1 for the input.
 */
export function watermarkDecision(
  key: number,
  inputs: ArrayLike<number>,
  offset: number,
  dims: number,
  rate: number,
  classes: number,
  trueLabel: number,
): number {
  if (classes < 2 || !(inputHash(key, inputs, offset, dims) < rate)) return -1;
  return watermarkLabel(key, inputs, offset, dims, classes, trueLabel);
}

/**
 * Plants `wrongLabel` in a probability vector (in place) by swapping the probabilities of the
 * current top-1 and of `wrongLabel`: the served top-1 becomes the wrong label while the answer
 * stays a probability vector with the same multiset of values (so nothing but the label order
 * betrays it). An exact tie between the two keeps the lower index on top, as argmax does.
 */
export function applyWatermark(probs: Float64Array, wrongLabel: number): void {
  const top = argmax(probs);
  if (top === wrongLabel) return;
  const topValue = probs[top]!;
  probs[top] = probs[wrongLabel]!;
  probs[wrongLabel] = topValue;
}

/**
 * What ownershipCheck needs from the owner's query log (the lead's QueryLog has these fields):
 * `count` entries, each with its input, the victim's clean probabilities, the query's status
 * (QUERY_STATUS) and the planted wrong label (-1 when none).
 */
export interface OwnershipLog {
  count: number;
  dims: number;
  classes: number;
  inputs: Float64Array;
  clean: Float64Array;
  status: Uint8Array;
  planted: Int16Array;
}

export interface OwnershipResult {
  /** one-sided Fisher exact p-value: does the suspect match planted labels more than its baseline? */
  pValue: number;
  /** natural log of pValue (finite when pValue underflows to 0) */
  logPValue: number;
  /** answered queries that carried a watermark */
  watermarked: number;
  /** of those, how many the suspect labels with the planted wrong label */
  matched: number;
  /** answered queries without a watermark (the baseline set) */
  baseline: number;
  /** of those, how many the suspect labels with the hash-chosen wrong label */
  baselineMatched: number;
  /** matched / watermarked (0 when nothing was watermarked) */
  matchRate: number;
  /** baselineMatched / baseline (0 when the baseline set is empty) */
  baselineRate: number;
  /** ownership shown: pValue < alpha */
  shown: boolean;
}

/**
 * DAWN's ownership test (Szyller et al. 2021, as REFERENCE.md frames it). The suspect labels every
 * answered query in the log. On the watermarked ones, count how often it returns the planted wrong
 * label; on the others, how often it returns the wrong label the same hash would have chosen
 * (watermarkLabel with the victim's clean top-1): a model that never saw the watermark lands on
 * either only by chance, at the same rate. The one-sided Fisher exact test on
 *
 *                    returns the hash's wrong label   does not
 *   watermarked                 matched               watermarked - matched
 *   not watermarked         baselineMatched           baseline - baselineMatched
 *
 * gives the p-value; ownership is shown when p < alpha. Run it on the attacker's student and on
 * an independently trained control model, which must not be accused.
 */
export function ownershipCheck(
  suspect: Classifier,
  log: OwnershipLog,
  key: number,
  alpha: number,
): OwnershipResult {
  const { count, dims, classes } = log;
  const labels = new Float64Array(count * classes);
  if (count > 0) suspect.predict(log.inputs, count, labels, 0);
  let watermarked = 0;
  let matched = 0;
  let baseline = 0;
  let baselineMatched = 0;
  for (let i = 0; i < count; i++) {
    if (log.status[i] !== QUERY_STATUS.answered) continue;
    const said = argmax(labels, i * classes, classes);
    const planted = log.planted[i]!;
    if (planted >= 0) {
      watermarked++;
      if (said === planted) matched++;
    } else {
      const victimLabel = argmax(log.clean, i * classes, classes);
      const wrong = watermarkLabel(key, log.inputs, i * dims, dims, classes, victimLabel);
      baseline++;
      if (said === wrong) baselineMatched++;
    }
  }
  const a = matched;
  const b = watermarked - matched;
  const c = baselineMatched;
  const d = baseline - baselineMatched;
  const pValue = fisherExactGreater(a, b, c, d);
  return {
    pValue,
    logPValue: logFisherExactGreater(a, b, c, d),
    watermarked,
    matched,
    baseline,
    baselineMatched,
    matchRate: watermarked > 0 ? matched / watermarked : 0,
    baselineRate: baseline > 0 ? baselineMatched / baseline : 0,
    shown: pValue < alpha,
  };
}
