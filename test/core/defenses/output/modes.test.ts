// Output perturbation: each mode against values worked by hand, the guards, and the monotonicity
// the maths promises (more noise or fewer decimals never lowers the distortion).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultConfig } from '../../../../src/core/config';
import { perturbOutput, type OutputOptions } from '../../../../src/core/defenses/output/perturb';
import { roundHalfEven } from '../../../../src/core/defenses/output/modes/rounded';
import { argmax, l1Distance } from '../../../../src/core/math/vector';
import { createRng, type Rng } from '../../../../src/core/rng';

const DEFAULT_OUTPUT = defaultConfig().defense.output;

function options(overrides: Partial<OutputOptions>): OutputOptions {
  return { ...DEFAULT_OUTPUT, ...overrides };
}

function serve(
  clean: number[],
  overrides: Partial<OutputOptions>,
  rng: Rng = createRng(1),
): number[] {
  const out = new Float64Array(clean.length);
  perturbOutput(Float64Array.from(clean), options(overrides), rng, out);
  return [...out];
}

/** An Rng whose normal() replays a script (to force the noise guard). */
function scriptedNormals(values: number[]): Rng {
  let i = 0;
  const base = createRng(0);
  return { ...base, normal: () => values[i++ % values.length]! };
}

function expectVector(actual: number[], expected: number[], digits = 12): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((e, i) => expect(actual[i]).toBeCloseTo(e, digits));
}

/** Random probability vectors of 2 to 5 classes. */
const probabilityVector = fc
  .array(fc.double({ min: 0.001, max: 1, noNaN: true }), { minLength: 2, maxLength: 5 })
  .map((w) => {
    const sum = w.reduce((a, b) => a + b, 0);
    return w.map((v) => v / sum);
  });

describe('helpers', () => {
  it('argmax takes the first of ties, l1Distance sums absolute differences', () => {
    expect(argmax([0.2, 0.5, 0.5])).toBe(1);
    expect(argmax([9, 0.1, 0.7, 0.2], 1, 3)).toBe(1); // within the slice [0.1, 0.7, 0.2]
    // |0.2 - 0| + |0.5 - 1| + |0.3 - 0| = 1.0
    expect(l1Distance([0.2, 0.5, 0.3], [0, 1, 0])).toBeCloseTo(1, 15);
    expect(() => l1Distance([1], [1, 0])).toThrow(/lengths/);
    expect(argmax(Float64Array.from([0.1, 0.6, 0.3]))).toBe(1);
  });

  it('roundHalfEven rounds halves to even, as numpy.around', () => {
    expect(roundHalfEven(0.125, 2)).toBe(0.12); // 12.5 -> 12
    expect(roundHalfEven(0.375, 2)).toBe(0.38); // 37.5 -> 38
    expect(roundHalfEven(0.5, 0)).toBe(0);
    expect(roundHalfEven(1.5, 0)).toBe(2);
    expect(roundHalfEven(0.12345, 3)).toBe(0.123);
  });
});

describe('perturbOutput modes, by hand', () => {
  const clean = [0.1, 0.5, 0.15, 0.25];

  it('probabilities: a copy', () => {
    expect(serve(clean, { mode: 'probabilities' })).toEqual(clean);
  });

  it('rounded: each entry to `decimals`, not renormalised (ART Rounded)', () => {
    expect(serve([0.12345, 0.5, 0.37655], { mode: 'rounded', decimals: 2 })).toEqual([
      0.12, 0.5, 0.38,
    ]);
    // 0 decimals: (0.4, 0.35, 0.25) all round to 0; the answer no longer sums to 1.
    expect(serve([0.4, 0.35, 0.25], { mode: 'rounded', decimals: 0 })).toEqual([0, 0, 0]);
  });

  it('topk: keeps the k largest with their values, zeroes the rest, no renormalisation', () => {
    expect(serve(clean, { mode: 'topk', k: 2 })).toEqual([0, 0.5, 0, 0.25]);
    expect(serve(clean, { mode: 'topk', k: 1 })).toEqual([0, 0.5, 0, 0]);
    expect(serve(clean, { mode: 'topk', k: 9 })).toEqual(clean);
    expect(serve([0.4, 0.2, 0.4], { mode: 'topk', k: 1 })).toEqual([0.4, 0, 0]); // tie: lower index
  });

  it('label: the one-hot of the argmax (ART ClassLabels)', () => {
    expect(serve(clean, { mode: 'label' })).toEqual([0, 1, 0, 0]);
  });

  it('reverse sigmoid with gamma = 1 reduces to r = beta (p - 1/2), worked by hand', () => {
    // gamma = 1: sigmoid(logit(p)) = p, so r = beta (p - 1/2).
    // beta = 1: p - r = 1/2 for every class -> uniform (1/3, 1/3, 1/3).
    expectVector(serve([0.7, 0.2, 0.1], { mode: 'reverseSigmoid', beta: 1, gamma: 1 }), [
      1 / 3,
      1 / 3,
      1 / 3,
    ]);
    // beta = 0.5: p - r = p/2 + 1/4 = (0.6, 0.35, 0.3), sum 1.25 -> (0.48, 0.28, 0.24).
    expectVector(
      serve([0.7, 0.2, 0.1], { mode: 'reverseSigmoid', beta: 0.5, gamma: 1 }),
      [0.48, 0.28, 0.24],
    );
    // beta = 2: p - r = 1 - p = (0.3, 0.8, 0.9), sum 2 -> (0.15, 0.4, 0.45): the top-1 flips.
    expectVector(
      serve([0.7, 0.2, 0.1], { mode: 'reverseSigmoid', beta: 2, gamma: 1 }),
      [0.15, 0.4, 0.45],
    );
  });

  it('reverse sigmoid at the ART defaults (beta 1, gamma 0.1), worked by hand', () => {
    // p = (0.8, 0.2): logit = +-ln 4 = +-1.386294; sigmoid(+-0.1386294) = 0.5 +- 0.0346021;
    // p - r = (0.8 - 0.0346021, 0.2 + 0.0346021) = (0.7653979, 0.2346021), sum 1.
    expectVector(
      serve([0.8, 0.2], { mode: 'reverseSigmoid', beta: 1, gamma: 0.1 }),
      [0.7653979, 0.2346021],
      6,
    );
  });

  it('reverse sigmoid with beta = 0 is the identity', () => {
    fc.assert(
      fc.property(
        probabilityVector,
        fc.double({ min: 0.001, max: 10, noNaN: true }),
        (p, gamma) => {
          const served = serve(p, { mode: 'reverseSigmoid', beta: 0, gamma });
          p.forEach((v, i) => expect(served[i]).toBeCloseTo(v, 12));
        },
      ),
    );
  });

  it('reverse sigmoid guard: when every entry clips to 0, the one-hot of the clean top-1', () => {
    // One class: p = 1 clipped to 1 - 1e-9, logit ~ 20.7, sigmoid(207) ~ 1, r = 10 * 0.5 = 5,
    // p - r = -4 -> 0. Sum 0 -> guard.
    expect(serve([1], { mode: 'reverseSigmoid', beta: 10, gamma: 10 })).toEqual([1]);
    // An unnormalised pair (0.9, 0.8): r ~ 5 for both, both clip to 0 -> one-hot of class 0.
    expect(serve([0.9, 0.8], { mode: 'reverseSigmoid', beta: 10, gamma: 10 })).toEqual([1, 0]);
  });

  it('reverse sigmoid always serves a probability vector', () => {
    fc.assert(
      fc.property(
        probabilityVector,
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0.001, max: 10, noNaN: true }),
        (p, beta, gamma) => {
          const served = serve(p, { mode: 'reverseSigmoid', beta, gamma });
          expect(served.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
          for (const v of served) expect(v).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe('noise mode', () => {
  it('adds sigma * N(0,1), clips to [0, 1] and renormalises (scripted draws)', () => {
    // p = (0.5, 0.3, 0.2), sigma 0.1, draws (1, -1, 0.5): (0.6, 0.2, 0.25) -> / 1.05.
    const served = serve(
      [0.5, 0.3, 0.2],
      { mode: 'noise', sigma: 0.1 },
      scriptedNormals([1, -1, 0.5]),
    );
    expectVector(served, [0.6 / 1.05, 0.2 / 1.05, 0.25 / 1.05]);
    // draws (3, -5, 0): (0.8, -0.2, 0.2) -> clip (0.8, 0, 0.2), sum 1.
    const clipped = serve(
      [0.5, 0.3, 0.2],
      { mode: 'noise', sigma: 0.1 },
      scriptedNormals([3, -5, 0]),
    );
    expectVector(clipped, [0.8, 0, 0.2]);
  });

  it('guard: when every entry clips to 0, the one-hot of the largest noisy value', () => {
    // sigma 1, draws (-1, -0.4, -1): (0.5 - 1, 0.3 - 0.4, 0.2 - 1) = (-0.5, -0.1, -0.8): all clip
    // to 0; the largest noisy value is class 1's.
    const served = serve(
      [0.5, 0.3, 0.2],
      { mode: 'noise', sigma: 1 },
      scriptedNormals([-1, -0.4, -1]),
    );
    expect(served).toEqual([0, 1, 0]);
  });

  it('sigma 0 serves the clean vector and draws exactly C normals per call', () => {
    const a = createRng(5);
    const b = createRng(5);
    expectVector(serve([0.6, 0.3, 0.1], { mode: 'noise', sigma: 0 }, a), [0.6, 0.3, 0.1], 14);
    for (let i = 0; i < 3; i++) b.normal();
    expect(a.next()).toBe(b.next());
  });

  it('is deterministic for a seed', () => {
    const p = [0.4, 0.35, 0.25];
    expect(serve(p, { mode: 'noise', sigma: 0.3 }, createRng(9))).toEqual(
      serve(p, { mode: 'noise', sigma: 0.3 }, createRng(9)),
    );
  });

  it('more sigma never lowers the mean L1 distortion (averages over 2,000 vectors)', () => {
    const sigmas = [0, 0.05, 0.1, 0.2, 0.5, 1, 2];
    const source = createRng(100);
    const vectors = Array.from({ length: 2000 }, () => {
      const rng = source;
      const w = [rng.next(), rng.next(), rng.next()];
      const s = w[0]! + w[1]! + w[2]!;
      return w.map((v) => v / s);
    });
    const means = sigmas.map((sigma) => {
      const rng = createRng(42);
      let total = 0;
      for (const p of vectors) total += l1Distance(p, serve(p, { mode: 'noise', sigma }, rng));
      return total / vectors.length;
    });
    expect(means[0]).toBeLessThan(1e-12);
    for (let i = 1; i < means.length; i++) expect(means[i]!).toBeGreaterThan(means[i - 1]!);
  });
});

describe('rounding distortion', () => {
  it('fewer decimals never lower the distortion (coarser grids are subsets of finer ones)', () => {
    fc.assert(
      fc.property(probabilityVector, (p) => {
        const distortion = (decimals: number): number =>
          l1Distance(p, serve(p, { mode: 'rounded', decimals }));
        for (let d = 0; d < 6; d++) {
          expect(distortion(d)).toBeGreaterThanOrEqual(distortion(d + 1) - 1e-12);
        }
      }),
    );
  });
});

describe('contract', () => {
  it('rejects an output vector of the wrong length', () => {
    expect(() =>
      perturbOutput(Float64Array.from([0.5, 0.5]), options({}), createRng(1), new Float64Array(3)),
    ).toThrow(/expected 2/);
  });
});
