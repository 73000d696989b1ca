/**
 * Property tests of the credit attacks over random seeds and feature counts 2..20 (small
 * populations: 400 lender applicants, 500 held out).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CREDIT_STRATEGIES } from '../../../../src/core/scenarios/credit/attacks';
import { run } from './helpers';

const seeds = fc.integer({ min: 0, max: 1e6 });
const featureCounts = fc.integer({ min: 2, max: 20 });
const small = { trainSize: 400, testSize: 500 };

describe('credit attacks, any seed and feature count', () => {
  it('equation solving with exact scores: d + 1 queries, weights to 1e-9', () => {
    fc.assert(
      fc.property(seeds, featureCounts, (seed, features) => {
        const result = run({
          ...small,
          seed,
          features,
          strategy: 'equationSolving',
          queries: features + 1,
        });
        expect(result.queriesAnswered).toBe(features + 1);
        expect(result.weightError).toBeLessThan(1e-9);
        expect(result.fidelity).toBe(1);
      }),
      { numRuns: 20 },
    );
  });

  it('explanations with exact scores: one query, weights to 1e-9', () => {
    fc.assert(
      fc.property(seeds, featureCounts, (seed, features) => {
        const result = run({
          ...small,
          seed,
          features,
          strategy: 'explanations',
          queries: 1,
          explanations: true,
        });
        expect(result.queriesAnswered).toBe(1);
        expect(result.weightError).toBeLessThan(1e-9);
      }),
      { numRuns: 20 },
    );
  });

  it('line search on labels: fidelity >= 0.99 within (d + 1)(log2(range/precision) + 8) + seed queries', () => {
    fc.assert(
      fc.property(seeds, featureCounts, (seed, features) => {
        const result = run({
          ...small,
          seed,
          features,
          strategy: 'lineSearch',
          queries: 100000,
          output: { mode: 'label' },
        });
        expect(result.outcome.method).toBe('lineSearch');
        expect(result.fidelity).toBeGreaterThanOrEqual(0.99);
        // log2(range / 1e-3) ~ 10 for a range of 1 sd; the bracket doubling adds a few more.
        expect(result.queriesAnswered).toBeLessThan((features + 1) * 18 + 64);
      }),
      { numRuns: 15 },
    );
  });

  it('rounded scores: least squares is never exact but always close, for any d', () => {
    fc.assert(
      fc.property(seeds, featureCounts, (seed, features) => {
        const result = run({
          ...small,
          seed,
          features,
          strategy: 'equationSolving',
          queries: 20 * (features + 1),
          output: { mode: 'rounded', decimals: 2 },
        });
        expect(result.outcome.method).toBe('leastSquares');
        expect(result.weightError).toBeGreaterThan(1e-7);
        expect(result.weightError).toBeLessThan(0.2);
        expect(result.fidelity).toBeGreaterThanOrEqual(0.98);
      }),
      { numRuns: 15 },
    );
  });

  it('budgets are respected by every attack under every output mode', () => {
    const modes = ['probabilities', 'rounded', 'label', 'noise'] as const;
    fc.assert(
      fc.property(
        seeds,
        fc.integer({ min: 2, max: 10 }),
        fc.constantFrom(...CREDIT_STRATEGIES),
        fc.constantFrom(...modes),
        fc.integer({ min: 0, max: 80 }),
        fc.boolean(),
        (seed, features, strategy, mode, queries, explanations) => {
          const result = run({
            ...small,
            seed,
            features,
            strategy,
            queries,
            explanations,
            output: { mode },
          });
          expect(result.queriesAnswered).toBeLessThanOrEqual(queries);
          expect(result.fidelity >= 0 && result.fidelity <= 1).toBe(true);
          expect(result.scoreError >= 0 && result.scoreError <= 1).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });
});
