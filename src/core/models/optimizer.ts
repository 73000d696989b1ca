/**
 * Parameter updates for mini-batch training: plain SGD and Adam. An optimizer owns its state (Adam's
 * moment estimates and step count), so a trainer that keeps one can warm-start: train, receive more
 * data, and continue from the same moments instead of restarting the bias correction.
 *
 * Both read the batch gradient as g_i = scale * gradSum_i + decay_i * theta_i: `scale` is 1/batch
 * size (gradSum is a sum over rows) and decay_i is the L2 coefficient lambda for weights and 0 for
 * biases, i.e. the gradient of mean loss + (lambda/2) * sum of squared weights. Folding the two into
 * the update saves a pass over the gradient per batch.
 */

export const OPTIMIZERS = ['sgd', 'adam'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

/** Adam's constants (Kingma and Ba 2015, defaults from the paper). */
export interface AdamSettings {
  /** decay rate of the first-moment (mean) estimate */
  beta1: number;
  /** decay rate of the second-moment (uncentred variance) estimate */
  beta2: number;
  /** added to sqrt(v-hat) to avoid division by zero */
  epsilon: number;
}

export const ADAM_DEFAULTS: Readonly<AdamSettings> = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };

export interface Optimizer {
  readonly name: OptimizerName;
  /** updates applied so far (Adam's t) */
  readonly steps: number;
  /** One update of `params` in place from the summed gradient (see the file header). */
  step(
    params: Float64Array,
    gradSum: Float64Array,
    scale: number,
    decay: Float64Array | null,
  ): void;
}

/** Stochastic gradient descent: theta <- theta - alpha * g. */
export class Sgd implements Optimizer {
  readonly name = 'sgd';
  steps = 0;
  constructor(readonly learningRate: number) {}

  step(
    params: Float64Array,
    gradSum: Float64Array,
    scale: number,
    decay: Float64Array | null,
  ): void {
    const rate = this.learningRate;
    const n = params.length;
    if (decay === null) {
      const scaled = rate * scale;
      for (let i = 0; i < n; i++) params[i]! -= scaled * gradSum[i]!;
    } else {
      for (let i = 0; i < n; i++) {
        const theta = params[i]!;
        params[i] = theta - rate * (scale * gradSum[i]! + decay[i]! * theta);
      }
    }
    this.steps++;
  }
}

/**
 * Adam (Kingma and Ba 2015, Algorithm 1), at step t = 1, 2, ...:
 *   m <- beta1 m + (1 - beta1) g,   v <- beta2 v + (1 - beta2) g^2,
 *   m-hat = m / (1 - beta1^t),      v-hat = v / (1 - beta2^t)   (bias correction: m, v start at 0),
 *   theta <- theta - alpha * m-hat / (sqrt(v-hat) + epsilon).
 */
export class Adam implements Optimizer {
  readonly name = 'adam';
  steps = 0;
  /** the moment estimates (read and written by the WebAssembly kernels too: kernels.ts) */
  readonly m: Float64Array;
  readonly v: Float64Array;
  /** beta1^t and beta2^t, kept as running products */
  private beta1Power = 1;
  private beta2Power = 1;

  constructor(
    size: number,
    readonly learningRate: number,
    readonly settings: AdamSettings,
  ) {
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
  }

  /** Counts one update; returns the bias corrections 1 / (1 - beta1^t), 1 / (1 - beta2^t). */
  advance(): [correct1: number, correct2: number] {
    this.steps++;
    this.beta1Power *= this.settings.beta1;
    this.beta2Power *= this.settings.beta2;
    return [1 / (1 - this.beta1Power), 1 / (1 - this.beta2Power)];
  }

  step(
    params: Float64Array,
    gradSum: Float64Array,
    scale: number,
    decay: Float64Array | null,
  ): void {
    const { m, v, learningRate } = this;
    const { beta1, beta2, epsilon } = this.settings;
    const [correct1, correct2] = this.advance();
    const n = params.length;
    for (let i = 0; i < n; i++) {
      const theta = params[i]!;
      const g = scale * gradSum[i]! + (decay === null ? 0 : decay[i]! * theta);
      const mi = beta1 * m[i]! + (1 - beta1) * g;
      const vi = beta2 * v[i]! + (1 - beta2) * g * g;
      m[i] = mi;
      v[i] = vi;
      params[i] = theta - (learningRate * mi * correct1) / (Math.sqrt(vi * correct2) + epsilon);
    }
  }
}

/** An optimizer for `size` parameters with step size `learningRate` (alpha). */
export function createOptimizer(
  name: OptimizerName,
  size: number,
  learningRate: number,
  adam: Partial<AdamSettings> = {},
): Optimizer {
  if (!(learningRate > 0) || !Number.isFinite(learningRate)) {
    throw new RangeError(`learningRate must be a positive number, got ${learningRate}`);
  }
  if (name === 'sgd') return new Sgd(learningRate);
  if (name === 'adam') return new Adam(size, learningRate, { ...ADAM_DEFAULTS, ...adam });
  throw new RangeError(`optimizer must be one of ${OPTIMIZERS.join(', ')}, got ${String(name)}`);
}
