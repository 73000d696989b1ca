// Issue 11's closing table, found with whole runs of the credit kind's simulate().
import { describe, expect, it } from 'vitest';
import { createVictimCache, simulate } from '../../../../src/core/simulate';
import {
  BUDGET_GRID,
  MAX_BUDGET,
  MIN_BUDGET,
  creditTableBase,
  fidelityTable,
  formatFidelityTable,
  queriesForFidelity,
  summarizeCell,
  withSettings,
} from '../../../../src/core/scenarios/credit/table';

const cache = createVictimCache();
const config = (values: Record<string, unknown>) => withSettings(creditTableBase(), values);

describe('the table', () => {
  it('tries every budget from the field minimum to 40, then steps of at most 15 %', () => {
    expect(MIN_BUDGET).toBe(10);
    expect(BUDGET_GRID.slice(0, 31)).toEqual(Array.from({ length: 31 }, (_, i) => i + 10));
    for (let i = 31; i < BUDGET_GRID.length; i++) {
      expect(BUDGET_GRID[i]! / BUDGET_GRID[i - 1]!).toBeLessThanOrEqual(1.15 + 1 / 40);
      expect(BUDGET_GRID[i]!).toBeGreaterThan(BUDGET_GRID[i - 1]!);
    }
    expect(BUDGET_GRID[BUDGET_GRID.length - 1]).toBe(MAX_BUDGET);
  });

  it('equation solving on exact scores needs d + 1 answers and a check; explanations one and a check', () => {
    const exact = queriesForFidelity(config({ 'attack.strategy': 'equationSolving' }), 1, cache);
    expect(exact).toMatchObject({ queries: 10, fidelity: 1, runs: 1 });
    const explained = queriesForFidelity(
      config({ 'attack.strategy': 'explanations', 'defense.output.explanations': true }),
      0.99,
      cache,
    );
    expect(explained.queries).toBe(2);
  });

  it('a retraining attack: the budget found reaches the target, the grid step below does not', () => {
    const label = config({ 'attack.strategy': 'random', 'defense.output.mode': 'label' });
    const needed = queriesForFidelity(label, 0.99, cache);
    expect(needed.queries).not.toBeNull();
    const index = BUDGET_GRID.indexOf(needed.queries!);
    expect(index).toBeGreaterThan(0);
    const fidelityAt = (budget: number) =>
      simulate(withSettings(label, { 'attack.queries': budget }), { victimCache: cache }).student
        .fidelity;
    expect(fidelityAt(needed.queries!)).toBe(needed.fidelity);
    expect(needed.fidelity).toBeGreaterThanOrEqual(0.99);
    expect(fidelityAt(BUDGET_GRID[index - 1]!)).toBeLessThan(0.99);
    // bisection: far fewer runs than the grid has budgets
    expect(needed.runs).toBeLessThan(12);
  });

  it('line search on labels: its own precision sets the cost', () => {
    const needed = queriesForFidelity(
      config({ 'attack.strategy': 'lineSearch', 'defense.output.mode': 'label' }),
      0.99,
      cache,
    );
    expect(needed.fidelity).toBeGreaterThanOrEqual(0.99);
    expect(needed.queries).toBeLessThan(500);
  });

  it('a table of two cells over two seeds, one per seed', () => {
    const cells = fidelityTable({
      base: creditTableBase(),
      seeds: [1, 2],
      target: 0.99,
      strategies: ['explanations'],
    });
    expect(cells.map((c) => c.mode)).toEqual([
      'probabilities',
      'rounded (2 decimals)',
      'label only',
      'noise (sigma 0.05)',
    ]);
    for (const cell of cells) expect(cell.queries).toHaveLength(2);
    expect(cells[0]!.queries).toEqual([2, 2]);
  });

  it('summarises seeds as median (min-max), a miss as above the largest budget', () => {
    expect(summarizeCell([9, 9, 9])).toBe('9');
    expect(summarizeCell([12, 9, 30, 11, 14])).toBe('12 (9-30)');
    expect(summarizeCell([null, 5, 7])).toBe(`7 (5->${MAX_BUDGET})`);
    const table = formatFidelityTable([
      { strategy: 'random', mode: 'probabilities', queries: [10, 11] },
      { strategy: 'random', mode: 'label only', queries: [500, 600] },
    ]);
    expect(table.split('\n')[2]).toBe('| random | 10 (10-11) |  | 500 (500-600) |  |');
  });
});
