// The WebAssembly kernels (assembly/mlp.ts via src/core/models/kernels.ts) against the TypeScript
// oracle (backprop.ts, optimizer.ts): the stated tolerance is zero. The kernels keep every sum in
// the oracle's order and port the portable exp, log and tanh operation for operation, so the
// trained weights, the optimizer's state and the reported loss must be equal bit for bit.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { loadNodeKernels } from '../../../src/cli/kernels';
import { installMlpKernels, type MlpKernelExports } from '../../../src/core/models/kernels';
import { Mlp, createTrainer, type MlpSpec, type OptimizerName } from '../../../src/core/models/mlp';
import { Adam } from '../../../src/core/models/optimizer';
import { tanh } from '../../../src/core/math/portable';
import { createRng } from '../../../src/core/rng';

const kernels = loadNodeKernels();
if (kernels === null) throw new Error('the kernels did not build (scripts/build-wasm.mjs)');
const k: MlpKernelExports = kernels;
afterEach(() => installMlpKernels(null));

interface Job {
  spec: MlpSpec;
  count: number;
  batchSize: number;
  steps: number;
  optimizer: OptimizerName;
  weightDecay: number;
  /** multiplies the inputs: large values drive tanh into saturation and logits far apart */
  scale: number;
  soft: boolean;
  seed: number;
}

/** Trains a fresh model on random data, with or without the kernels installed. */
function train(job: Job, withKernels: boolean) {
  installMlpKernels(withKernels ? k : null);
  const rng = createRng(job.seed);
  const { spec, count } = job;
  const inputs = Float64Array.from({ length: count * spec.inputDims }, () =>
    rng.uniform(-job.scale, job.scale),
  );
  const targets = new Float64Array(count * spec.classes);
  for (let r = 0; r < count; r++) {
    if (job.soft) {
      let total = 0;
      for (let c = 0; c < spec.classes; c++) total += targets[r * spec.classes + c] = rng.next();
      for (let c = 0; c < spec.classes; c++) targets[r * spec.classes + c]! /= total;
    } else targets[r * spec.classes + rng.int(spec.classes)] = 1;
  }
  const model = Mlp.create(spec, rng.fork('init'));
  const trainer = createTrainer(model, {
    optimizer: job.optimizer,
    learningRate: job.optimizer === 'sgd' ? 0.05 : 0.01,
    batchSize: job.batchSize,
    weightDecay: job.weightDecay,
    rng: rng.fork('order'),
  });
  // two calls: the second continues from the optimizer state the first left
  const first = trainer.train(inputs, targets, count, { steps: job.steps });
  const second = trainer.train(inputs, targets, count, { steps: job.steps });
  const opt = trainer.optimizer;
  return {
    losses: [first, second],
    params: Array.from(model.params),
    moments: opt instanceof Adam ? [...opt.m, ...opt.v] : [],
    steps: opt.steps,
  };
}

const jobs = fc.record({
  spec: fc.record({
    inputDims: fc.integer({ min: 1, max: 7 }),
    hidden: fc.array(fc.integer({ min: 1, max: 19 }), { maxLength: 3 }),
    classes: fc.integer({ min: 2, max: 5 }),
    activation: fc.constantFrom('tanh' as const, 'relu' as const),
  }),
  count: fc.integer({ min: 1, max: 40 }),
  batchSize: fc.integer({ min: 1, max: 13 }),
  steps: fc.integer({ min: 1, max: 25 }),
  optimizer: fc.constantFrom('sgd' as const, 'adam' as const),
  weightDecay: fc.constantFrom(0, 1e-3),
  scale: fc.constantFrom(1, 30, 1e4),
  soft: fc.boolean(),
  seed: fc.integer({ min: 0, max: 1e6 }),
});

describe('WebAssembly kernels against the TypeScript trainer', () => {
  it('train random layer shapes, batches and optimizers to the same bits', () => {
    fc.assert(
      fc.property(jobs, (job) => {
        const oracle = train(job, false);
        const kernel = train(job, true);
        expect(kernel.params).toEqual(oracle.params);
        expect(kernel.moments).toEqual(oracle.moments);
        expect(kernel.steps).toBe(oracle.steps);
        expect(kernel.losses).toEqual(oracle.losses);
      }),
      { numRuns: 150 },
    );
  });

  it('trains the 2-16-16-2 reference network for 500 steps to the same bits', () => {
    const job: Job = {
      spec: { inputDims: 2, hidden: [16, 16], classes: 2, activation: 'tanh' },
      count: 200,
      batchSize: 10,
      steps: 500,
      optimizer: 'sgd',
      weightDecay: 0,
      scale: 2,
      soft: false,
      seed: 7,
    };
    const oracle = train(job, false);
    expect(train(job, true)).toEqual(oracle);
    // and the weights moved: the comparison is not between two untouched copies
    installMlpKernels(null);
    expect(oracle.params).not.toEqual(
      Array.from(Mlp.create(job.spec, createRng(7).fork('init')).params),
    );
  });
});

describe('WebAssembly forward pass against Mlp.predict', () => {
  it('predicts random shapes and inputs (up to overflowing logits) to the same bits', () => {
    fc.assert(
      fc.property(
        jobs,
        fc.integer({ min: 16, max: 300 }),
        fc.constantFrom(1, 1e3, 1e200),
        (job, count, scale) => {
          const rng = createRng(job.seed);
          const model = Mlp.create(job.spec, rng);
          const offset = 3;
          const inputs = Float64Array.from({ length: (count + offset) * job.spec.inputDims }, () =>
            rng.uniform(-scale, scale),
          );
          const predict = (on: boolean) => {
            installMlpKernels(on ? k : null);
            const out = new Float64Array(count * job.spec.classes);
            model.predict(inputs, count, out, offset);
            return Array.from(out);
          };
          const oracle = predict(false);
          expect(predict(true)).toEqual(oracle);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('two-lane tanh', () => {
  /** tanh of `values` by the kernel, through the module's memory. */
  function kernelTanh(values: number[]): number[] {
    const n = values.length + (values.length & 1);
    const at = (k.heapBase() + 15) & ~15;
    if (at + 8 * n > k.memory.buffer.byteLength) k.memory.grow(Math.ceil((8 * n) / 65536));
    const view = new Float64Array(k.memory.buffer, at, n);
    view.fill(0).set(values);
    k.tanhInPlace(at, n);
    return Array.from(view.subarray(0, values.length));
  }

  it('equals the portable tanh bit for bit, at the branch edges and on random arguments', () => {
    const edges = [
      0,
      -0,
      3.725290298461914e-9 / 2,
      0.34657359027997264 / 2,
      1.0397207708399179 / 2,
    ];
    const near = edges.flatMap((x) => [x, x * (1 + 2e-16), x * (1 - 2e-16), -x]);
    const special = [19.061547465398498, -19.061547465398498, 19.07, -19.07, 1e300, -1e300, 5e-324];
    const rng = createRng(11);
    const random = Array.from({ length: 20000 }, (_, i) => {
      const magnitude = [1e-10, 1e-3, 0.2, 1, 5, 25][i % 6]!;
      return rng.uniform(-magnitude, magnitude);
    });
    const args = [...near, ...special, Infinity, -Infinity, ...random];
    const expected = args.map((x) => tanh(x));
    expect(kernelTanh(args)).toEqual(expected);
    expect(kernelTanh([NaN, 1])[0]).toBeNaN();
  });
});

describe('kernel memory', () => {
  it('stops growing: 500 runs (train, predict) of varied sizes leave it at its first high mark', () => {
    const fresh = loadNodeKernels()!;
    installMlpKernels(fresh);
    const sizes: number[] = [];
    for (let run = 0; run < 500; run++) {
      const rng = createRng(run);
      const hidden = [8 + (run % 5) * 4, 16];
      const count = 50 + (run % 7) * 30;
      const model = Mlp.create({ inputDims: 2, hidden, classes: 3, activation: 'relu' }, rng);
      const inputs = Float64Array.from({ length: count * 2 }, () => rng.normal());
      const targets = new Float64Array(count * 3);
      for (let r = 0; r < count; r++) targets[r * 3 + (r % 3)] = 1;
      createTrainer(model, {
        optimizer: run % 2 ? 'adam' : 'sgd',
        learningRate: 0.01,
        batchSize: 8 + (run % 3),
        rng,
      }).train(inputs, targets, count, { steps: 5 });
      model.predict(inputs, count, new Float64Array(count * 3));
      sizes.push(fresh.memory.buffer.byteLength);
    }
    // the 35 shapes repeat every 35 runs: after the first cycle the memory never grows again
    expect(sizes[0]).toBeGreaterThan(0);
    expect(new Set(sizes.slice(35)).size).toBe(1);
    expect(sizes[499]).toBe(sizes[34]);
    expect(sizes[499]).toBeLessThan(4 * 65536);
  });
});
