/**
 * Output perturbation: what the prediction API serves instead of the victim's clean probability
 * vector (REFERENCE.md, "Defenses"). Each mode follows the Adversarial Robustness Toolbox (ART)
 * postprocessor of the same idea, with the differences noted at each mode below.
 *
 * perturbOutput is called once per query in the simulation loop, so it allocates nothing: it
 * writes into a caller-owned `out` vector, which must be a different array from `clean`.
 */
import type { Config } from '../config';
import type { Rng } from '../rng';
import { exp, log, pow10 } from '../math/portable';

export type OutputOptions = Config['defense']['output'];

/** Lower and upper clip of probabilities before the logit in reverse sigmoid (as ART). */
const REVERSE_SIGMOID_CLIP = 1e-9;

/** Index of the largest entry; ties go to the lowest index (as numpy's argmax). */
export function argmax(
  values: ArrayLike<number>,
  offset = 0,
  length = values.length - offset,
): number {
  let best = 0;
  let bestValue = -Infinity;
  for (let i = 0; i < length; i++) {
    const v = values[offset + i]!;
    if (v > bestValue) {
      bestValue = v;
      best = i;
    }
  }
  return best;
}

/** L1 distance sum_i |a_i - b_i| between two vectors of the same length (output distortion). */
export function l1Distance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length)
    throw new RangeError(`l1Distance: lengths differ (${a.length} vs ${b.length})`);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum;
}

/**
 * Rounds half to even at `decimals` places, as numpy's around (which ART's Rounded uses):
 * 0.125 -> 0.12 at 2 decimals in exact arithmetic. (As in numpy, the value is first multiplied by
 * 10^decimals in floating point, so "exact halves" are those after that product.)
 */
export function roundHalfEven(value: number, decimals: number): number {
  const scale = pow10(decimals);
  const y = value * scale;
  let r = Math.round(y); // rounds halves up
  if (r - y === 0.5 && r % 2 !== 0) r -= 1;
  return r / scale;
}

function fillOneHot(out: Float64Array, index: number): void {
  out.fill(0);
  out[index] = 1;
}

/** Divides `out` by its sum; returns false (leaving `out` unchanged) when the sum is not positive. */
function normalizeInPlace(out: Float64Array): boolean {
  let sum = 0;
  for (let i = 0; i < out.length; i++) sum += out[i]!;
  if (!(sum > 0)) return false;
  for (let i = 0; i < out.length; i++) out[i] = out[i]! / sum;
  return true;
}

/**
 * Writes the served answer for one clean probability vector into `out` (same length C as
 * `clean`; the two must be distinct arrays). Allocates nothing. The modes:
 *
 * - `probabilities`: a copy (no defense).
 * - `rounded`: each probability rounded half-to-even to `decimals` places (ART `Rounded`). Not
 *   renormalised (ART does not either), so the answer may not sum to 1, and with few decimals
 *   classes may tie or all round to 0 (the served top-1 is then the lowest tied index).
 * - `topk`: the `k` largest probabilities kept, the others set to 0, NOT renormalised: the API
 *   reveals the top classes' true scores. ART has no top-k postprocessor; its nearest one,
 *   `HighConfidence`, zeroes the entries below a cutoff and does not renormalise either, and we
 *   follow that. Ties are broken towards the lower class index.
 * - `label`: the one-hot vector of the argmax (ART `ClassLabels`).
 * - `noise`: p_i + N(0, sigma^2) for every class, clipped to [0, 1], renormalised (ART
 *   `GaussianNoise` with scale sigma; ART clips only below 0, REFERENCE.md clips to [0, 1]). Draws
 *   exactly C normals from `rng` per call whatever sigma is, so the stream stays aligned. Guard: if
 *   every noisy entry clips to 0 (possible for large sigma) the answer is the one-hot of the
 *   largest noisy value, the limit of "keep what rises highest"; ART would divide by 0 here.
 * - `reverseSigmoid` (Lee et al. 2019, "Defending against NN model stealing attacks using
 *   deceptive perturbations", IEEE S&P Workshops; ART `ReverseSigmoid`): with p clipped to
 *   [1e-9, 1 - 1e-9], r_i = beta (sigmoid(gamma logit(p_i)) - 1/2) and served =
 *   normalize(clip(p - r, 0, 1)), where p - r uses the unclipped p (as ART). beta = 0 is the
 *   identity. Guard: when every entry clips to 0 (only possible when no p_i is below 1/2, e.g. a
 *   single class or an unnormalised input) the answer is the one-hot of the clean top-1.
 */
export function perturbOutput(
  clean: Float64Array,
  options: OutputOptions,
  rng: Rng,
  out: Float64Array,
): void {
  const classes = clean.length;
  if (out.length !== classes) {
    throw new RangeError(`perturbOutput: out has ${out.length} entries, expected ${classes}`);
  }
  switch (options.mode) {
    case 'probabilities':
      out.set(clean);
      return;
    case 'rounded':
      for (let i = 0; i < classes; i++) out[i] = roundHalfEven(clean[i]!, options.decimals);
      return;
    case 'topk':
      keepTopK(clean, options.k, out);
      return;
    case 'label':
      fillOneHot(out, argmax(clean));
      return;
    case 'noise':
      for (let i = 0; i < classes; i++) out[i] = clean[i]! + options.sigma * rng.normal();
      {
        const top = argmax(out);
        for (let i = 0; i < classes; i++) out[i] = Math.min(1, Math.max(0, out[i]!));
        if (!normalizeInPlace(out)) fillOneHot(out, top);
      }
      return;
    case 'reverseSigmoid':
      for (let i = 0; i < classes; i++) {
        const p = clean[i]!;
        const clipped = Math.min(1 - REVERSE_SIGMOID_CLIP, Math.max(REVERSE_SIGMOID_CLIP, p));
        const logit = log(clipped / (1 - clipped));
        const r = options.beta * (1 / (1 + exp(-options.gamma * logit)) - 0.5);
        out[i] = Math.min(1, Math.max(0, p - r));
      }
      if (!normalizeInPlace(out)) fillOneHot(out, argmax(clean));
      return;
  }
}

/**
 * Keeps the k largest entries of `clean` in `out` and zeroes the rest (ties to the lower index).
 * O(k C) with no allocation: each pass marks the largest entry not yet kept.
 */
function keepTopK(clean: Float64Array, k: number, out: Float64Array): void {
  const classes = clean.length;
  const keep = Math.max(0, Math.min(classes, Math.floor(k)));
  // Mark kept entries with NaN in `out` while selecting, then fill in the values.
  out.fill(0);
  for (let pass = 0; pass < keep; pass++) {
    let best = -1;
    let bestValue = -Infinity;
    for (let i = 0; i < classes; i++) {
      if (Number.isNaN(out[i]!)) continue;
      if (clean[i]! > bestValue || best < 0) {
        bestValue = clean[i]!;
        best = i;
      }
    }
    out[best] = NaN;
  }
  for (let i = 0; i < classes; i++) out[i] = Number.isNaN(out[i]!) ? clean[i]! : 0;
}

/** Top-1 label of a served answer (ties to the lower index; an all-zero answer gives 0). */
export function servedLabel(served: Float64Array): number {
  return argmax(served);
}
