// MAD (prediction poisoning): the Gram matrix against the trainer's gradient, the cosine by hand,
// and property tests: the poisoned answer stays on the simplex within its L1 budget, keeps the
// top-1 class when asked, and deflects the surrogate's gradient at least as much as a random
// perturbation of the same L1 size.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bilinear, gradientCosine, MadPoisoner } from '../../../../src/core/defenses/output/mad';
import { argmax } from '../../../../src/core/math/vector';
import { lossGradient, Mlp } from '../../../../src/core/models/mlp';
import { createRng } from '../../../../src/core/rng';

const surrogate = (classes: number, seed: number) =>
  Mlp.create({ inputDims: 2, hidden: [8, 8], classes, activation: 'tanh' }, createRng(seed));

describe('MAD by hand', () => {
  it('bilinear and the cosine under an identity Gram matrix are the plain ones', () => {
    const identity = Float64Array.from([1, 0, 0, 1]);
    expect(bilinear(identity, [1, 2], [3, 4])).toBe(11);
    // cos((1, 0), (0.6, 0.4)) = 0.6 / sqrt(0.52)
    expect(gradientCosine(identity, [1, 0], [0.6, 0.4])).toBeCloseTo(0.6 / Math.sqrt(0.52), 15);
    expect(gradientCosine(new Float64Array(4), [1, 0], [0, 1])).toBe(1);
  });

  it('the Gram matrix holds |grad log p_k|^2 on its diagonal (the trainer’s gradient)', () => {
    const model = surrogate(3, 4);
    const x = Float64Array.from([0.3, -0.7]);
    const gram = new MadPoisoner(model).computeGram(x, 0);
    const grad = new Float64Array(model.params.length);
    for (let k = 0; k < 3; k++) {
      const target = new Float64Array(3);
      target[k] = 1;
      lossGradient(model, x, target, 1, grad); // grad of -log p_k
      const squared = grad.reduce((s, g) => s + g * g, 0);
      expect(gram[k * 3 + k]).toBeCloseTo(squared, 12);
    }
    // Symmetric, and sum_k p_k grad log p_k = 0, so p^T M p = 0.
    const p = Float64Array.from(model.forwardRow(x, 0));
    expect(gram[1]).toBe(gram[3]);
    expect(bilinear(gram, p, p)).toBeCloseTo(0, 10);
  });

  it('with epsilon 0 the answer is the clean one', () => {
    const poisoner = new MadPoisoner(surrogate(3, 1));
    poisoner.computeGram(Float64Array.from([0.1, 0.2]), 0);
    const out = new Float64Array(3);
    poisoner.poison(Float64Array.from([0.5, 0.3, 0.2]), 0, false, out);
    expect([...out]).toEqual([0.5, 0.3, 0.2]);
  });
});

/** A probability vector of `classes` entries, each at least 1e-3. */
const simplex = (classes: number) =>
  fc
    .array(fc.double({ min: 1e-3, max: 1, noNaN: true }), {
      minLength: classes,
      maxLength: classes,
    })
    .map((v) => {
      const sum = v.reduce((a, b) => a + b, 0);
      return v.map((x) => x / sum);
    });
const point = fc.tuple(
  fc.double({ min: -1.2, max: 1.2, noNaN: true }),
  fc.double({ min: -1.2, max: 1.2, noNaN: true }),
);

describe.each([2, 3])('MAD properties, %i classes', (classes) => {
  const poisoner = new MadPoisoner(surrogate(classes, 7 + classes));
  const out = new Float64Array(classes);

  it('stays on the simplex within its L1 budget, and keeps the top-1 when asked', () => {
    fc.assert(
      fc.property(
        simplex(classes),
        point,
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.boolean(),
        (y, x, epsilon, keepTop1) => {
          const clean = Float64Array.from(y);
          poisoner.computeGram(Float64Array.from(x), 0);
          poisoner.poison(clean, epsilon, keepTop1, out);
          let l1 = 0;
          let sum = 0;
          for (let k = 0; k < classes; k++) {
            l1 += Math.abs(out[k]! - clean[k]!);
            sum += out[k]!;
            expect(out[k]!).toBeGreaterThanOrEqual(0);
          }
          expect(l1).toBeLessThanOrEqual(epsilon + 1e-12);
          expect(sum).toBeCloseTo(1, 12);
          if (keepTop1) expect(argmax(out)).toBe(argmax(clean));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('deflects the gradient at least as much as a random move of the same L1 size', () => {
    let checked = 0;
    fc.assert(
      fc.property(
        simplex(classes),
        point,
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), {
          minLength: classes,
          maxLength: classes,
        }),
        (y, x, epsilon, raw) => {
          // A random direction with sum 0, scaled to L1 = epsilon, that stays on the simplex.
          const mean = raw.reduce((a, b) => a + b, 0) / classes;
          const d = raw.map((v) => v - mean);
          const l1 = d.reduce((a, b) => a + Math.abs(b), 0);
          fc.pre(l1 > 1e-6);
          const random = y.map((v, k) => v + (epsilon * d[k]!) / l1);
          fc.pre(random.every((v) => v >= 0));
          const clean = Float64Array.from(y);
          const gram = poisoner.computeGram(Float64Array.from(x), 0);
          // Skip answers whose gradient G^T y nearly vanishes (y near the surrogate's own p): the
          // angle is then meaningless and |G^T y|^2 = y^T M y is lost to cancellation.
          let trace = 0;
          for (let k = 0; k < classes; k++) trace += gram[k * classes + k]!;
          fc.pre(bilinear(gram, clean, clean) > 1e-6 * trace);
          poisoner.poison(clean, epsilon, false, out);
          const mad = gradientCosine(gram, clean, out);
          const other = gradientCosine(gram, clean, random);
          // The search is exact at the polytope's vertices while the best angle is at most 90°.
          // The search is exact while its best angle is at most 90 degrees: then every answer in
          // the ball has G^T y . G^T y' >= 0 (that dot product is linear, so its minimum is at a
          // searched vertex), where the cosine is quasi-concave and its minimum is at a vertex.
          if (mad >= 0) {
            checked++;
            expect(mad).toBeLessThanOrEqual(other + 1e-6);
          }
        },
      ),
      { numRuns: 500 },
    );
    expect(checked, 'cases with an acute best angle').toBeGreaterThan(100);
  });
});
