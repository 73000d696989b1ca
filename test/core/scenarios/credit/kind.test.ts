// The credit kind through the registry (simulate with scenario.kind = credit): issue 11's "Done
// when" tests on the shared prediction API and session, the result's credit parts, and the
// explanations channel of the API.
import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig, setPath, type Config } from '../../../../src/core/config';
import { ATTACKS, attacksFor, outputModesFor } from '../../../../src/core/registry/meta';
import { createVictimCache, simulate } from '../../../../src/core/simulate';
import { summarizeResult } from '../../../../src/core/summary';
import { PredictionApi } from '../../../../src/core/api';
import { LogisticRegression } from '../../../../src/core/scenarios/credit/logistic';
import { QUERY_STATUS } from '../../../../src/core/types';

const cache = createVictimCache();
const set = (config: Config, values: Record<string, unknown>): Config =>
  Object.entries(values).reduce((c, [path, value]) => setPath(c, path, value), config);
const credit = (values: Record<string, unknown> = {}): Config =>
  set(defaultConfig(), { 'scenario.kind': 'credit', ...values });
const run = (values: Record<string, unknown>) => simulate(credit(values), { victimCache: cache });

describe('the credit kind in the registry', () => {
  it('offers its attacks, the retraining ones and every answer format; not the 2-D-only attacks', () => {
    expect(attacksFor('credit').map((a) => a.id)).toEqual([
      'random',
      'natural',
      'equationSolving',
      'lineSearch',
      'explanations',
    ]);
    expect(attacksFor('planar').map((a) => a.id)).not.toContain('equationSolving');
    // every answer format but those built on 2-D models of the owner's (misinformation, MAD)
    expect(outputModesFor('credit').map((m) => m.id)).toEqual(
      outputModesFor('planar')
        .map((m) => m.id)
        .filter((id) => id !== 'misinformation' && id !== 'mad'),
    );
    const parsed = parseConfig(credit({ 'attack.strategy': 'jacobian' }));
    expect(parsed.issues.map((i) => i.field)).toEqual(['attack.strategy']);
    // replaced by the credit kind's own default strategy
    expect(parsed.config.attack.strategy).toBe('equationSolving');
    for (const attack of ATTACKS.filter((a) => a.kinds.includes('credit')))
      expect(parseConfig(credit({ 'attack.strategy': attack.id })).issues).toEqual([]);
  });

  it('a run reports the credit measures and parts, and the curve ends at the result', () => {
    const result = run({ 'attack.strategy': 'equationSolving' });
    expect(result.kind).toBe('credit');
    expect(result.classes).toBe(2);
    expect(result.maps).toBeUndefined();
    const parts = result.credit!;
    expect(parts.features.map((f) => f.key).slice(0, 3)).toEqual([
      'income',
      'debtToIncome',
      'yearsEmployed',
    ]);
    expect(parts.unknowns).toBe(9);
    expect(parts.method).toBe('exact');
    expect(parts.victim!.weights).toHaveLength(8);
    const last = result.curve[result.curve.length - 1]!;
    expect(last.queries).toBe(result.attacker.queriesAsked);
    expect(last.fidelity).toBe(result.student.fidelity);
    expect(result.victim.accuracy).toBeGreaterThan(0.85);
    const summary = summarizeResult(result) as Record<string, unknown>;
    expect(summary.student).toMatchObject({
      weightError: expect.any(Number),
      scoreError: expect.any(Number),
    });
    expect(summary.credit).toMatchObject({ method: 'exact', unknowns: 9 });
    expect(summary.credit).not.toHaveProperty('slice');
    const full = summarizeResult(result, { maps: true }) as Record<string, unknown>;
    expect(full.credit).toHaveProperty('slice');
    expect(full.credit).toHaveProperty('models.victim.linear.weights');
    // the result's arrays are copies: transferring them never detaches the cached victim's
    expect(result.credit!.models.victim!.linear!.weights).not.toBe(parts.victim!.weights);
    const again = run({ 'attack.strategy': 'equationSolving' });
    expect(Array.from(again.credit!.victim!.weights)).toEqual(Array.from(parts.victim!.weights));
  });

  it.each([2, 8, 20])(
    'equation solving recovers a logistic lender to 1e-9 from d + 1 queries (and one check), d = %i',
    (d) => {
      const result = run({ 'attack.strategy': 'equationSolving', 'scenario.features': d });
      expect(result.credit!.method).toBe('exact');
      expect(result.student.weightError!).toBeLessThan(1e-9);
      expect(result.attacker.queriesAnswered).toBe(d + 2);
      expect(result.student.fidelity).toBe(1);
    },
  );

  it('rounded scores break exactness, and the weight error falls as queries are added', () => {
    const budgets = [20, 50, 200, 1000];
    const errors = [1, 2, 3, 4].map((seed) =>
      budgets.map((queries) => {
        const result = run({
          seed,
          'attack.strategy': 'equationSolving',
          'defense.output.mode': 'rounded',
          'defense.output.decimals': 2,
          'attack.queries': queries,
        });
        expect(result.credit!.method).toBe('leastSquares');
        expect(result.attacker.queriesAnswered).toBe(queries);
        return result.student.weightError!;
      }),
    );
    for (const perSeed of errors) {
      expect(Math.min(...perSeed)).toBeGreaterThan(1e-9);
      expect(perSeed[3]!).toBeLessThan(perSeed[0]!);
    }
    const means = budgets.map((_, b) => errors.reduce((sum, e) => sum + e[b]!, 0) / errors.length);
    for (let b = 1; b < budgets.length; b++) expect(means[b]!).toBeLessThan(means[b - 1]!);
  });

  it('line search on labels only reaches fidelity >= 0.99, w up to scale', () => {
    for (const seed of [1, 2, 3]) {
      const result = run({
        seed,
        'attack.strategy': 'lineSearch',
        'defense.output.mode': 'label',
      });
      expect(result.credit!.method).toBe('lineSearch');
      expect(result.credit!.upToScale).toBe(true);
      expect(result.student.fidelity).toBeGreaterThanOrEqual(0.99);
      expect(result.attacker.queriesAnswered).toBeLessThan(200);
    }
  });

  it('explanations recover a logistic lender from one query (a second only checks it)', () => {
    const result = run({ 'attack.strategy': 'explanations', 'defense.output.explanations': true });
    expect(result.credit!.method).toBe('gradient');
    expect(result.credit!.explanations).toBe(true);
    expect(result.student.weightError!).toBeLessThan(1e-9);
    expect(result.attacker.queriesAnswered).toBe(2);
    const without = run({ 'attack.strategy': 'explanations', 'attack.queries': 50 });
    expect(without.credit!.method).toBe('student');
    expect(without.credit!.fallback).toMatch(/no explanations/);
  });

  it('an MLP lender: no weight error, equation solving reports the inconsistent system', () => {
    const result = run({ 'attack.strategy': 'equationSolving', 'victim.model': 'mlp' });
    expect(result.student.weightError).toBeNull();
    expect(result.credit!.victim).toBeNull();
    expect(result.credit!.fallback).toMatch(/not logistic/);
    expect(result.student.fidelity).toBeGreaterThan(0.9);
  });

  it('the shared gate applies to credit attacks: a rate limit refuses past its cap', () => {
    const result = run({
      'attack.strategy': 'random',
      'attack.queries': 300,
      'defense.rateLimit.on': true,
      'defense.rateLimit.perDay': 100,
      'defense.output.explanations': true,
    });
    expect(result.attacker.queriesAnswered).toBe(100);
    expect(result.attacker.queriesDenied).toBe(200);
    const status = Array.from(result.queries.status);
    expect(status.filter((s) => s === QUERY_STATUS.rateLimited)).toHaveLength(200);
    expect(result.attacker.answerCap).toBe(100);
  });

  it('is deterministic and the cache changes nothing', () => {
    const config = credit({ 'attack.strategy': 'lineSearch', 'defense.output.mode': 'noise' });
    const a = JSON.stringify(summarizeResult(simulate(config), { maps: true, queries: true }));
    const b = JSON.stringify(
      summarizeResult(simulate(config, { victimCache: cache }), { maps: true, queries: true }),
    );
    expect(a).toBe(b);
  });

  it('the API serves attributions beside an answered query only, and answers alone without an explainer', () => {
    const victim = new LogisticRegression(Float64Array.from([0.5, -2]), 0.25);
    const refuseAccount1 = {
      id: 'test',
      stage: { gate: (account: number) => (account === 1 ? QUERY_STATUS.rateLimited : null) },
    };
    const api = new PredictionApi(victim, [refuseAccount1], victim);
    expect(api.explains).toBe(true);
    const inputs = Float64Array.from([1, 2, 3, 4]);
    const served = new Float64Array(4);
    const explanations = new Float64Array(4).fill(NaN);
    expect(api.query(0, 0, inputs, 0, served, 0, undefined, explanations)).toBe(
      QUERY_STATUS.answered,
    );
    expect(api.query(1, 0, inputs, 1, served, 1, undefined, explanations)).toBe(
      QUERY_STATUS.rateLimited,
    );
    expect(Array.from(explanations.subarray(0, 2))).toEqual([0.5, -2]);
    expect(Number.isNaN(explanations[2]!)).toBe(true); // refused: nothing written
    const plain = new PredictionApi(victim, []);
    expect(plain.explains).toBe(false);
    const untouched = new Float64Array(2).fill(7);
    plain.query(0, 0, inputs, 0, served, 0, undefined, untouched);
    expect(Array.from(untouched)).toEqual([7, 7]);
  });
});
