import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core/rng';
import {
  WindowLm,
  windowLmLayout,
  type WindowLmSpec,
} from '../../../../src/core/scenarios/chat/lm';
import { TEACHER_SPEC } from '../../../../src/core/scenarios/chat/teacher';
import {
  ExampleBuilder,
  exampleLoss,
  meanLoss,
  trainWindowLm,
  type LmExamples,
} from '../../../../src/core/scenarios/chat/train';

/** central-difference step */
const H = 1e-5;

/** A model with every parameter (biases too) drawn from N(0, 0.5^2). */
function randomLm(spec: WindowLmSpec, seed: number): WindowLm {
  const rng = createRng(seed);
  const model = WindowLm.create(spec, rng);
  for (let i = 0; i < model.params.length; i++) model.params[i] = 0.5 * rng.normal();
  return model;
}

/** `count` random examples (windows, tokens, soft targets when `soft`). */
function randomExamples(spec: WindowLmSpec, count: number, soft: boolean, seed: number) {
  const rng = createRng(seed);
  const builder = new ExampleBuilder(spec.window, spec.vocab, soft);
  for (let i = 0; i < count; i++) {
    const prompt = Array.from({ length: spec.window }, () => rng.int(spec.vocab));
    const target = Float64Array.from({ length: spec.vocab }, () => rng.uniform(0.05, 1));
    const total = target.reduce((a, b) => a + b, 0);
    for (let v = 0; v < spec.vocab; v++) target[v]! /= total;
    builder.add(prompt, [rng.int(spec.vocab)], [target]);
  }
  return builder.build();
}

/** The summed loss of all examples and its gradient (by backward). */
function lossAndGradient(model: WindowLm, examples: LmExamples): [number, Float64Array] {
  const grad = new Float64Array(model.params.length);
  const delta = new Float64Array(examples.vocab);
  let loss = 0;
  for (let i = 0; i < examples.count; i++) {
    loss += exampleLoss(model, examples, i, delta);
    model.backward(delta, examples.contexts, i * examples.window, grad);
  }
  return [loss, grad];
}

describe('window language model layout', () => {
  it("the teacher's shape has 18,920 parameters (75,680 bytes as float32)", () => {
    const layout = windowLmLayout(TEACHER_SPEC);
    expect(layout).toEqual({
      embedOffset: 0,
      hiddenBiasOffset: 6 * 56 * 48,
      outWeightOffset: 6 * 56 * 48 + 48,
      outBiasOffset: 6 * 56 * 48 + 48 + 56 * 48,
      parameterCount: 18920,
    });
  });

  it('rejects a bad size, naming it', () => {
    expect(() => windowLmLayout({ ...TEACHER_SPEC, hidden: 0 })).toThrow('hidden');
    expect(() => windowLmLayout({ ...TEACHER_SPEC, window: 2.5 })).toThrow('window');
    expect(() => new WindowLm(TEACHER_SPEC, new Float64Array(10))).toThrow('18920');
  });
});

describe('forward pass', () => {
  it('matches a hand computation (V = 3, W = 2, H = 1, tanh)', () => {
    // E[0] = (0.1, 0.2, 0.3), E[1] = (-0.5, 0.4, 1), b1 = 0.05, outWeight = (1, -2, 0.5), outBias = (0, 0.1, -0.1)
    const spec: WindowLmSpec = { vocab: 3, window: 2, hidden: 1, activation: 'tanh' };
    const params = Float64Array.of(0.1, 0.2, 0.3, -0.5, 0.4, 1, 0.05, 1, -2, 0.5, 0, 0.1, -0.1);
    const model = new WindowLm(spec, params);
    const lse = model.forward([2, 1], 0); // E[0][2] + E[1][1] + b1 = 0.3 + 0.4 + 0.05
    const a = Math.tanh(0.75);
    const logits = [a, -2 * a + 0.1, 0.5 * a - 0.1];
    const norm = Math.log(logits.reduce((s, z) => s + Math.exp(z), 0));
    expect(model.hiddenActivation[0]).toBeCloseTo(a, 15);
    expect(lse).toBeCloseTo(norm, 14);
    logits.forEach((z, v) => {
      expect(model.probabilities[v]).toBeCloseTo(Math.exp(z - norm), 14);
      expect(model.logProbability(v)).toBeCloseTo(z - norm, 14);
    });
  });

  it('relu zeroes negative pre-activations', () => {
    const spec: WindowLmSpec = { vocab: 2, window: 1, hidden: 2, activation: 'relu' };
    // E[0][0] = (1, -1), E[0][1] = (-2, 3); biases 0
    const model = new WindowLm(spec, Float64Array.of(1, -1, -2, 3, 0, 0, 1, 1, 1, 1, 0, 0));
    model.forward([0], 0);
    expect(Array.from(model.hiddenActivation)).toEqual([1, 0]);
    model.forward([1], 0);
    expect(Array.from(model.hiddenActivation)).toEqual([0, 3]);
  });

  it('probabilities sum to 1 and stay finite for huge weights', () => {
    const model = randomLm(TEACHER_SPEC, 3);
    for (let i = 0; i < model.params.length; i++) model.params[i]! *= 400;
    model.forward([1, 2, 3, 4, 5, 6], 0);
    const total = model.probabilities.reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 12);
    expect(Number.isFinite(model.logSumExp)).toBe(true);
  });
});

describe('backward pass (central differences)', () => {
  it.each(
    (['tanh', 'relu'] as const).flatMap((activation) =>
      [false, true].map((soft) => ({ activation, soft })),
    ),
  )('$activation, soft targets: $soft', ({ activation, soft }) => {
    const spec: WindowLmSpec = { vocab: 7, window: 3, hidden: 5, activation };
    const model = randomLm(spec, 11);
    const examples = randomExamples(spec, 6, soft, 12);
    const [, grad] = lossAndGradient(model, examples);
    let checked = 0;
    for (let i = 0; i < model.params.length; i++) {
      const theta = model.params[i]!;
      model.params[i] = theta + H;
      const up = lossAndGradient(model, examples)[0];
      model.params[i] = theta - H;
      const down = lossAndGradient(model, examples)[0];
      model.params[i] = theta;
      const numeric = (up - down) / (2 * H);
      expect(Math.abs(numeric - grad[i]!)).toBeLessThan(1e-6 * Math.max(1, Math.abs(numeric)));
      if (grad[i] !== 0) checked++;
    }
    // every block has non-zero gradients (embedding rows of unused tokens stay 0)
    expect(checked).toBeGreaterThan(model.layout.parameterCount - model.layout.hiddenBiasOffset);
  });
});

describe('soft and hard targets', () => {
  it('a one-hot soft target gives the hard loss and the same gradient', () => {
    const spec: WindowLmSpec = { vocab: 9, window: 2, hidden: 4, activation: 'relu' };
    const model = randomLm(spec, 5);
    const hard = new ExampleBuilder(2, 9, false);
    const soft = new ExampleBuilder(2, 9, true);
    for (const [prompt, token] of [
      [[1, 2], 3],
      [[4, 4], 0],
      [[8, 0], 8],
    ] as const) {
      hard.add(prompt, [token]);
      soft.add(prompt, [token]); // no distribution given: the one-hot of the token
    }
    const [hardLoss, hardGrad] = lossAndGradient(model, hard.build());
    const [softLoss, softGrad] = lossAndGradient(model, soft.build());
    expect(softLoss).toBeCloseTo(hardLoss, 13);
    softGrad.forEach((g, i) => expect(g).toBeCloseTo(hardGrad[i]!, 13));
  });

  it('the soft loss is the target-weighted mean of the hard losses', () => {
    const spec: WindowLmSpec = { vocab: 5, window: 2, hidden: 3, activation: 'tanh' };
    const model = randomLm(spec, 6);
    const target = [0.1, 0.2, 0.3, 0.4, 0];
    const soft = new ExampleBuilder(2, 5, true);
    soft.add([1, 3], [2], [target]);
    const softLoss = meanLoss(model, soft.build());
    let expected = 0;
    target.forEach((t, v) => {
      const hard = new ExampleBuilder(2, 5, false);
      hard.add([1, 3], [v]);
      expected += t * meanLoss(model, hard.build());
    });
    expect(softLoss).toBeCloseTo(expected, 13);
  });

  it('windows are padded with <bos> before the start', () => {
    const builder = new ExampleBuilder(3, 20, false);
    builder.add([4], [5, 6]);
    const { contexts, tokens } = builder.build();
    expect(Array.from(contexts)).toEqual([11, 11, 4, 11, 4, 5]);
    expect(Array.from(tokens)).toEqual([5, 6]);
  });
});

describe('training', () => {
  it('Adam lowers the loss, and the same seed gives the same weights', () => {
    const spec: WindowLmSpec = { vocab: 12, window: 3, hidden: 8, activation: 'relu' };
    const examples = randomExamples(spec, 40, true, 21);
    const train = () => {
      const model = WindowLm.create(spec, createRng(1));
      const before = meanLoss(model, examples);
      trainWindowLm(model, examples, {
        steps: 200,
        batchSize: 8,
        learningRate: 0.02,
        rng: createRng(2),
      });
      return { model, before, after: meanLoss(model, examples) };
    };
    const first = train();
    expect(first.after).toBeLessThan(first.before - 0.3);
    expect(train().model.params).toEqual(first.model.params);
  });

  it('leaves the model unchanged without examples or steps', () => {
    const spec: WindowLmSpec = { vocab: 12, window: 3, hidden: 8, activation: 'relu' };
    const model = WindowLm.create(spec, createRng(1));
    const before = model.params.slice();
    const none = new ExampleBuilder(3, 12, false).build();
    const options = { steps: 10, batchSize: 4, learningRate: 0.1, rng: createRng(2) };
    expect(trainWindowLm(model, none, options)).toBe(0);
    expect(trainWindowLm(model, randomExamples(spec, 5, false, 3), { ...options, steps: 0 })).toBe(
      0,
    );
    expect(model.params).toEqual(before);
  });
});
