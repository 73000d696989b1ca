import { describe, expect, it } from 'vitest';
import { createOptimizer } from '../../../src/core/models/optimizer';

describe('createOptimizer', () => {
  it('sgd: theta <- theta - alpha * (scale * gradSum + decay * theta)', () => {
    const sgd = createOptimizer('sgd', 2, 0.1);
    const params = Float64Array.of(1, -2);
    sgd.step(params, Float64Array.of(4, 6), 0.5, null);
    expect(params[0]).toBeCloseTo(1 - 0.1 * 2, 15);
    expect(params[1]).toBeCloseTo(-2 - 0.1 * 3, 15);
    sgd.step(params, Float64Array.of(0, 0), 1, Float64Array.of(0.5, 0));
    expect(params[0]).toBeCloseTo(0.8 - 0.1 * 0.5 * 0.8, 15);
    expect(params[1]).toBeCloseTo(-2.3, 15);
    expect(sgd.steps).toBe(2);
  });

  it('adam: matches Algorithm 1 of Kingma and Ba (2015) worked by hand for two steps', () => {
    const alpha = 0.1;
    const adam = createOptimizer('adam', 1, alpha);
    const params = Float64Array.of(1);
    // step 1, g = 2: m = 0.2, v = 0.004; m-hat = 2, v-hat = 4; theta = 1 - 0.1 * 2 / (2 + 1e-8)
    adam.step(params, Float64Array.of(2), 1, null);
    const theta1 = 1 - (alpha * 2) / (2 + 1e-8);
    expect(params[0]).toBeCloseTo(theta1, 15);
    // step 2, g = -1: m = 0.9*0.2 - 0.1 = 0.08, v = 0.999*0.004 + 0.001 = 0.004996
    adam.step(params, Float64Array.of(-1), 1, null);
    const mHat = 0.08 / (1 - 0.9 ** 2);
    const vHat = 0.004996 / (1 - 0.999 ** 2);
    expect(params[0]).toBeCloseTo(theta1 - (alpha * mHat) / (Math.sqrt(vHat) + 1e-8), 14);
    expect(adam.steps).toBe(2);
  });

  it('adam: the first step moves every parameter by about alpha * sign(g), whatever the scale of g', () => {
    const adam = createOptimizer('adam', 3, 0.01);
    const params = new Float64Array(3);
    adam.step(params, Float64Array.of(1e-3, -50, 7), 1, null);
    // m-hat = g and v-hat = g^2 after one step, so the move is alpha * g / (|g| + epsilon).
    expect(params[0]).toBeCloseTo((-0.01 * 1e-3) / (1e-3 + 1e-8), 15);
    expect(params[0]).toBeCloseTo(-0.01, 6);
    expect(params[1]).toBeCloseTo(0.01, 9);
    expect(params[2]).toBeCloseTo(-0.01, 9);
  });

  it('rejects a non-positive learning rate and unknown names', () => {
    expect(() => createOptimizer('sgd', 1, 0)).toThrow('learningRate');
    expect(() => createOptimizer('adam', 1, NaN)).toThrow('learningRate');
    expect(() => createOptimizer('rmsprop' as 'sgd', 1, 0.1)).toThrow('optimizer');
  });
});
