/**
 * The attacker's training set: every answered query with the answer it was served, as a training
 * target. Soft targets (the served probability vector, renormalised) when the API returns
 * probabilities; the one-hot of the served label when it returns labels only. Growable.
 */
export class StolenSet {
  readonly dims: number;
  readonly classes: number;
  count = 0;
  inputs: Float64Array;
  targets: Float64Array;

  constructor(dims: number, classes: number, capacity = 256) {
    this.dims = dims;
    this.classes = classes;
    this.inputs = new Float64Array(capacity * dims);
    this.targets = new Float64Array(capacity * classes);
  }

  /**
   * Adds row `row` of `inputs` with the served answer at served[servedRow*classes...].
   * `hard` = train on the top-1 label only. A served vector that does not sum to 1 (rounding,
   * top-k) is renormalised; an all-zero vector becomes uniform (it carries no information).
   */
  add(
    inputs: Float64Array,
    row: number,
    served: Float64Array,
    servedRow: number,
    hard: boolean,
  ): void {
    const { dims, classes } = this;
    if (this.count * classes === this.targets.length) {
      const inputsNext = new Float64Array(this.inputs.length * 2);
      inputsNext.set(this.inputs);
      const targetsNext = new Float64Array(this.targets.length * 2);
      targetsNext.set(this.targets);
      this.inputs = inputsNext;
      this.targets = targetsNext;
    }
    const i = this.count++;
    for (let d = 0; d < dims; d++) this.inputs[i * dims + d] = inputs[row * dims + d]!;
    const base = servedRow * classes;
    let best = 0;
    let sum = 0;
    for (let c = 0; c < classes; c++) {
      const p = Math.max(0, served[base + c]!);
      sum += p;
      if (p > served[base + best]!) best = c;
    }
    for (let c = 0; c < classes; c++) {
      const target = hard
        ? c === best
          ? 1
          : 0
        : sum > 0
          ? Math.max(0, served[base + c]!) / sum
          : 1 / classes;
      this.targets[i * classes + c] = target;
    }
  }
}
