/**
 * Words and tables of the "limits against accounts" chart (src/components/panels/LimitsPanel.svelte):
 * the text a screen reader hears for one cell, the hidden data table, where the colour scale
 * starts, and which settings make a computed grid out of date. Plain TypeScript, tested without a
 * DOM (test/charts/limitsText.test.ts); the cell maths are in ./limits.ts.
 */
import { setPath, type Config } from '../core/config';
import type { LimitGridResult } from '../core/limitGrid';
import type { DataTable } from './frame';
import { formatCount, formatPercent, formatUSD } from './format';
import type { PlacedCell } from './limits';

/**
 * The settings a grid was computed for, without the grid's own axes (the rate limit's switch and
 * level, the attacker's accounts): two configs with the same key share one grid.
 */
export function limitGridKey(config: Config): string {
  let key = setPath(config, 'defense.rateLimit.on', true);
  key = setPath(key, 'defense.rateLimit.perDay', 1);
  return JSON.stringify(setPath(key, 'attack.accounts', 1));
}

/** Where the colour scale starts: the grid's lowest fidelity rounded down to a tenth, at most 0.9. */
export function fidelityFloor(cells: readonly PlacedCell[]): number {
  const lowest = Math.min(0.9, ...cells.map((c) => c.cell.fidelity));
  return Math.max(0, Math.floor(lowest * 10) / 10);
}

/** "200/day, 10 accounts: copy agrees 97.1%, 2,000 answers, attacker pays $0.02; 3% of ..." */
export function limitCellText(placed: PlacedCell | undefined, result: LimitGridResult): string {
  if (!placed) return 'no cell selected';
  const { cell, column } = placed;
  const honest = result.honestLimited[column];
  return (
    `${cell.limit}/day, ${formatCount(cell.accounts)} account${cell.accounts === 1 ? '' : 's'}: ` +
    `copy agrees ${formatPercent(cell.fidelity, 1)}, ${formatCount(cell.queriesAnswered)} answers, ` +
    `attacker pays ${formatUSD(cell.costUSD)}` +
    (honest !== null && honest !== undefined
      ? `; ${formatPercent(honest, 0)} of honest accounts hit this limit`
      : '')
  );
}

/**
 * The grid as a table: one row per account count (most accounts first, as drawn), one column per
 * limit, each cell the copy's fidelity and the attacker's bill; a last row with the share of
 * honest accounts that hit each limit. '–' where a cell is not computed yet.
 */
export function limitTable(result: LimitGridResult, title: string): DataTable {
  const columns = result.limits.length;
  return {
    caption: `${title}: the copy's fidelity and the attacker's bill, by daily limit (columns) and accounts (rows)`,
    columns: ['Accounts', ...result.limits.map((l) => `${l}/day`)],
    rowHeader: true,
    rows: [
      ...result.accounts
        .map((accounts, row) => [
          formatCount(accounts),
          ...result.limits.map((_, column) => {
            const cell = result.cells[row * columns + column];
            return cell ? `${formatPercent(cell.fidelity, 1)} (${formatUSD(cell.costUSD)})` : '–';
          }),
        ])
        .reverse(),
      [
        'Honest accounts that hit the limit',
        ...result.honestLimited.map((h) => (h === null ? '–' : formatPercent(h, 1))),
      ],
    ],
  };
}
