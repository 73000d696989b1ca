import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core/rng';
import {
  FEATURES,
  MAX_FEATURES,
  MIN_FEATURES,
  creditFeatures,
} from '../../../../src/core/scenarios/credit/features';
import {
  buildCreditPopulation,
  drawApplicants,
  fitStandardizer,
  labelApplicants,
  realValue,
  standardize,
  toReal,
} from '../../../../src/core/scenarios/credit/population';

/** Pearson correlation of columns i and j of row-major data. */
function correlation(
  data: Float64Array,
  count: number,
  dims: number,
  i: number,
  j: number,
): number {
  let mi = 0;
  let mj = 0;
  for (let k = 0; k < count; k++) {
    mi += data[k * dims + i]!;
    mj += data[k * dims + j]!;
  }
  mi /= count;
  mj /= count;
  let sij = 0;
  let sii = 0;
  let sjj = 0;
  for (let k = 0; k < count; k++) {
    const a = data[k * dims + i]! - mi;
    const b = data[k * dims + j]! - mj;
    sij += a * b;
    sii += a * a;
    sjj += b * b;
  }
  return sij / Math.sqrt(sii * sjj);
}

const column = (key: string) => FEATURES.findIndex((f) => f.key === key);

describe('the feature table', () => {
  it('names twenty features, the issue eight first, each with a valid two-factor loading', () => {
    expect(FEATURES).toHaveLength(20);
    expect(FEATURES.slice(0, 8).map((f) => f.key)).toEqual([
      'income',
      'debtToIncome',
      'yearsEmployed',
      'latePayments',
      'openCreditLines',
      'oldestAccountYears',
      'recentInquiries',
      'loanAmount',
    ]);
    expect(new Set(FEATURES.map((f) => f.key)).size).toBe(20);
    for (const f of FEATURES) {
      expect(f.stability * f.stability + f.stress * f.stress).toBeLessThan(1);
      expect(f.min).toBeLessThan(f.max);
      expect(f.step).toBeGreaterThan(0);
    }
  });

  it('accepts 2 to 20 features and names the field and range otherwise', () => {
    expect(creditFeatures(MIN_FEATURES)).toHaveLength(2);
    expect(creditFeatures(MAX_FEATURES)).toHaveLength(20);
    for (const bad of [1, 21, 2.5, NaN]) {
      expect(() => creditFeatures(bad)).toThrow(/scenario\.features.*2 to 20/);
    }
  });

  it('maps latent values to rounded, clamped real values', () => {
    const income = FEATURES[0]!; // log-normal, median 38 k€, log-sd 0.5, step 1
    expect(realValue(income, 0)).toBe(38);
    expect(realValue(income, 1)).toBe(Math.round(38 * Math.exp(0.5)));
    expect(realValue(income, 100)).toBe(income.max);
    const late = FEATURES[column('latePayments')]!; // 0.2 + 1.5 z, step 1, min 0
    expect(realValue(late, -3)).toBe(0);
    expect(realValue(late, 1)).toBe(2); // 1.7 rounds to 2
  });
});

describe('drawApplicants', () => {
  it('is deterministic and the same people for every feature count (prefix property)', () => {
    const wide = drawApplicants(20, 50, createRng(9));
    const narrow = drawApplicants(5, 50, createRng(9));
    expect(drawApplicants(5, 50, createRng(9)).real).toEqual(narrow.real);
    for (let k = 0; k < 50; k++) {
      for (let i = 0; i < 5; i++) expect(narrow.real[k * 5 + i]).toBe(wide.real[k * 20 + i]);
    }
  });

  it('stays within each feature range, on its rounding step', () => {
    const people = drawApplicants(20, 2000, createRng(3));
    const outside: string[] = [];
    for (let k = 0; k < people.count; k++) {
      FEATURES.forEach((f, i) => {
        const v = people.real[k * 20 + i]!;
        const steps = v / f.step;
        if (!(v >= f.min && v <= f.max) || Math.abs(steps - Math.round(steps)) > 1e-6) {
          outside.push(`${f.key}=${v}`);
        }
      });
    }
    expect(outside).toEqual([]);
  });

  it('has the correlations the two factors imply (signs, and size on a linear pair)', () => {
    const n = 20000;
    const people = drawApplicants(20, n, createRng(4));
    const c = (a: string, b: string) => correlation(people.real, n, 20, column(a), column(b));
    expect(c('yearsEmployed', 'oldestAccountYears')).toBeGreaterThan(0.3);
    expect(c('debtToIncome', 'creditUtilisation')).toBeGreaterThan(0.25);
    expect(c('income', 'debtToIncome')).toBeLessThan(-0.1);
    // Both linear and rarely clamped: corr ~ a_i a_j + b_i b_j = 0.6*0.7 + (-0.1)*0 = 0.42.
    expect(c('age', 'oldestAccountYears')).toBeCloseTo(0.42, 1);
  });

  it('labels by the hidden rule: with no noise, approve exactly where the score is positive', () => {
    const people = drawApplicants(8, 500, createRng(5));
    const labels = labelApplicants(people, 0, createRng(6));
    for (let k = 0; k < 500; k++) expect(labels[k]).toBe(people.truthScore[k]! > 0 ? 1 : 0);
    const noisy = labelApplicants(people, 0.5, createRng(6));
    let flips = 0;
    for (let k = 0; k < 500; k++) flips += labels[k] !== noisy[k] ? 1 : 0;
    expect(flips).toBeGreaterThan(10);
    expect(flips).toBeLessThan(150);
  });
});

describe('standardisation', () => {
  it('gives the training set mean 0 and sd 1 per feature, and toReal inverts it', () => {
    const people = drawApplicants(8, 1000, createRng(7));
    const scaler = fitStandardizer(people.real, 1000, 8);
    const x = standardize(scaler, people.real);
    for (let i = 0; i < 8; i++) {
      let mean = 0;
      let square = 0;
      for (let k = 0; k < 1000; k++) mean += x[k * 8 + i]! / 1000;
      for (let k = 0; k < 1000; k++) square += (x[k * 8 + i]! - mean) ** 2 / 1000;
      expect(Math.abs(mean)).toBeLessThan(1e-12);
      expect(square).toBeCloseTo(1, 12);
    }
    const back = toReal(scaler, x);
    let worst = 0;
    for (let j = 0; j < back.length; j++)
      worst = Math.max(worst, Math.abs(back[j]! - people.real[j]!));
    expect(worst).toBeLessThan(1e-9);
  });

  it('uses sd 1 for a constant feature instead of dividing by 0', () => {
    const scaler = fitStandardizer(Float64Array.of(3, 1, 3, 2), 2, 2);
    expect(Array.from(scaler.sd)).toEqual([1, 0.5]);
  });
});

describe('buildCreditPopulation', () => {
  it('property: any seed and feature count gives labelled, standardised sets and a valid box', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: MIN_FEATURES, max: MAX_FEATURES }),
        (seed, features) => {
          const options = { features, trainSize: 300, testSize: 200, noise: 0.5 };
          const population = buildCreditPopulation(options, createRng(seed));
          expect(population.dims).toBe(features);
          expect(population.train.inputs).toHaveLength(300 * features);
          expect(population.test.count).toBe(200);
          let approved = 0;
          for (const label of population.train.labels) approved += label;
          // The rule approves roughly half (intercept 0.3); never everyone or no one.
          expect(approved).toBeGreaterThan(60);
          expect(approved).toBeLessThan(260);
          for (let i = 0; i < features; i++) {
            expect(population.box.min[i]!).toBeLessThan(0);
            expect(population.box.max[i]!).toBeGreaterThan(0);
            expect(population.box.max[i]! - population.box.min[i]!).toBeLessThanOrEqual(6 + 1e-9);
          }
          const again = buildCreditPopulation(options, createRng(seed));
          expect(again.test.inputs).toEqual(population.test.inputs);
        },
      ),
      { numRuns: 25 },
    );
  });
});
