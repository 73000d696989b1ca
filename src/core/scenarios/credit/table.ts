/**
 * The table of issue 11's closing note: queries needed for fidelity >= 0.99, per output mode and
 * attack, over several seeds, measured on whole credit runs: every cell is the registered attack
 * run by the credit kind's simulate() (the shared prediction API, session, answer formats and
 * measures the page and the CLI use), so the table is what a learner would find by trying budgets.
 *
 * "Queries needed" is the number of queries the attack had answered (attacker.queriesAnswered)
 * in the cheapest run that reached the target:
 * - budget-driven attacks (random, natural; equationSolving and explanations stop early when they
 *   are done, so their figure is what they used) run at budgets of BUDGET_GRID (every whole number
 *   from the field's minimum, 10, to 40, then steps of about 15 %): the first budget is tried, then
 *   the grid is bisected for the smallest budget that reaches the target. Bisection assumes that
 *   fidelity does not fall as the budget grows (true of the median run, not of every seed: a cell
 *   may then be a step or two above the true first budget);
 * - lineSearch runs with MAX_BUDGET at precision 2^-k for k = 0, 1, .., 29 until its stolen model
 *   reaches the target (its cost is set by the precision, not the budget).
 * null means the target was not reached within the grid (MAX_BUDGET queries).
 */
import { setPath } from '../../config/paths';
import { defaultConfig } from '../../config/parse';
import type { Config } from '../../config/schema';
import { createVictimCache, simulate } from '../../simulate';
import type { VictimCache } from '../contract';

/** Smallest budget a config allows (attack.queries). */
export const MIN_BUDGET = 10;
/** Largest budget tried. */
export const MAX_BUDGET = 5000;
/** Finest bisection precision line search tries, 2^-29 (attack.precision allows 1e-9). */
export const MAX_PRECISION_STEPS = 29;

/** 10, 11, .., 40, then x1.15 rounded up, to MAX_BUDGET. */
export const BUDGET_GRID: readonly number[] = (() => {
  const grid: number[] = [];
  for (let b = MIN_BUDGET; b <= 40; b++) grid.push(b);
  for (let b = 40; b < MAX_BUDGET;) {
    b = Math.min(MAX_BUDGET, Math.ceil(b * 1.15));
    grid.push(b);
  }
  return grid;
})();

/** The attacks of the table: the credit kind's own three and the two retraining ones. */
export const TABLE_STRATEGIES = [
  'equationSolving',
  'lineSearch',
  'explanations',
  'random',
  'natural',
] as const;
export type TableStrategy = (typeof TABLE_STRATEGIES)[number];

/** The answer formats of the table (config settings of defense.output), by column name. */
export const TABLE_MODES: readonly { name: string; set: Record<string, unknown> }[] = [
  { name: 'probabilities', set: { 'defense.output.mode': 'probabilities' } },
  {
    name: 'rounded (2 decimals)',
    set: { 'defense.output.mode': 'rounded', 'defense.output.decimals': 2 },
  },
  { name: 'label only', set: { 'defense.output.mode': 'label' } },
  {
    name: 'noise (sigma 0.05)',
    set: { 'defense.output.mode': 'noise', 'defense.output.sigma': 0.05 },
  },
];

/** `config` with each path of `values` set. */
export function withSettings(config: Config, values: Record<string, unknown>): Config {
  return Object.entries(values).reduce((c, [path, value]) => setPath(c, path, value), config);
}

/** The default credit config (d = 8, logistic lender and student, full scores, no defense). */
export function creditTableBase(): Config {
  return setPath(defaultConfig(), 'scenario.kind', 'credit');
}

export interface QueriesNeeded {
  /** queries answered in the cheapest run that reached the target, or null */
  queries: number | null;
  /** fidelity of that run (or of the last run tried) */
  fidelity: number;
  /** whole runs simulated to find it */
  runs: number;
}

/** Queries `config`'s attack needs to reach fidelity >= target (file header). */
export function queriesForFidelity(
  config: Config,
  target: number,
  cache: VictimCache = createVictimCache(),
): QueriesNeeded {
  let runs = 0;
  const measure = (values: Record<string, unknown>) => {
    runs++;
    const result = simulate(withSettings(config, values), { victimCache: cache });
    return { fidelity: result.student.fidelity, queries: result.attacker.queriesAnswered };
  };
  if (config.attack.strategy === 'lineSearch') {
    let fidelity = NaN;
    for (let k = 0, precision = 1; k <= MAX_PRECISION_STEPS; k++, precision /= 2) {
      const run = measure({ 'attack.queries': MAX_BUDGET, 'attack.precision': precision });
      fidelity = run.fidelity;
      if (fidelity >= target) return { queries: run.queries, fidelity, runs };
    }
    return { queries: null, fidelity, runs };
  }
  const at = (i: number) => measure({ 'attack.queries': BUDGET_GRID[i]! });
  const first = at(0);
  if (first.fidelity >= target) return { ...first, runs };
  let high = BUDGET_GRID.length - 1;
  let best = at(high);
  if (best.fidelity < target) return { queries: null, fidelity: best.fidelity, runs };
  // invariant: budget `low` misses the target, budget `high` reaches it (run `best`)
  let low = 0;
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    const run = at(mid);
    if (run.fidelity >= target) {
      high = mid;
      best = run;
    } else low = mid;
  }
  return { ...best, runs };
}

export interface TableCell {
  strategy: TableStrategy;
  mode: string;
  /** per seed, in seed order */
  queries: (number | null)[];
}

export interface TableOptions {
  /** the runs' other settings (victim, student, features) */
  base: Config;
  seeds: readonly number[];
  target: number;
  strategies?: readonly TableStrategy[];
  /** called after each cell (progress for the script) */
  onCell?: (cell: TableCell) => void;
}

/**
 * Every (strategy, mode) cell over the seeds. The explanations attack runs against an API with
 * explanations on; every other attack against one without them.
 */
export function fidelityTable(options: TableOptions): TableCell[] {
  const cache = createVictimCache();
  const cells: TableCell[] = [];
  for (const strategy of options.strategies ?? TABLE_STRATEGIES) {
    for (const mode of TABLE_MODES) {
      const queries = options.seeds.map((seed) => {
        const config = withSettings(options.base, {
          seed,
          'attack.strategy': strategy,
          'defense.output.explanations': strategy === 'explanations',
          ...mode.set,
        });
        return queriesForFidelity(config, options.target, cache).queries;
      });
      const cell = { strategy, mode: mode.name, queries };
      options.onCell?.(cell);
      cells.push(cell);
    }
  }
  return cells;
}

/** Median of the seeds' counts (null counts as above every number), as text. */
export function summarizeCell(queries: readonly (number | null)[]): string {
  const sorted = [...queries].sort((a, b) => (a ?? Infinity) - (b ?? Infinity));
  const show = (q: number | null) => (q === null ? `>${MAX_BUDGET}` : String(q));
  const median = sorted[Math.floor((sorted.length - 1) / 2)] ?? null;
  const low = sorted[0] ?? null;
  const high = sorted[sorted.length - 1] ?? null;
  return low === high ? show(median) : `${show(median)} (${show(low)}-${show(high)})`;
}

/** A Markdown table: one row per strategy, one column per mode; cells "median (min-max)". */
export function formatFidelityTable(cells: readonly TableCell[]): string {
  const modes = TABLE_MODES.map((m) => m.name);
  const lines = [
    `| attack | ${modes.join(' | ')} |`,
    `| --- |${modes.map(() => ' ---: |').join('')}`,
  ];
  const strategies = [...new Set(cells.map((c) => c.strategy))];
  for (const strategy of strategies) {
    const row = modes.map((mode) => {
      const cell = cells.find((c) => c.strategy === strategy && c.mode === mode);
      return cell ? summarizeCell(cell.queries) : '';
    });
    lines.push(`| ${strategy} | ${row.join(' | ')} |`);
  }
  return lines.join('\n');
}

/** The issue's table settings: d = 8, seeds 1-5, target 0.99, the credit defaults otherwise. */
export function issueTableOptions(): TableOptions {
  return { base: creditTableBase(), seeds: [1, 2, 3, 4, 5], target: 0.99 };
}
