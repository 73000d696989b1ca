/**
 * The window language model (./lm.ts) on the WebAssembly kernels (assembly/lm.ts, in the module
 * of src/core/models/kernels.ts): batched logits for decoding, and trainWindowLm's loop (./train.ts)
 * with the batch gradient and the Adam step in the module. Same bits as the TypeScript path (the
 * kernels keep every sum in its order; assembly/lm.ts explains how), which stays the oracle and
 * the fallback when no kernels are installed (test/core/scenarios/chat/lmKernels.test.ts compares
 * the two on random shapes).
 *
 * Memory: as the planar kernels, each call lays its buffers out afresh from the module's heap base
 * (models/kernels.ts `arena`) and copies back what it changed, so nothing leaks across runs. One
 * exception, for decoding token by token: a `LogitsSession` keeps the model's weights in the module
 * between its calls and lays them out again if anything else has used the memory in between
 * (`arenaLayouts`), so a stale copy is never read.
 */
import {
  arena,
  arenaLayouts,
  mlpKernels,
  padded,
  type MlpKernelExports,
} from '../../models/kernels';
import { Adam, type Optimizer } from '../../models/optimizer';
import { shuffleInto, type Rng } from '../../rng';
import type { WindowLm } from './lm';
import type { LmExamples } from './train';
import { pulse } from '../../pulse';

/** The installed kernels when they include the language model's (else null: TypeScript path). */
export function lmKernels(): MlpKernelExports | null {
  const kernels = mlpKernels();
  return kernels && typeof kernels.lmGradient === 'function' ? kernels : null;
}

/** Rows per kernel call when decoding a batch. */
const FORWARD_CAP = 256;

/** Logits of many windows at once, or of one window per call, with the model's weights resident. */
export class LogitsSession {
  private layout = -1;
  private paramsAt = 0;
  private windowsAt = 0;
  private actAt = 0;
  private pairsAt = 0;
  private logitsAt = 0;
  private distributionAt = 0;
  private transposedAt = 0;
  private buffer: ArrayBuffer | null = null;

  constructor(
    readonly kernels: MlpKernelExports,
    private readonly model: WindowLm,
    /** most windows per call */
    readonly capacity: number = FORWARD_CAP,
  ) {}

  /** (Re)lays out the buffers and copies the weights when another call has used the memory. */
  private ready(): ArrayBuffer {
    if (this.buffer !== null && this.layout === arenaLayouts()) return this.buffer;
    const { vocab: V, window: W, hidden: H } = this.model.spec;
    const cap = this.capacity + 1;
    const a = arena(this.kernels);
    this.paramsAt = a.take(8 * padded(this.model.params.length));
    this.windowsAt = a.take(4 * cap * W);
    this.actAt = a.take(8 * cap * (H + 1));
    this.pairsAt = a.take(8 * cap * H);
    this.logitsAt = a.take(8 * cap * V);
    this.distributionAt = a.take(8 * (V + 2));
    const Vp = V + (V & 1);
    this.transposedAt = a.take(8 * H * Vp);
    const buffer = a.ready();
    const params = this.model.params;
    new Float64Array(buffer, this.paramsAt, padded(params.length)).fill(0).set(params);
    // the output weights by hidden unit, for one window's logits two tokens at a time
    const transposed = new Float64Array(buffer, this.transposedAt, H * Vp).fill(0);
    const outWeight = this.model.layout.outWeightOffset;
    for (let v = 0; v < V; v++) {
      for (let h = 0; h < H; h++) transposed[h * Vp + v] = params[outWeight + v * H + h]!;
    }
    // rows past those asked for read the window of ids 0 (a valid row of every table)
    new Int32Array(buffer, this.windowsAt, cap * W).fill(0);
    this.buffer = buffer;
    this.layout = arenaLayouts();
    return buffer;
  }

  /**
   * Logits of `rows` (<= capacity) windows of W ids, windows[0 .. rows W) row-major, into
   * out[0 .. rows V) row-major: WindowLm.forwardLogits of each, the same bits. The weights are
   * those of the model when the session laid them out: make a new session after changing them.
   */
  logits(windows: Int32Array, rows: number, out: Float64Array): void {
    const { vocab: V, window: W, hidden: H, activation } = this.model.spec;
    if (rows > this.capacity) throw new RangeError(`at most ${this.capacity} windows per call`);
    const buffer = this.ready();
    new Int32Array(buffer, this.windowsAt, rows * W).set(windows.subarray(0, rows * W));
    if (rows === 1) {
      this.kernels.lmForwardOne(
        this.paramsAt,
        this.transposedAt,
        V,
        W,
        H,
        activation === 'relu',
        this.windowsAt,
        this.actAt,
        this.logitsAt,
      );
      out.set(new Float64Array(buffer, this.logitsAt, V));
      return;
    }
    this.kernels.lmForward(
      this.paramsAt,
      V,
      W,
      H,
      activation === 'relu',
      this.windowsAt,
      rows,
      this.actAt,
      this.pairsAt,
      this.logitsAt,
    );
    out.set(new Float64Array(buffer, this.logitsAt, rows * V));
  }

  /**
   * Decode's sampling step (generate.ts: logSoftmaxAtTemperature, then sampleFromLog with the
   * uniform `u`) in the module, on the V `logits`: fills `logDistribution` and returns the token.
   * The same bits: the kernel keeps every sum's order and uses the portable exp and log.
   */
  sample(
    logits: Float64Array,
    temperature: number,
    u: number,
    logDistribution: Float64Array,
  ): number {
    const V = this.model.spec.vocab;
    const buffer = this.ready();
    new Float64Array(buffer, this.logitsAt, V).set(logits.subarray(0, V));
    const token = this.kernels.lmSample(this.logitsAt, V, 1 / temperature, u, this.distributionAt);
    logDistribution.set(new Float64Array(buffer, this.distributionAt, V));
    return token;
  }
}

/**
 * trainWindowLm (./train.ts) on the kernels: the same example order from the same Rng, batches
 * that run over a reshuffle as there, the Adam step in the module; the weights and the optimizer's
 * moments are copied back at the end. Returns the mean loss of the last pass (as trainWindowLm),
 * or null when the optimizer is not Adam (the caller then takes the TypeScript path).
 */
export function trainWindowLmWithKernels(
  kernels: MlpKernelExports,
  model: WindowLm,
  examples: LmExamples,
  steps: number,
  batchSize: number,
  rng: Rng,
  optimizer: Optimizer,
): number | null {
  if (!(optimizer instanceof Adam)) return null;
  const { vocab: V, window: W, hidden: H, activation } = model.spec;
  const n = examples.count;
  const count = model.params.length;
  const cap = Math.min(batchSize, n);
  const rows = cap + 1;
  const Hp = H + (H & 1);
  const soft = examples.distributions !== null;
  const a = arena(kernels);
  const params = a.take(8 * padded(count));
  const grad = a.take(8 * padded(count));
  const m = a.take(8 * padded(count));
  const v = a.take(8 * padded(count));
  const contexts = a.take(4 * n * W);
  const tokens = a.take(4 * n);
  const targets = soft ? a.take(8 * n * V) : 0;
  const batch = a.take(4 * rows);
  const act = a.take(8 * rows * Hp);
  const pairs = a.take(8 * rows * H);
  const logits = a.take(8 * rows * V);
  const delta = a.take(8 * rows * (V + 1));
  const dz = a.take(8 * rows * Hp);
  const probs = a.take(8 * padded(V));
  const losses = a.take(8 * rows);
  const buffer = a.ready();
  const doubles = (offset: number, length: number) => new Float64Array(buffer, offset, length);
  doubles(params, padded(count)).fill(0).set(model.params);
  doubles(grad, padded(count)).fill(0);
  doubles(m, padded(count)).fill(0).set(optimizer.m);
  doubles(v, padded(count)).fill(0).set(optimizer.v);
  new Int32Array(buffer, contexts, n * W).set(examples.contexts.subarray(0, n * W));
  new Int32Array(buffer, tokens, n).set(examples.tokens.subarray(0, n));
  if (soft) doubles(targets, n * V).set(examples.distributions!.subarray(0, n * V));
  const batchView = new Int32Array(buffer, batch, rows);
  const lossView = doubles(losses, rows);
  const { beta1, beta2, epsilon } = optimizer.settings;

  const order = new Uint32Array(n);
  let cursor = n;
  let passLoss = 0;
  let passCount = 0;
  for (let step = 0; step < steps; step++) {
    // the batch as trainWindowLm draws it; `fresh` is where a new pass (and its loss) began
    let fresh = 0;
    for (let b = 0; b < cap; b++) {
      if (cursor === n) {
        shuffleInto(order, n, rng);
        pulse(); // once per epoch: a sign of life for the worker's watchdog
        cursor = 0;
        fresh = b;
        passLoss = 0;
        passCount = 0;
      }
      batchView[b] = order[cursor++]!;
    }
    kernels.lmGradient(
      params,
      grad,
      V,
      W,
      H,
      activation === 'relu',
      contexts,
      tokens,
      targets,
      batch,
      cap,
      act,
      pairs,
      logits,
      delta,
      dz,
      probs,
      losses,
    );
    for (let b = fresh; b < cap; b++) passLoss += lossView[b]!;
    passCount += cap - fresh;
    const [correct1, correct2] = optimizer.advance();
    kernels.lmAdamStep(
      params,
      grad,
      m,
      v,
      count,
      1 / cap,
      optimizer.learningRate,
      beta1,
      beta2,
      epsilon,
      correct1,
      correct2,
    );
  }
  model.params.set(doubles(params, count));
  optimizer.m.set(doubles(m, count));
  optimizer.v.set(doubles(v, count));
  return passCount > 0 ? passLoss / passCount : 0;
}

/** The sessions of frozen models (their weights cannot go stale), kept between calls. */
const frozenSessions = new WeakMap<WindowLm, LogitsSession>();

/**
 * A logits session for `model` when kernels are installed, else null: a new one (`capacity`
 * windows per call), or for a frozen model (WindowLm.freeze) the one kept for it, so its weights
 * are copied into the module once rather than once per answer.
 */
export function logitsSession(model: WindowLm, capacity?: number): LogitsSession | null {
  const kernels = lmKernels();
  if (!kernels) return null;
  if (!model.frozen) return new LogitsSession(kernels, model, capacity);
  let session = frozenSessions.get(model);
  if (!session || session.kernels !== kernels) {
    session = new LogitsSession(kernels, model);
    frozenSessions.set(model, session);
  }
  return session;
}
