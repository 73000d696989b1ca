import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng';
import {
  Mlp,
  crossEntropy,
  lossGradient,
  mlpLayout,
  softmaxInto,
  type MlpSpec,
} from '../../../src/core/models/mlp';
import { randomInputs, randomModel, randomTargets, relativeError } from './helpers';

/** central-difference step for the gradient checks */
const H = 1e-5;

describe('mlpLayout', () => {
  it('places 2-16-16-2 weights and biases as documented (354 parameters)', () => {
    const layout = mlpLayout({ inputDims: 2, hidden: [16, 16], classes: 2, activation: 'tanh' });
    expect(layout.sizes).toEqual([2, 16, 16, 2]);
    expect(layout.weightOffset).toEqual([0, 48, 320]);
    expect(layout.biasOffset).toEqual([32, 304, 352]);
    expect(layout.unitOffset).toEqual([0, 2, 18, 34]);
    expect(layout.parameterCount).toBe(354);
    expect(layout.unitCount).toBe(36);
  });

  it.each([
    [{ inputDims: 0, hidden: [4], classes: 2 }, 'inputDims'],
    [{ inputDims: 2, hidden: [4, 0], classes: 2 }, 'hidden[1]'],
    [{ inputDims: 2, hidden: [4.5], classes: 2 }, 'hidden[0]'],
    [{ inputDims: 2, hidden: [4], classes: 1 }, 'classes'],
  ])('rejects %o, naming %s', (partial, field) => {
    const spec = { ...partial, activation: 'tanh' } as MlpSpec;
    expect(() => mlpLayout(spec)).toThrow(field);
  });
});

describe('forward pass', () => {
  it('matches a hand computation for a 1-1-2 tanh network', () => {
    // a = tanh(0.5 x - 0.25); z = (2a + 0.1, -a); p1 = 1 / (1 + exp(z0 - z1))
    const spec: MlpSpec = { inputDims: 1, hidden: [1], classes: 2, activation: 'tanh' };
    const model = new Mlp(spec, Float64Array.of(0.5, -0.25, 2, -1, 0.1, 0));
    const out = new Float64Array(2);
    model.predict(Float64Array.of(1.5), 1, out);
    const a = Math.tanh(0.5 * 1.5 - 0.25);
    const p1 = 1 / (1 + Math.exp(2 * a + 0.1 - -a));
    expect(out[1]).toBeCloseTo(p1, 14);
    expect(out[0]).toBeCloseTo(1 - p1, 14);
  });

  it('with no hidden layer is logistic regression: p1 = sigmoid(w x + b)', () => {
    const spec: MlpSpec = { inputDims: 2, hidden: [], classes: 2, activation: 'relu' };
    // class 0 logit fixed at 0, class 1 logit = 3 x0 - 2 x1 + 0.5
    const model = new Mlp(spec, Float64Array.of(0, 0, 3, -2, 0, 0.5));
    const out = new Float64Array(4);
    model.predict(Float64Array.of(9, 9, 0.2, 0.7), 1, out.subarray(0, 2), 1);
    const z = 3 * 0.2 - 2 * 0.7 + 0.5;
    expect(out[1]).toBeCloseTo(1 / (1 + Math.exp(-z)), 14);
  });

  it.each(['tanh', 'relu'] as const)('%s: probabilities lie in [0, 1] and sum to 1', (act) => {
    const model = randomModel(
      { inputDims: 2, hidden: [8, 8, 8], classes: 3, activation: act },
      3,
      2,
    );
    const rng = createRng(4);
    const inputs = randomInputs(200, 2, rng);
    const out = new Float64Array(600);
    model.predict(inputs, 200, out);
    for (let r = 0; r < 200; r++) {
      const row = out.subarray(3 * r, 3 * r + 3);
      for (const p of row) expect(p >= 0 && p <= 1).toBe(true);
      expect(row[0]! + row[1]! + row[2]!).toBeCloseTo(1, 14);
    }
  });

  it('softmax is stable for huge logits and degrades gracefully for infinite ones', () => {
    const p = new Float64Array(3);
    const lse = softmaxInto(Float64Array.of(1000, 1000, -1000), 0, 3, p);
    expect(Array.from(p)).toEqual([0.5, 0.5, 0]);
    expect(lse).toBeCloseTo(1000 + Math.LN2, 10);
    softmaxInto(Float64Array.of(Infinity, 0, NaN), 0, 3, p);
    expect(Array.from(p)).toEqual([1, 0, 0]);
    softmaxInto(Float64Array.of(NaN, NaN, NaN), 0, 3, p);
    expect(Array.from(p)).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });

  it('relu network: numerically extreme inputs give no NaN', () => {
    const model = randomModel(
      { inputDims: 2, hidden: [32, 32, 32], classes: 3, activation: 'relu' },
      5,
    );
    const extremes = [1e6, -1e6, 1e30, 1e150, -1e300, 1e308];
    const inputs = new Float64Array(extremes.flatMap((v) => [v, -v / 3]));
    const count = extremes.length;
    const out = new Float64Array(count * 3);
    model.predict(inputs, count, out);
    for (let r = 0; r < count; r++) {
      const row = Array.from(out.subarray(3 * r, 3 * r + 3));
      expect(row.some(Number.isNaN)).toBe(false);
      expect(row[0]! + row[1]! + row[2]!).toBeCloseTo(1, 12);
    }
    // At 1e6 the logits are ~1e6 apart: a naive exp() would give Infinity / Infinity = NaN.
    const targets = Float64Array.of(0.2, 0.3, 0.5, 0.2, 0.3, 0.5);
    expect(Number.isNaN(crossEntropy(model, inputs, targets, 2))).toBe(false);
    const grad = new Float64Array(model.params.length);
    lossGradient(model, inputs, targets, 2, grad);
    expect(grad.every(Number.isFinite)).toBe(true);
    const dx = new Float64Array(2);
    model.inputGradient(inputs, 0, 1, dx);
    expect(dx.every(Number.isFinite)).toBe(true);
  });
});

/** Every combination the gradient check covers: activation x depth x classes x target kind. */
const GRADIENT_CASES = (['tanh', 'relu'] as const).flatMap((activation) =>
  [[5], [6, 4], [4, 5, 3]].flatMap((hidden) =>
    [2, 3].flatMap((classes) =>
      [true, false].map((soft) => ({ activation, hidden, classes, soft })),
    ),
  ),
);

describe('gradient of the loss with respect to every weight (central differences)', () => {
  it.each(GRADIENT_CASES)(
    '$activation $hidden, $classes classes, soft targets $soft',
    ({ activation, hidden, classes, soft }) => {
      const seed = hidden.length * 10 + classes + (soft ? 100 : 0);
      const model = randomModel({ inputDims: 3, hidden, classes, activation }, seed);
      const rng = createRng(seed + 1);
      const count = 7;
      const inputs = randomInputs(count, 3, rng);
      const targets = randomTargets(count, classes, soft, rng);
      const grad = new Float64Array(model.params.length);
      lossGradient(model, inputs, targets, count, grad);
      let worst = 0;
      for (let w = 0; w < model.params.length; w++) {
        const saved = model.params[w]!;
        model.params[w] = saved + H;
        const plus = crossEntropy(model, inputs, targets, count);
        model.params[w] = saved - H;
        const minus = crossEntropy(model, inputs, targets, count);
        model.params[w] = saved;
        worst = Math.max(worst, relativeError(grad[w]!, (plus - minus) / (2 * H)));
      }
      expect(worst).toBeLessThan(1e-5);
      expect(grad.some((g) => Math.abs(g) > 1e-3)).toBe(true);
    },
  );

  it('includes the L2 term: d/dw (lambda/2) w^2 = lambda w on weights, nothing on biases', () => {
    const spec: MlpSpec = { inputDims: 2, hidden: [4], classes: 3, activation: 'tanh' };
    const model = randomModel(spec, 77);
    const rng = createRng(78);
    const inputs = randomInputs(5, 2, rng);
    const targets = randomTargets(5, 3, true, rng);
    const lambda = 0.3;
    const withDecay = new Float64Array(model.params.length);
    const without = new Float64Array(model.params.length);
    const objective = lossGradient(model, inputs, targets, 5, withDecay, lambda);
    const plain = lossGradient(model, inputs, targets, 5, without);
    const { biasOffset } = model.layout;
    let squares = 0;
    for (let w = 0; w < model.params.length; w++) {
      const isBias = (w >= biasOffset[0]! && w < biasOffset[0]! + 4) || w >= biasOffset[1]!;
      const theta = model.params[w]!;
      if (!isBias) squares += theta * theta;
      expect(withDecay[w]).toBeCloseTo(without[w]! + (isBias ? 0 : lambda * theta), 14);
    }
    expect(objective).toBeCloseTo(plain + (lambda / 2) * squares, 12);
  });
});

describe('input gradients', () => {
  it.each([
    ['tanh', [6], 2],
    ['tanh', [5, 4], 3],
    ['relu', [6, 5, 4], 3],
    ['relu', [7], 2],
  ] as const)(
    '%s %o, %i classes: d p_c / dx and d z_c / dx match central differences',
    (activation, hidden, classes) => {
      const model = randomModel({ inputDims: 3, hidden: [...hidden], classes, activation }, 11);
      const x = randomInputs(4, 3, createRng(12));
      const probs = new Float64Array(classes);
      const grad = new Float64Array(3);
      const logitGrad = new Float64Array(3);
      for (let row = 0; row < 4; row++) {
        for (let c = 0; c < classes; c++) {
          model.inputGradient(x, row, c, grad);
          model.logitInputGradient(x, row, c, logitGrad);
          for (let d = 0; d < 3; d++) {
            const i = row * 3 + d;
            const saved = x[i]!;
            x[i] = saved + H;
            model.predict(x, 1, probs, row);
            const pPlus = probs[c]!;
            const zPlus = Math.log(probs[c]!) - Math.log(probs[0]!);
            x[i] = saved - H;
            model.predict(x, 1, probs, row);
            const pMinus = probs[c]!;
            const zMinus = Math.log(probs[c]!) - Math.log(probs[0]!);
            x[i] = saved;
            expect(relativeError(grad[d]!, (pPlus - pMinus) / (2 * H))).toBeLessThan(1e-5);
            // z_c - z_0 = log p_c - log p_0, so d z_c/dx - d z_0/dx is what the probabilities show.
            const logit0 = new Float64Array(3);
            model.logitInputGradient(x, row, 0, logit0);
            const numeric = (zPlus - zMinus) / (2 * H);
            expect(relativeError(logitGrad[d]! - logit0[d]!, numeric)).toBeLessThan(1e-5);
          }
        }
      }
    },
  );

  it('the probability gradients of all classes sum to zero (probabilities sum to 1)', () => {
    const model = randomModel({ inputDims: 2, hidden: [8], classes: 3, activation: 'tanh' }, 21);
    const x = Float64Array.of(0.3, -0.8);
    const total = new Float64Array(2);
    const g = new Float64Array(2);
    for (let c = 0; c < 3; c++) {
      model.inputGradient(x, 0, c, g);
      total[0]! += g[0]!;
      total[1]! += g[1]!;
    }
    expect(Math.abs(total[0]!)).toBeLessThan(1e-15);
    expect(Math.abs(total[1]!)).toBeLessThan(1e-15);
  });
});

describe('initialisation', () => {
  it('tanh: Glorot uniform within +-sqrt(6 / (fanIn + fanOut)), biases 0', () => {
    const model = Mlp.create(
      { inputDims: 20, hidden: [30], classes: 3, activation: 'tanh' },
      createRng(1),
    );
    const { params, layout } = model;
    const range = Math.sqrt(6 / 50);
    const weights = params.subarray(0, 600);
    expect(weights.every((w) => Math.abs(w) <= range)).toBe(true);
    const variance = weights.reduce((s, w) => s + w * w, 0) / weights.length;
    expect(variance).toBeGreaterThan((0.85 * (range * range)) / 3);
    expect(variance).toBeLessThan((1.15 * (range * range)) / 3);
    expect(
      params.subarray(layout.biasOffset[0]!, layout.biasOffset[0]! + 30).every((b) => b === 0),
    ).toBe(true);
    expect(params.subarray(layout.biasOffset[1]!).every((b) => b === 0)).toBe(true);
  });

  it('relu: He normal hidden weights with variance 2 / fanIn', () => {
    const model = Mlp.create(
      { inputDims: 32, hidden: [32, 32], classes: 2, activation: 'relu' },
      createRng(2),
    );
    const { params, layout } = model;
    const hidden = params.subarray(layout.weightOffset[1]!, layout.biasOffset[1]!);
    const variance = hidden.reduce((s, w) => s + w * w, 0) / hidden.length;
    expect(variance).toBeGreaterThan(0.85 * (2 / 32));
    expect(variance).toBeLessThan(1.15 * (2 / 32));
    // The output layer (softmax, not relu) stays Glorot: bounded by sqrt(6 / 34).
    const output = params.subarray(layout.weightOffset[2]!, layout.biasOffset[2]!);
    expect(output.every((w) => Math.abs(w) <= Math.sqrt(6 / 34))).toBe(true);
  });

  it('is deterministic per seed', () => {
    const spec: MlpSpec = { inputDims: 2, hidden: [16, 16], classes: 2, activation: 'tanh' };
    const a = Mlp.create(spec, createRng(9)).params;
    expect(Mlp.create(spec, createRng(9)).params).toEqual(a);
    expect(Mlp.create(spec, createRng(10)).params).not.toEqual(a);
  });
});

describe('serialisation', () => {
  it('toWeights -> structured clone -> fromWeights reproduces params and predictions exactly', () => {
    const model = randomModel(
      { inputDims: 2, hidden: [16, 8], classes: 3, activation: 'relu' },
      31,
    );
    const copy = Mlp.fromWeights(structuredClone(model.toWeights()));
    expect(copy.spec).toEqual(model.spec);
    expect(copy.params).toEqual(model.params);
    const inputs = randomInputs(50, 2, createRng(32));
    const a = new Float64Array(150);
    const b = new Float64Array(150);
    model.predict(inputs, 50, a);
    copy.predict(inputs, 50, b);
    expect(b).toEqual(a);
  });

  it('toWeights and clone are snapshots: later changes do not leak either way', () => {
    const model = randomModel({ inputDims: 2, hidden: [4], classes: 2, activation: 'tanh' }, 33);
    const weights = model.toWeights();
    const clone = model.clone();
    const before = model.params[0]!;
    clone.params[0] = 123;
    weights.params[1] = 456;
    expect(model.params[0]).toBe(before);
    expect(model.params[1]).not.toBe(456);
  });

  it('rejects params of the wrong length', () => {
    const spec: MlpSpec = { inputDims: 2, hidden: [4], classes: 2, activation: 'tanh' };
    expect(() => Mlp.fromWeights({ spec, params: new Float64Array(21) })).toThrow('22 entries');
  });
});
