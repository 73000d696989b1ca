/**
 * "Limits against accounts": the stolen copy's fidelity over a grid of daily limits x attacker
 * accounts, with what each limit costs honest users and what each cell costs the attacker.
 *
 * REFERENCE.md ("Query budget and rate limit"): an attacker with A accounts over D days is
 * answered at most A * R * D queries under a limit of R per account per day, while the limit's
 * cost is the share of honest accounts whose own daily use ever exceeds R. The grid answers the
 * policymaker's question "how many accounts beat limit X, and what does X cost honest users" in
 * one picture: along a row the limit tightens, along a column the attacker opens more accounts.
 *
 * Each cell is one lean simulation (no maps) of the config with the rate limit on at R and
 * attack.accounts = A, at the config's own seed, reusing the cached victim. The honest share
 * depends on R alone (the honest population and its seed streams do not see the attacker), so it
 * is read from the first finished cell of each column. One extra run without a limit gives the
 * reference fidelity. Cells are computed coarse first (even rows and columns), then the rest.
 */
import { setPath } from './config/paths';
import type { Config } from './config/schema';
import { createVictimCache, simulate, type VictimCache } from './simulate';

/** Daily limits of the grid (answers per account per day), loose to tight as drawn left to right. */
export const GRID_LIMITS: readonly number[] = [10, 20, 50, 100, 200, 500, 1000];
/** Attacker accounts of the grid. */
export const GRID_ACCOUNTS: readonly number[] = [1, 2, 5, 10, 20, 50, 100];

export interface LimitCell {
  /** answers per account per day */
  limit: number;
  /** attacker accounts */
  accounts: number;
  /** student fidelity (agreement with the victim on held-out inputs) */
  fidelity: number;
  /** the attacker's bill, USD */
  costUSD: number;
  queriesAnswered: number;
}

export interface LimitGridResult {
  /** the config the grid varies (its limit and accounts are replaced cell by cell) */
  config: Config;
  limits: number[];
  accounts: number[];
  /** cells row by row (rows: accounts, columns: limits); null until computed */
  cells: (LimitCell | null)[];
  /** per limit: share of honest accounts that hit it at least once (null until known) */
  honestLimited: (number | null)[];
  /** the same attack without any rate limit (null until computed) */
  noLimit: { fidelity: number; costUSD: number; queriesAnswered: number } | null;
}

export interface LimitGridOptions {
  limits?: readonly number[];
  accounts?: readonly number[];
  victimCache?: VictimCache;
  assets?: ReadonlyMap<string, ArrayBuffer>;
}

/** A grid in progress: `step()` runs one simulation. */
export interface LimitGrid {
  /** simulations in all (cells and the no-limit run) */
  readonly total: number;
  readonly done: number;
  /** runs the next simulation; false once all are done */
  step(): boolean;
  result(): LimitGridResult;
}

/** Cell indices, coarse first: even rows and columns, then the rest, each row by row. */
export function gridOrder(rows: number, columns: number): number[] {
  const coarse: number[] = [];
  const fine: number[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < columns; c++)
      (r % 2 === 0 && c % 2 === 0 ? coarse : fine).push(r * columns + c);
  return [...coarse, ...fine];
}

/** The config of one cell: the rate limit on at `limit`, the attacker with `accounts` accounts. */
export function cellConfig(config: Config, limit: number, accounts: number): Config {
  return setPath(
    setPath(setPath(config, 'defense.rateLimit.on', true), 'defense.rateLimit.perDay', limit),
    'attack.accounts',
    accounts,
  );
}

/**
 * Starts the grid for `config`.
 * @param config the lab's config (its other defenses stay as they are)
 */
export function createLimitGrid(config: Config, options: LimitGridOptions = {}): LimitGrid {
  const limits = [...(options.limits ?? GRID_LIMITS)];
  const accounts = [...(options.accounts ?? GRID_ACCOUNTS)];
  const cache = options.victimCache ?? createVictimCache();
  const run = (c: Config) =>
    simulate(c, {
      victimCache: cache,
      lean: true,
      ...(options.assets ? { assets: options.assets } : {}),
    });
  const order = gridOrder(accounts.length, limits.length);
  const cells: (LimitCell | null)[] = order.map(() => null);
  const honestLimited: (number | null)[] = limits.map(() => null);
  let noLimit: LimitGridResult['noLimit'] = null;
  let next = 0;
  const total = order.length + 1;

  return {
    total,
    get done() {
      return next;
    },
    step() {
      if (next >= total) return false;
      if (next === 0) {
        const r = run(setPath(config, 'defense.rateLimit.on', false));
        noLimit = {
          fidelity: r.student.fidelity,
          costUSD: r.attacker.costUSD,
          queriesAnswered: r.attacker.queriesAnswered,
        };
      } else {
        const index = order[next - 1]!;
        const column = index % limits.length;
        const limit = limits[column]!;
        const count = accounts[Math.floor(index / limits.length)]!;
        const r = run(cellConfig(config, limit, count));
        cells[index] = {
          limit,
          accounts: count,
          fidelity: r.student.fidelity,
          costUSD: r.attacker.costUSD,
          queriesAnswered: r.attacker.queriesAnswered,
        };
        honestLimited[column] ??= r.defenseCost.benignBlocked;
      }
      next++;
      return next < total;
    },
    result() {
      return {
        config,
        limits,
        accounts,
        cells: [...cells],
        honestLimited: [...honestLimited],
        noLimit,
      };
    },
  };
}
