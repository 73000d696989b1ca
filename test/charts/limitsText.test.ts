/** The limits grid's words and table, on a hand-made 2 x 2 grid with one cell still missing. */
import { describe, expect, it } from 'vitest';
import { defaultConfig, setPath } from '../../src/core/config';
import type { LimitGridResult } from '../../src/core/limitGrid';
import { placedCells } from '../../src/charts/limits';
import {
  fidelityFloor,
  limitCellText,
  limitGridKey,
  limitTable,
} from '../../src/charts/limitsText';
import { formatUSD } from '../../src/charts/format';

const grid: LimitGridResult = {
  config: defaultConfig(),
  limits: [10, 200],
  accounts: [1, 10],
  cells: [
    { limit: 10, accounts: 1, fidelity: 0.734, costUSD: 0.01, queriesAnswered: 70 },
    { limit: 200, accounts: 1, fidelity: 0.95, costUSD: 0.2, queriesAnswered: 1000 },
    { limit: 10, accounts: 10, fidelity: 0.9, costUSD: 0.07, queriesAnswered: 700 },
    null,
  ],
  honestLimited: [0.25, null],
  noLimit: { fidelity: 0.96, costUSD: 0.2, queriesAnswered: 1000 },
};

describe('limits grid words', () => {
  const cells = placedCells(grid);

  it('names the cell, the copy, the bill and the honest share', () => {
    expect(limitCellText(cells[0], grid)).toBe(
      `10/day, 1 account: copy agrees 73.4%, 70 answers, attacker pays ${formatUSD(0.01)}; 25% of honest accounts hit this limit`,
    );
    // the honest share of a limit not measured yet is left out
    expect(limitCellText(cells[1], grid)).toBe(
      `200/day, 1 account: copy agrees 95.0%, 1,000 answers, attacker pays ${formatUSD(0.2)}`,
    );
    expect(limitCellText(undefined, grid)).toBe('no cell selected');
  });

  it('starts the colour scale at the lowest fidelity rounded down to a tenth', () => {
    expect(fidelityFloor(cells)).toBe(0.7);
    expect(fidelityFloor([])).toBe(0.9);
  });

  it('tables rows as drawn (most accounts first) with a dash for cells not computed', () => {
    const table = limitTable(grid, 'Limits');
    expect(table.columns).toEqual(['Accounts', '10/day', '200/day']);
    expect(table.rows).toEqual([
      ['10', `90.0% (${formatUSD(0.07)})`, '–'],
      ['1', `73.4% (${formatUSD(0.01)})`, `95.0% (${formatUSD(0.2)})`],
      ['Honest accounts that hit the limit', '25.0%', '–'],
    ]);
  });

  it("ignores the grid's own axes when deciding whether a grid is out of date", () => {
    const base = defaultConfig();
    const moved = setPath(setPath(base, 'attack.accounts', 50), 'defense.rateLimit.perDay', 500);
    expect(limitGridKey(moved)).toBe(limitGridKey(base));
    expect(limitGridKey(setPath(base, 'attack.queries', 2000))).not.toBe(limitGridKey(base));
  });
});
