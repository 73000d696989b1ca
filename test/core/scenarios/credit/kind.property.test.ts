// Property tests of the registered credit kind over seeds, feature counts, strategies and answer
// formats: budgets and bookkeeping hold, the curve ends at the result, and with exact scores the
// solving attacks are exact for every d.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultConfig, setPath, type Config } from '../../../../src/core/config';
import { attacksFor } from '../../../../src/core/registry/meta';
import { simulate } from '../../../../src/core/simulate';
import { summarizeResult } from '../../../../src/core/summary';

const set = (config: Config, values: Record<string, unknown>): Config =>
  Object.entries(values).reduce((c, [path, value]) => setPath(c, path, value), config);

const arbitraryRun = fc.record({
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  features: fc.integer({ min: 2, max: 20 }),
  strategy: fc.constantFrom(...attacksFor('credit').map((a) => a.id)),
  mode: fc.constantFrom('probabilities', 'rounded', 'label', 'noise'),
  explanations: fc.boolean(),
  queries: fc.integer({ min: 10, max: 250 }),
});

describe('credit runs over seeds, feature counts, strategies and answer formats', () => {
  it('keep the budget and the books, and end the curve at the result', () => {
    fc.assert(
      fc.property(arbitraryRun, (r) => {
        const config = set(defaultConfig(), {
          'scenario.kind': 'credit',
          seed: r.seed,
          'scenario.features': r.features,
          'attack.strategy': r.strategy,
          'defense.output.mode': r.mode,
          'defense.output.explanations': r.explanations,
          'attack.queries': r.queries,
        });
        const result = simulate(config);
        const { attacker, student } = result;
        expect(attacker.queriesAsked).toBeLessThanOrEqual(r.queries);
        expect(attacker.queriesAnswered + attacker.queriesDenied).toBe(attacker.queriesAsked);
        expect(result.credit!.unknowns).toBe(r.features + 1);
        expect(result.credit!.features).toHaveLength(r.features);
        expect(result.curve[result.curve.length - 1]!.queries).toBe(attacker.queriesAsked);
        expect(result.curve[result.curve.length - 1]!.fidelity).toBe(student.fidelity);
        expect(student.fidelity).toBeGreaterThanOrEqual(0);
        expect(student.fidelity).toBeLessThanOrEqual(1);
        expect(student.scoreError).toBeGreaterThanOrEqual(0);
        const json = JSON.stringify(summarizeResult(result, { maps: true }));
        expect(json).not.toMatch(/NaN|Infinity/);
        if (
          r.mode === 'probabilities' &&
          r.strategy === 'equationSolving' &&
          r.queries >= r.features + 2
        ) {
          expect(result.credit!.method).toBe('exact');
          expect(attacker.queriesAnswered).toBe(r.features + 2);
          expect(student.weightError!).toBeLessThan(1e-9);
        }
        if (r.mode === 'probabilities' && r.strategy === 'explanations' && r.explanations) {
          expect(result.credit!.method).toBe('gradient');
          expect(attacker.queriesAnswered).toBe(2);
          expect(student.weightError!).toBeLessThan(1e-9);
        }
      }),
      { numRuns: 30, seed: 20261130 },
    );
  }, 300_000);
});
