/**
 * Query budget and rate limit arithmetic (REFERENCE.md, "Query budget and rate limit"; MITRE
 * ATLAS mitigation AML.M0004 Restrict Number of AI Model Queries).
 *
 * The attacker's schedule: Q queries spread evenly over A accounts and D days. The A*D
 * account-days ("slots") are visited day by day and, within a day, account by account
 * (slot s = day * A + account). Each slot plans floor(Q / (A D)) queries and the first
 * Q mod (A D) slots one more, so the plan adds up to Q exactly. Query i belongs to the slot whose
 * cumulative plan first exceeds i. With a limit of R answers per account per day, a slot planned
 * for p queries gets min(p, R) answers; the API answers at most A * R * D queries in all.
 *
 * Honest users: each account sends a log-normal number of queries each day; the rate limit's cost
 * is the share of honest accounts that ever exceed it.
 */
import type { Rng } from '../rng';
import { exp } from '../math/portable';

/** The even plan of Q queries over A accounts and D days. */
export interface SchedulePlan {
  queries: number;
  accounts: number;
  days: number;
  /** queries planned for every slot */
  base: number;
  /** the first `extra` slots (in slot order) plan base + 1 */
  extra: number;
}

export interface QuerySlot {
  account: number;
  day: number;
  /** 0-based position of the query within its account-day */
  indexInDay: number;
}

function checkPositiveInt(name: string, value: number): void {
  if (!(Number.isInteger(value) && value >= 1)) {
    throw new RangeError(`${name} must be an integer >= 1 (got ${value})`);
  }
}

/** The per-slot plan: base = floor(Q / (A D)), extra = Q mod (A D). */
export function schedulePlan(queries: number, accounts: number, days: number): SchedulePlan {
  if (!(Number.isInteger(queries) && queries >= 0)) {
    throw new RangeError(`queries must be an integer >= 0 (got ${queries})`);
  }
  checkPositiveInt('accounts', accounts);
  checkPositiveInt('days', days);
  const slots = accounts * days;
  return { queries, accounts, days, base: Math.floor(queries / slots), extra: queries % slots };
}

/** Queries planned for slot s (= day * accounts + account). */
export function plannedInSlot(plan: SchedulePlan, slot: number): number {
  return plan.base + (slot < plan.extra ? 1 : 0);
}

/**
 * Closed form of the schedule: the account, day and position within the day of query `index`
 * (0-based). The first extra slots hold base + 1 queries each, covering extra * (base + 1)
 * queries; every later slot holds base.
 */
export function querySlot(plan: SchedulePlan, index: number): QuerySlot {
  if (!(Number.isInteger(index) && index >= 0 && index < plan.queries)) {
    throw new RangeError(`query index must be an integer in [0, ${plan.queries}) (got ${index})`);
  }
  const head = plan.extra * (plan.base + 1);
  let slot: number;
  let indexInDay: number;
  if (index < head) {
    slot = Math.floor(index / (plan.base + 1));
    indexInDay = index - slot * (plan.base + 1);
  } else {
    // Here base >= 1: when base = 0 every query sits in the head.
    const rest = index - head;
    slot = plan.extra + Math.floor(rest / plan.base);
    indexInDay = rest - (slot - plan.extra) * plan.base;
  }
  return { account: slot % plan.accounts, day: Math.floor(slot / plan.accounts), indexInDay };
}

/** Account and day of query `index` for a budget of Q queries over A accounts and D days. */
export function planQuery(
  index: number,
  queries: number,
  accounts: number,
  days: number,
): QuerySlot {
  return querySlot(schedulePlan(queries, accounts, days), index);
}

/** Accounts that receive at least one query: min(A, Q) (slots of day 0 are filled first). */
export function accountsUsed(queries: number, accounts: number, days: number): number {
  schedulePlan(queries, accounts, days);
  return Math.min(accounts, queries);
}

/** The most the API answers A accounts over D days at R per account per day: A * R * D. */
export function answerCap(accounts: number, perDay: number, days: number): number {
  return accounts * perDay * days;
}

/**
 * Queries answered when the attacker follows the even plan under a limit of R per account-day:
 * sum over slots of min(planned, R) = extra * min(base + 1, R) + (A D - extra) * min(base, R).
 * R must be >= 1 (the config's minimum).
 */
export function answeredUnderLimit(
  queries: number,
  accounts: number,
  days: number,
  perDay: number,
): number {
  checkPositiveInt('perDay', perDay);
  const plan = schedulePlan(queries, accounts, days);
  const slots = accounts * days;
  return (
    plan.extra * Math.min(plan.base + 1, perDay) +
    (slots - plan.extra) * Math.min(plan.base, perDay)
  );
}

/**
 * Honest accounts' daily query volumes: volumes[account][day] = max(0, round(median *
 * exp(spread * z))) with z ~ N(0, 1), a log-normal whose median is `medianPerDay` (queries/day) and
 * whose log-standard-deviation is `spread`. Draws accounts * days normals, account by account.
 */
export function benignDailyVolumes(
  rng: Rng,
  accounts: number,
  days: number,
  medianPerDay: number,
  spread: number,
): number[][] {
  const volumes: number[][] = [];
  for (let a = 0; a < accounts; a++) {
    const row: number[] = [];
    for (let d = 0; d < days; d++) {
      row.push(Math.max(0, Math.round(medianPerDay * exp(spread * rng.normal()))));
    }
    volumes.push(row);
  }
  return volumes;
}

/** Share of accounts with at least one day over `perDay` queries (0 when there are no accounts). */
export function shareBlocked(volumes: readonly (readonly number[])[], perDay: number): number {
  if (volumes.length === 0) return 0;
  let blocked = 0;
  for (const days of volumes) if (days.some((v) => v > perDay)) blocked++;
  return blocked / volumes.length;
}
