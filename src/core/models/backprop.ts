/**
 * Mini-batch backpropagation for the trainer: the gradient of the summed cross-entropy over a batch
 * of rows, the same quantity as Mlp.accumulateGradient summed row by row (which stays the tested
 * reference), arranged for speed:
 *
 *   1. per row r: forward pass, output error delta_L = p - t, and the hidden errors
 *      delta_l[i] = f'(a_l[i]) * sum_j W_l[j][i] delta_{l+1}[j]  (l >= 1; the inputs need none),
 *      keeping every row's activations a and errors delta;
 *   2. per weight: dE/dW_l[j][i] = sum_r delta_{l+1,r}[j] a_{l,r}[i],  dE/db_l[j] = sum_r delta_{l+1,r}[j].
 *
 * Step 2 sums in registers and writes each gradient entry once per batch, where the row-by-row form
 * reads and writes it once per row. Both sums run over four columns i at a time with separate
 * accumulators, so the additions do not queue behind one another. Written by hand because it is
 * the simulator's hottest loop (see scripts/throughput.ts).
 */
import type { Mlp } from './mlp';

export class BatchBackprop {
  private readonly sizes: Int32Array;
  private readonly weightOffset: Int32Array;
  private readonly biasOffset: Int32Array;
  private readonly unitOffset: Int32Array;
  private readonly units: number;
  /** activations and errors of the batch, row r at r * units (grown to the largest batch seen) */
  private act = new Float64Array(0);
  private delta = new Float64Array(0);

  constructor(private readonly model: Mlp) {
    const { layout } = model;
    this.sizes = Int32Array.from(layout.sizes);
    this.weightOffset = Int32Array.from(layout.weightOffset);
    this.biasOffset = Int32Array.from(layout.biasOffset);
    this.unitOffset = Int32Array.from(layout.unitOffset);
    this.units = layout.unitCount;
  }

  /**
   * Writes (not adds) into `grad` the sum over the rows order[start .. end) of dE/dparams, E the
   * cross-entropy against the soft targets (row-major, classes per row); returns the summed E.
   */
  gradient(
    inputs: Float64Array,
    targets: Float64Array,
    order: Uint32Array,
    start: number,
    end: number,
    grad: Float64Array,
  ): number {
    const { model, units } = this;
    const rows = end - start;
    if (this.act.length < rows * units) {
      this.act = new Float64Array(rows * units);
      this.delta = new Float64Array(rows * units);
    }
    const classes = model.classes;
    const outputOffset = this.unitOffset[this.sizes.length - 1]!;
    let loss = 0;
    for (let r = 0; r < rows; r++) {
      const row = order[start + r]!;
      const base = r * units;
      const lse = model.forwardInto(inputs, row, this.act, base);
      const p = model.probabilities;
      const out = base + outputOffset;
      const tOff = row * classes;
      for (let k = 0; k < classes; k++) {
        const t = targets[tOff + k]!;
        // log p_k = z_k - lse; t_k = 0 is skipped so p_k = 0 cannot give 0 * -Infinity
        if (t !== 0) loss -= t * (this.act[out + k]! - lse);
        this.delta[out + k] = p[k]! - t;
      }
      this.hiddenErrors(base);
    }
    this.weightGradient(rows, grad);
    return loss;
  }

  /** delta_l[i] = f'(a_l[i]) * sum_j W_l[j][i] delta_{l+1}[j] for the hidden layers of one row. */
  private hiddenErrors(base: number): void {
    const { act, delta, sizes } = this;
    const params = this.model.params;
    const relu = this.model.spec.activation === 'relu';
    for (let l = sizes.length - 2; l >= 1; l--) {
      const fanIn = sizes[l]!;
      const fanOut = sizes[l + 1]!;
      const inOff = base + this.unitOffset[l]!;
      const nextOff = base + this.unitOffset[l + 1]!;
      const wOff = this.weightOffset[l]!;
      let i = 0;
      for (; i + 3 < fanIn; i += 4) {
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let j = 0, w = wOff + i; j < fanOut; j++, w += fanIn) {
          const d = delta[nextOff + j]!;
          s0 += params[w]! * d;
          s1 += params[w + 1]! * d;
          s2 += params[w + 2]! * d;
          s3 += params[w + 3]! * d;
        }
        const o = inOff + i;
        delta[o] = derivative(act[o]!, relu) * s0;
        delta[o + 1] = derivative(act[o + 1]!, relu) * s1;
        delta[o + 2] = derivative(act[o + 2]!, relu) * s2;
        delta[o + 3] = derivative(act[o + 3]!, relu) * s3;
      }
      for (; i < fanIn; i++) {
        let sum = 0;
        for (let j = 0, w = wOff + i; j < fanOut; j++, w += fanIn)
          sum += params[w]! * delta[nextOff + j]!;
        delta[inOff + i] = derivative(act[inOff + i]!, relu) * sum;
      }
    }
  }

  /** grad = sum over the batch's rows of delta_{l+1}[j] a_l[i] (weights) and delta_{l+1}[j] (biases). */
  private weightGradient(rows: number, grad: Float64Array): void {
    const { act, delta, sizes, units } = this;
    for (let l = 0; l < sizes.length - 1; l++) {
      const fanIn = sizes[l]!;
      const fanOut = sizes[l + 1]!;
      const inOff = this.unitOffset[l]!;
      const outOff = this.unitOffset[l + 1]!;
      const bOff = this.biasOffset[l]!;
      for (let j = 0; j < fanOut; j++) {
        let biasSum = 0;
        for (let r = 0, d = outOff + j; r < rows; r++, d += units) biasSum += delta[d]!;
        grad[bOff + j] = biasSum;
        const w = this.weightOffset[l]! + j * fanIn;
        let i = 0;
        for (; i + 3 < fanIn; i += 4) {
          let s0 = 0;
          let s1 = 0;
          let s2 = 0;
          let s3 = 0;
          for (let r = 0, d = outOff + j, a = inOff + i; r < rows; r++, d += units, a += units) {
            const e = delta[d]!;
            s0 += e * act[a]!;
            s1 += e * act[a + 1]!;
            s2 += e * act[a + 2]!;
            s3 += e * act[a + 3]!;
          }
          grad[w + i] = s0;
          grad[w + i + 1] = s1;
          grad[w + i + 2] = s2;
          grad[w + i + 3] = s3;
        }
        for (; i < fanIn; i++) {
          let sum = 0;
          for (let r = 0, d = outOff + j, a = inOff + i; r < rows; r++, d += units, a += units) {
            sum += delta[d]! * act[a]!;
          }
          grad[w + i] = sum;
        }
      }
    }
  }
}

/** f'(z) read from the activation a = f(z): 1 - a^2 for tanh, [a > 0] for relu. */
function derivative(a: number, relu: boolean): number {
  return relu ? (a > 0 ? 1 : 0) : 1 - a * a;
}
