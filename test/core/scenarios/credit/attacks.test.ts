/**
 * The credit attacks against the "Done when": equation solving exact from d + 1 queries,
 * rounded scores not exact but improving with queries, line search to fidelity >= 0.99 with a
 * cost that grows with d and log(1/precision), explanations exact from one query; the fallbacks
 * for an MLP victim and for answers that carry no equation.
 */
import { describe, expect, it } from 'vitest';
import { run } from './helpers';
import { defaultConfig, setPath, type Config } from '../../../../src/core/config';
import { createVictimCache, simulate } from '../../../../src/core/simulate';

const cache = createVictimCache();
/** A whole credit run of the kind (registered attacks, shared API and session). */
const simulateCredit = (values: Record<string, unknown>) =>
  simulate(
    Object.entries({ 'scenario.kind': 'credit', ...values }).reduce(
      (c: Config, [path, value]) => setPath(c, path, value),
      defaultConfig(),
    ),
    { victimCache: cache },
  );

describe('equationSolving', () => {
  it.each([2, 8, 20])('recovers w and b to 1e-9 from d + 1 exact scores (d = %i)', (features) => {
    const result = run({ features, strategy: 'equationSolving', queries: features + 1 });
    expect(result.queriesAnswered).toBe(features + 1);
    expect(result.outcome.method).toBe('exact');
    expect(result.weightError).toBeLessThan(1e-9);
    expect(result.fidelity).toBe(1);
    expect(result.scoreError).toBeLessThan(1e-12);
  });

  it('with budget to spare, spends one query to check the solution and stops', () => {
    const result = run({ strategy: 'equationSolving', queries: 100 });
    expect(result.queriesAnswered).toBe(10);
    expect(result.outcome.residual).toBeLessThan(1e-9);
  });

  it('rounded scores break exactness, and the error falls as queries are added', () => {
    const seeds = [1, 2, 3];
    const meanError = (queries: number) =>
      seeds
        .map((seed) =>
          run({
            seed,
            strategy: 'equationSolving',
            queries,
            output: { mode: 'rounded', decimals: 2 },
          }),
        )
        .reduce((sum, r) => sum + r.weightError! / seeds.length, 0);
    const errors = [20, 80, 320, 1280].map(meanError);
    expect(errors[0]).toBeGreaterThan(1e-4);
    for (let i = 1; i < errors.length; i++) expect(errors[i]).toBeLessThan(errors[i - 1]!);
    expect(errors[3]).toBeLessThan(errors[0]! / 4);
    const last = run({
      strategy: 'equationSolving',
      queries: 1280,
      output: { mode: 'rounded', decimals: 2 },
    });
    expect(last.outcome.method).toBe('leastSquares');
    expect(last.queriesAnswered).toBe(1280);
  });

  it('label-only answers give no equations: falls back to a student, says why', () => {
    const result = run({ strategy: 'equationSolving', queries: 200, output: { mode: 'label' } });
    expect(result.outcome.method).toBe('student');
    expect(result.outcome.fallback).toMatch(/inequalities, not equations/);
    expect(result.queriesAnswered).toBe(200);
  });

  it('an MLP victim: reports that the system has no exact solution and trains an MLP student', () => {
    const result = run({
      strategy: 'equationSolving',
      queries: 200,
      victim: { model: 'mlp', hidden: [16], epochs: 20 },
    });
    expect(result.outcome.method).toBe('student');
    expect(result.outcome.fallback).toMatch(/not logistic/);
    expect(result.outcome.residual).toBeGreaterThan(1e-3);
    expect(result.weightError).toBeNull();
    expect(result.queriesAnswered).toBe(200);
    expect(result.fidelity).toBeGreaterThan(0.85);
  });

  it('an MLP victim with rounded scores fails the misfit test too', () => {
    const result = run({
      strategy: 'equationSolving',
      queries: 300,
      output: { mode: 'rounded', decimals: 2 },
      victim: { model: 'mlp', hidden: [16], epochs: 20 },
    });
    expect(result.outcome.fallback).toMatch(/no common solution/);
  });
});

describe('lineSearch', () => {
  it('reaches fidelity >= 0.99 from labels only, w up to scale', () => {
    const result = run({ strategy: 'lineSearch', queries: 1000, output: { mode: 'label' } });
    expect(result.outcome.method).toBe('lineSearch');
    expect(result.outcome.upToScale).toBe(true);
    expect(result.fidelity).toBeGreaterThanOrEqual(0.99);
    expect(result.weightError).toBeLessThan(0.05);
  });

  it('costs more queries with more features and with a finer precision', () => {
    const cost = (features: number, precision: number) =>
      run({
        features,
        strategy: 'lineSearch',
        queries: 10000,
        output: { mode: 'label' },
        attack: { precision },
      }).queriesAnswered;
    const byFeatures = [4, 8, 16].map((d) => cost(d, 1e-3));
    expect(byFeatures[1]).toBeGreaterThan(byFeatures[0]!);
    expect(byFeatures[2]).toBeGreaterThan(byFeatures[1]!);
    const byPrecision = [1e-1, 1e-3, 1e-5].map((p) => cost(8, p));
    // Each of the d + 1 bisections takes log2(100) ~ 6.6 more steps per factor 100.
    for (const i of [1, 2]) {
      const extra = byPrecision[i]! - byPrecision[i - 1]!;
      expect(extra).toBeGreaterThanOrEqual(9 * 6 - 3);
      expect(extra).toBeLessThanOrEqual(9 * 7 + 3);
    }
  });

  it('out of budget: trains a student on the labels gathered and says so', () => {
    const result = run({ strategy: 'lineSearch', queries: 30, output: { mode: 'label' } });
    expect(result.outcome.method).toBe('student');
    expect(result.outcome.fallback).toMatch(/budget ran out/);
    expect(result.queriesAnswered).toBe(30);
  });
});

describe('explanations', () => {
  it('recover a logistic victim from one query', () => {
    const result = run({ strategy: 'explanations', queries: 1, explanations: true });
    expect(result.queriesAnswered).toBe(1);
    expect(result.outcome.method).toBe('gradient');
    expect(result.weightError).toBeLessThan(1e-9);
    expect(result.fidelity).toBe(1);
  });

  it('with labels only: w from the explanation, b by bisection along w', () => {
    const result = run({
      strategy: 'explanations',
      queries: 100,
      explanations: true,
      output: { mode: 'label' },
    });
    expect(result.queriesAnswered).toBeLessThan(30);
    expect(result.fidelity).toBeGreaterThanOrEqual(0.99);
    expect(result.weightError).toBeLessThan(0.01);
  });

  it('without explanations from the API: falls back to a student', () => {
    const result = run({ strategy: 'explanations', queries: 50, explanations: false });
    expect(result.outcome.fallback).toMatch(/no explanations/);
    expect(result.queriesAnswered).toBe(50);
  });

  it('an MLP victim: the explanations change between queries, so it trains an MLP student', () => {
    const result = run({
      strategy: 'explanations',
      queries: 60,
      explanations: true,
      victim: { model: 'mlp', hidden: [16], epochs: 20 },
    });
    expect(result.outcome.fallback).toMatch(/not linear/);
    expect(result.weightError).toBeNull();
    expect(result.queriesAnswered).toBe(60);
  });

  it('an MLP victim: answers with explanations copy it better than answers alone', () => {
    // Taylor-augmented student vs the same MLP student on natural queries, 100 queries each:
    // without explanations the attack spends its budget on the attacker's own applicants and
    // trains on the answers (types.ts spendAndTrain), which is exactly the natural attack.
    const mlp = { model: 'mlp' as const, hidden: [16], epochs: 30 };
    const mean = (explanations: boolean) =>
      [1, 2, 3]
        .map((seed) =>
          run({
            seed,
            strategy: 'explanations',
            queries: 100,
            explanations,
            victim: mlp,
            attack: { student: 'mlp' },
          }),
        )
        .reduce((sum, r) => sum + r.fidelity / 3, 0);
    expect(mean(true)).toBeGreaterThan(mean(false) + 0.01);
  });
});

describe('random and natural (the registered attacks, through simulate)', () => {
  it.each(['random', 'natural'] as const)(
    '%s spends the budget and trains the student',
    (strategy) => {
      const logistic = simulateCredit({
        'attack.strategy': strategy,
        'attack.queries': 300,
        'defense.output.mode': 'label',
      });
      expect(logistic.attacker.queriesAnswered).toBe(300);
      expect(logistic.credit!.stolen).not.toBeNull();
      expect(logistic.student.fidelity).toBeGreaterThan(0.9);
      const mlp = simulateCredit({
        'attack.strategy': strategy,
        'attack.queries': 300,
        'attack.student.model': 'mlp',
      });
      expect(mlp.credit!.stolen).toBeNull();
      expect(mlp.student.weightError).toBeNull();
      expect(mlp.student.fidelity).toBeGreaterThan(0.9);
    },
  );
});

describe('determinism', () => {
  it('the same options give the same run, to the bit', () => {
    for (const strategy of ['equationSolving', 'lineSearch', 'explanations'] as const) {
      const patch = {
        strategy,
        queries: 150,
        output: { mode: 'noise' as const, sigma: 0.05 },
        explanations: true,
      };
      const a = run(patch);
      const b = run(patch);
      expect([a.fidelity, a.scoreError, a.weightError, a.queriesAnswered]).toEqual([
        b.fidelity,
        b.scoreError,
        b.weightError,
        b.queriesAnswered,
      ]);
    }
  });
});
