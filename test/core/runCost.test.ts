import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyAssignments, defaultConfig, type Config } from '../../src/core/config';
import {
  estimateRunMs,
  mlpWeights,
  runWork,
  WORK_TERMS,
  type CostCoefficients,
} from '../../src/core/runCost';

function configOf(assignments: string[]): Config {
  const { config, issues } = applyAssignments(defaultConfig(), assignments);
  expect(issues).toEqual([]);
  return config;
}

/** Coefficients that pick one work count. */
const only = (term: (typeof WORK_TERMS)[number]): CostCoefficients =>
  Object.fromEntries(WORK_TERMS.map((t) => [t, t === term ? 1 : 0])) as CostCoefficients;

describe('mlpWeights', () => {
  it('counts weights and biases layer by layer (2 inputs)', () => {
    expect(mlpWeights([], 2)).toBe(3 * 2); // logistic regression: (2 + 1) x 2
    expect(mlpWeights([16, 16], 2)).toBe(3 * 16 + 17 * 16 + 17 * 2); // 354
    expect(mlpWeights([32, 32, 32], 3)).toBe(3 * 32 + 33 * 32 + 33 * 32 + 33 * 3);
  });
});

describe('runWork', () => {
  it('gives the default run its hand-computed training counts', () => {
    const work = runWork(defaultConfig());
    // 800 points x 100 epochs x 354 weights (ReLU 16x16 victim on moons)
    expect(work.victimTrain).toBe(800 * 100 * 354);
    // (1,000 answers x 25 epochs + 10 fits x 30 steps x 32) sample-steps x 354 weights
    expect(work.studentTrain).toBe((1000 * 25 + 10 * 30 * 32) * 354);
    expect(work.detection).toBe(0);
    expect(runWork(defaultConfig(), true).victimTrain).toBe(0);
  });

  it('charges detection about n^2 per account, capped for honest accounts', () => {
    const work = runWork(configOf(['defense.detection.on=true', 'attack.accounts=4']));
    const benignPerAccount = Math.min(
      5000,
      40 * 7 * (1 + 0.5625 / 2 + 0.5625 ** 2 / 8 + 0.5625 ** 3 / 48),
    );
    expect(work.detection).toBeCloseTo(4 * 250 * 250 + 32 * benignPerAccount ** 2, 6);
  });

  it('grows with every size setting (monotone)', () => {
    const sizes: [string, number, number][] = [
      ['scenario.trainSize', 50, 5000],
      ['scenario.testSize', 100, 10000],
      ['victim.epochs', 5, 500],
      ['attack.queries', 10, 10000],
      ['attack.student.epochs', 5, 500],
      ['benign.accounts', 1, 10000],
      ['benign.days', 1, 365],
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: sizes.length - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (which, a, b) => {
          const [path, min, max] = sizes[which]!;
          const [lo, hi] = [Math.min(a, b), Math.max(a, b)].map((u) =>
            Math.round(min + u * (max - min)),
          );
          const small = estimateRunMs(configOf([`${path}=${lo}`]));
          const large = estimateRunMs(configOf([`${path}=${hi}`]));
          return large >= small;
        },
      ),
    );
  });
});

describe('estimateRunMs', () => {
  it('is the dot product of the coefficients and the work counts', () => {
    const config = configOf(['attack.strategy=active', 'defense.detection.on=true']);
    const work = runWork(config);
    for (const term of WORK_TERMS)
      expect(estimateRunMs(config, { coefficients: only(term) })).toBe(work[term]);
  });

  it('puts the largest run in minutes and the default run under half a second', () => {
    const largest = configOf([
      'scenario.trainSize=5000',
      'victim.hidden=32x32x32',
      'victim.epochs=500',
      'attack.queries=10000',
      'attack.student.hidden=32x32x32',
      'attack.student.epochs=500',
    ]);
    expect(estimateRunMs(largest)).toBeGreaterThan(30_000);
    expect(estimateRunMs(defaultConfig())).toBeLessThan(500);
    expect(estimateRunMs(defaultConfig(), { victimCached: true })).toBeLessThan(
      estimateRunMs(defaultConfig()),
    );
  });
});
