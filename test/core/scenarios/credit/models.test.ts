import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Mlp } from '../../../../src/core/models/mlp';
import { createRng } from '../../../../src/core/rng';
import { LogisticRegression, fitLogistic } from '../../../../src/core/scenarios/credit/logistic';
import {
  MlpCreditModel,
  approvalScores,
  sigmoid,
  softplus,
} from '../../../../src/core/scenarios/credit/model';
import { buildCreditPopulation } from '../../../../src/core/scenarios/credit/population';
import { buildCreditVictim } from '../../../../src/core/scenarios/credit/victim';

describe('sigmoid and softplus', () => {
  it('match their definitions and do not overflow', () => {
    for (const z of [-30, -2, 0, 0.5, 3, 30]) {
      expect(sigmoid(z)).toBeCloseTo(1 / (1 + Math.exp(-z)), 15);
      expect(softplus(z)).toBeCloseTo(Math.log(1 + Math.exp(z)), 13);
    }
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(800)).toBe(1);
    expect(softplus(800)).toBe(800);
    expect(softplus(-800)).toBe(0);
  });
});

describe('LogisticRegression', () => {
  const model = new LogisticRegression(Float64Array.of(2, -1), 0.5);

  it('serves [p(refuse), p(approve)] = [sigmoid(-z), sigmoid(z)], z = w.x + b', () => {
    const out = new Float64Array(4);
    model.predict(Float64Array.of(9, 9, 1, 3), 1, out.subarray(2), 1);
    // z = 2*1 - 3 + 0.5 = -0.5
    expect(out[3]).toBeCloseTo(1 / (1 + Math.exp(0.5)), 15);
    expect(out[2]).toBeCloseTo(1 / (1 + Math.exp(-0.5)), 15);
    // p(refuse) keeps full precision where p(approve) rounds to 1: z = 40.
    model.predict(Float64Array.of(20, 0.5), 1, out);
    expect(out[0]).toBeCloseTo(Math.exp(-40), 30);
    expect(out[0]! / Math.exp(-40)).toBeCloseTo(1, 12);
  });

  it('explains every decision with w itself', () => {
    const out = new Float64Array(6);
    model.attributions(Float64Array.of(1, 2, 3, 4, 5, 6), 3, out);
    expect(Array.from(out)).toEqual([2, -1, 2, -1, 2, -1]);
  });
});

describe('fitLogistic', () => {
  it('property: exact soft targets of a logistic model give back that model (to 1e-9)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 1e6 }),
        (dims, seed) => {
          const rng = createRng(seed);
          const truth = new LogisticRegression(
            Float64Array.from({ length: dims }, () => rng.normal()),
            rng.normal(),
          );
          const count = 4 * (dims + 1);
          const inputs = Float64Array.from({ length: count * dims }, () => rng.normal());
          const targets = approvalScores(truth, inputs, count);
          const fit = fitLogistic(inputs, targets, count, dims, { l2: 0 });
          for (let j = 0; j < dims; j++) {
            expect(Math.abs(fit.weights[j]! - truth.weights[j]!)).toBeLessThan(1e-9);
          }
          expect(Math.abs(fit.bias - truth.bias)).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('stays finite on separable hard labels and separates them', () => {
    // Labels 1 where x > 0: separable, so without L2 ||w|| would grow without bound.
    const inputs = Float64Array.of(-2, -1, -0.5, 0.5, 1, 2);
    const fit = fitLogistic(inputs, Float64Array.of(0, 0, 0, 1, 1, 1), 6, 1, { l2: 1 });
    expect(Number.isFinite(fit.weights[0]!)).toBe(true);
    expect(fit.weights[0]).toBeGreaterThan(0);
    expect(Math.abs(fit.bias)).toBeLessThan(1e-9); // symmetric data
  });

  it('reaches a stationary point of the penalised loss (gradient ~ 0)', () => {
    const rng = createRng(3);
    const count = 200;
    const inputs = Float64Array.from({ length: count * 3 }, () => rng.normal());
    const labels = Float64Array.from({ length: count }, (_, i) =>
      inputs[3 * i]! - inputs[3 * i + 2]! + 0.8 * rng.normal() > 0 ? 1 : 0,
    );
    const fit = fitLogistic(inputs, labels, count, 3, { l2: 0.5 });
    const grad = [0, 0, 0, 0];
    for (let i = 0; i < count; i++) {
      const residual = sigmoid(fit.logit(inputs, i)) - labels[i]!;
      for (let j = 0; j < 3; j++) grad[j]! += residual * inputs[3 * i + j]!;
      grad[3]! += residual;
    }
    for (let j = 0; j < 3; j++) grad[j]! += 0.5 * fit.weights[j]!;
    for (const g of grad) expect(Math.abs(g)).toBeLessThan(1e-9);
  });
});

describe('MlpCreditModel attributions', () => {
  it('are the gradient of the approval log-odds (central differences)', () => {
    const network = Mlp.create(
      { inputDims: 4, hidden: [6], classes: 2, activation: 'tanh' },
      createRng(2),
    );
    const rng = createRng(5);
    for (let i = 0; i < network.params.length; i++) network.params[i] = rng.normal();
    const model = new MlpCreditModel(network);
    const x = Float64Array.of(0.3, -0.7, 1.1, 0.2);
    const attribution = new Float64Array(4);
    model.attributions(x, 1, attribution);
    const logOdds = (input: Float64Array) => {
      const out = new Float64Array(2);
      model.predict(input, 1, out);
      return Math.log(out[1]! / out[0]!);
    };
    const h = 1e-5;
    for (let i = 0; i < 4; i++) {
      const up = x.slice();
      const down = x.slice();
      up[i]! += h;
      down[i]! -= h;
      expect(attribution[i]).toBeCloseTo((logOdds(up) - logOdds(down)) / (2 * h), 7);
    }
  });
});

describe('buildCreditVictim', () => {
  const population = buildCreditPopulation(
    { features: 8, trainSize: 1000, testSize: 1000, noise: 0.5 },
    createRng(1),
  );

  it('logistic: deterministic, accurate on held-out applicants, signs as the hidden rule', () => {
    const a = buildCreditVictim(
      population,
      { model: 'logistic', hidden: [], activation: 'tanh', epochs: 0 },
      createRng(1),
    );
    const b = buildCreditVictim(
      population,
      { model: 'logistic', hidden: [], activation: 'tanh', epochs: 0 },
      createRng(2),
    );
    expect(a.linear!.weights).toEqual(b.linear!.weights);
    expect(a.accuracy).toBeGreaterThan(0.85);
    // income helps, debt-to-income and late payments hurt (features.ts truth weights)
    expect(a.linear!.weights[0]).toBeGreaterThan(0);
    expect(a.linear!.weights[1]).toBeLessThan(0);
    expect(a.linear!.weights[3]).toBeLessThan(0);
  });

  it('mlp: a 2-class network with no linear weights, accurate too', () => {
    const victim = buildCreditVictim(
      population,
      { model: 'mlp', hidden: [16], activation: 'tanh', epochs: 20 },
      createRng(1),
    );
    expect(victim.linear).toBeNull();
    expect(victim.model.classes).toBe(2);
    expect(victim.accuracy).toBeGreaterThan(0.85);
  });
});
