import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../../src/core/rng';
import {
  Mlp,
  accuracy,
  createTrainer,
  crossEntropy,
  lossGradient,
  oneHotTargets,
  type MlpSpec,
} from '../../../src/core/models/mlp';
import type { Dataset } from '../../../src/core/types';
import { randomInputs, randomModel, randomTargets } from './helpers';

const SPEC: MlpSpec = { inputDims: 2, hidden: [16, 16], classes: 2, activation: 'tanh' };

/** Points uniform in [-1, 1]^2 labelled by the side of the line x + 2y = 0.1, kept 0.05 away from it. */
function separable(count: number, rng: Rng): Dataset {
  const inputs = new Float64Array(count * 2);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count;) {
    const x = rng.uniform(-1, 1);
    const y = rng.uniform(-1, 1);
    const side = (x + 2 * y - 0.1) / Math.sqrt(5);
    if (Math.abs(side) < 0.05) continue;
    inputs[2 * i] = x;
    inputs[2 * i + 1] = y;
    labels[i] = side > 0 ? 1 : 0;
    i++;
  }
  return { dims: 2, classes: 2, count, inputs, labels };
}

function trained(seed: number, optimizer: 'sgd' | 'adam'): Float64Array {
  const data = separable(200, createRng(1));
  const model = Mlp.create(SPEC, createRng(seed));
  const trainer = createTrainer(model, {
    optimizer,
    learningRate: 0.01,
    batchSize: 16,
    rng: createRng(seed + 1000),
  });
  trainer.train(data.inputs, oneHotTargets(data.labels, 2), data.count, { epochs: 3 });
  return model.params;
}

describe('createTrainer', () => {
  it.each(['sgd', 'adam'] as const)(
    '%s: the same seed gives identical params, another seed does not',
    (opt) => {
      const a = trained(5, opt);
      expect(trained(5, opt)).toEqual(a);
      expect(trained(6, opt)).not.toEqual(a);
    },
  );

  it.each([
    ['adam', 0.01, 'tanh'],
    ['sgd', 0.1, 'tanh'],
    ['adam', 0.01, 'relu'],
  ] as const)(
    '%s (rate %f, %s) reaches > 99%% accuracy on a linearly separable set',
    (opt, rate, act) => {
      const rng = createRng(2);
      const train = separable(400, rng);
      const test = separable(1000, rng);
      const model = Mlp.create({ ...SPEC, activation: act }, rng.fork('init'));
      const trainer = createTrainer(model, {
        optimizer: opt,
        learningRate: rate,
        batchSize: 10,
        rng: rng.fork('batches'),
      });
      const targets = oneHotTargets(train.labels, 2);
      const before = trainer.loss(train.inputs, targets, train.count);
      trainer.train(train.inputs, targets, train.count, { epochs: 60 });
      expect(trainer.loss(train.inputs, targets, train.count)).toBeLessThan(before / 5);
      expect(accuracy(model, train)).toBeGreaterThan(0.99);
      expect(accuracy(model, test)).toBeGreaterThan(0.99);
    },
  );

  it('one full-batch SGD step is exactly params - rate * lossGradient (L2 decay included)', () => {
    const model = randomModel({ inputDims: 2, hidden: [5, 4], classes: 3, activation: 'relu' }, 40);
    const rng = createRng(41);
    const inputs = randomInputs(12, 2, rng);
    const targets = randomTargets(12, 3, true, rng);
    const grad = new Float64Array(model.params.length);
    lossGradient(model, inputs, targets, 12, grad, 0.05);
    const expected = model.params.map((theta, i) => theta - 0.2 * grad[i]!);
    const trainer = createTrainer(model, {
      optimizer: 'sgd',
      learningRate: 0.2,
      batchSize: 12,
      weightDecay: 0.05,
      rng: rng.fork('order'),
    });
    trainer.train(inputs, targets, 12, { steps: 1 });
    for (let i = 0; i < expected.length; i++) expect(model.params[i]).toBeCloseTo(expected[i]!, 13);
  });

  it('counts steps: epochs * ceil(count / batchSize), or the steps asked for', () => {
    const model = Mlp.create(SPEC, createRng(3));
    const data = separable(25, createRng(4));
    const targets = oneHotTargets(data.labels, 2);
    const trainer = createTrainer(model, {
      optimizer: 'adam',
      learningRate: 0.01,
      batchSize: 10,
      rng: createRng(5),
    });
    trainer.train(data.inputs, targets, 25, { epochs: 2 });
    expect(trainer.optimizer.steps).toBe(6);
    trainer.train(data.inputs, targets, 25, { steps: 7 });
    expect(trainer.optimizer.steps).toBe(13);
    expect(Number.isNaN(trainer.train(data.inputs, targets, 0, { epochs: 3 }))).toBe(true);
    expect(trainer.optimizer.steps).toBe(13);
  });

  it('keeps Adam state across calls: 3 + 3 full-batch steps equal 6 steps in one call', () => {
    const spec: MlpSpec = { inputDims: 2, hidden: [6], classes: 3, activation: 'tanh' };
    const rng = createRng(50);
    const inputs = randomInputs(20, 2, rng);
    const targets = randomTargets(20, 3, true, rng);
    const options = { optimizer: 'adam', learningRate: 0.05, batchSize: 20 } as const;
    const split = Mlp.create(spec, createRng(51));
    const splitTrainer = createTrainer(split, { ...options, rng: createRng(52) });
    splitTrainer.train(inputs, targets, 20, { steps: 3 });
    splitTrainer.train(inputs, targets, 20, { steps: 3 });
    const whole = Mlp.create(spec, createRng(51));
    createTrainer(whole, { ...options, rng: createRng(52) }).train(inputs, targets, 20, {
      steps: 6,
    });
    // Full batches: only the summation order differs, so the two agree to rounding.
    for (let i = 0; i < whole.params.length; i++)
      expect(split.params[i]).toBeCloseTo(whole.params[i]!, 12);
    // A trainer that forgot its moments would restart the bias correction and land elsewhere.
    const restarted = Mlp.create(spec, createRng(51));
    createTrainer(restarted, { ...options, rng: createRng(52) }).train(inputs, targets, 20, {
      steps: 3,
    });
    createTrainer(restarted, { ...options, rng: createRng(53) }).train(inputs, targets, 20, {
      steps: 3,
    });
    const gap = Math.max(...restarted.params.map((p, i) => Math.abs(p - whole.params[i]!)));
    expect(gap).toBeGreaterThan(1e-3);
  });

  it('warm start: after adding data, continuing lowers the loss on the larger set', () => {
    const rng = createRng(60);
    const data = separable(200, rng);
    const targets = oneHotTargets(data.labels, 2);
    const model = Mlp.create(SPEC, rng.fork('init'));
    const trainer = createTrainer(model, {
      optimizer: 'adam',
      learningRate: 0.01,
      batchSize: 10,
      rng: rng.fork('b'),
    });
    // The first 100 rows are a prefix of the same arrays, as a growing stolen set would be.
    trainer.train(data.inputs, targets, 100, { epochs: 5 });
    const before = trainer.loss(data.inputs, targets, 200);
    const firstSteps = trainer.optimizer.steps;
    trainer.train(data.inputs, targets, 200, { epochs: 5 });
    expect(trainer.optimizer.steps).toBe(firstSteps + 100);
    expect(trainer.loss(data.inputs, targets, 200)).toBeLessThan(before);
  });

  it('trains on soft targets: the optimum matches the target probabilities', () => {
    // One input, no hidden layer: p(class 1 | x) = sigmoid(w x + b) can equal 0.8 exactly.
    const model = new Mlp(
      { inputDims: 1, hidden: [], classes: 2, activation: 'tanh' },
      new Float64Array(4),
    );
    const inputs = new Float64Array(10).fill(1);
    const targets = new Float64Array(20);
    for (let i = 0; i < 10; i++) targets.set([0.2, 0.8], 2 * i);
    const trainer = createTrainer(model, {
      optimizer: 'adam',
      learningRate: 0.05,
      batchSize: 5,
      rng: createRng(7),
    });
    trainer.train(inputs, targets, 10, { epochs: 400 });
    const out = new Float64Array(2);
    model.predict(inputs, 1, out);
    expect(out[1]).toBeCloseTo(0.8, 4);
    // At the optimum the cross-entropy equals the targets' entropy.
    const entropy = -(0.2 * Math.log(0.2) + 0.8 * Math.log(0.8));
    expect(crossEntropy(model, inputs, targets, 10)).toBeCloseTo(entropy, 6);
  });

  it('weight decay shrinks the weights', () => {
    const data = separable(100, createRng(8));
    const targets = oneHotTargets(data.labels, 2);
    const norm = (decay: number) => {
      const model = Mlp.create(SPEC, createRng(9));
      const trainer = createTrainer(model, {
        optimizer: 'sgd',
        learningRate: 0.05,
        batchSize: 10,
        weightDecay: decay,
        rng: createRng(10),
      });
      trainer.train(data.inputs, targets, 100, { epochs: 20 });
      return model.params.reduce((s, w) => s + w * w, 0);
    };
    expect(norm(0.05)).toBeLessThan(0.7 * norm(0));
  });

  it('rejects bad options and short arrays, naming the field', () => {
    const model = Mlp.create(SPEC, createRng(1));
    const rng = createRng(2);
    expect(() =>
      createTrainer(model, { optimizer: 'sgd', learningRate: 0.1, batchSize: 0, rng }),
    ).toThrow('batchSize');
    expect(() =>
      createTrainer(model, {
        optimizer: 'sgd',
        learningRate: 0.1,
        batchSize: 4,
        weightDecay: -1,
        rng,
      }),
    ).toThrow('weightDecay');
    const trainer = createTrainer(model, {
      optimizer: 'sgd',
      learningRate: 0.1,
      batchSize: 4,
      rng,
    });
    expect(() => trainer.train(new Float64Array(4), new Float64Array(4), 3, { epochs: 1 })).toThrow(
      'inputs',
    );
    expect(() => trainer.train(new Float64Array(6), new Float64Array(4), 3, { epochs: 1 })).toThrow(
      'targets',
    );
    expect(() =>
      trainer.train(new Float64Array(6), new Float64Array(6), 3, { steps: 1.5 }),
    ).toThrow('length');
  });
});
