/**
 * Small vector helpers the whole simulator shares: argmax with numpy's tie rule, L1 distance,
 * one-hot and in-place normalisation. Allocation-free; they run once per query.
 */

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

/** Writes the one-hot vector of `index` into `out`. */
export function fillOneHot(out: Float64Array, index: number): void {
  out.fill(0);
  out[index] = 1;
}

/** Divides `out` by its sum; returns false (leaving `out` unchanged) when the sum is not positive. */
export function normalizeInPlace(out: Float64Array): boolean {
  let sum = 0;
  for (let i = 0; i < out.length; i++) sum += out[i]!;
  if (!(sum > 0)) return false;
  for (let i = 0; i < out.length; i++) out[i] = out[i]! / sum;
  return true;
}
