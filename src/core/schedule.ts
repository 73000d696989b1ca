/**
 * The attacker's schedule: Q queries spread evenly over A accounts and D days. The A*D
 * account-days ("slots") are visited day by day and, within a day, account by account
 * (slot s = day * A + account). Each slot plans floor(Q / (A D)) queries and the first
 * Q mod (A D) slots one more, so the plan adds up to Q exactly. Query i belongs to the slot whose
 * cumulative plan first exceeds i.
 */

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

/** Throws a RangeError unless `value` is an integer >= 1. */
export function checkPositiveInt(name: string, value: number): void {
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
