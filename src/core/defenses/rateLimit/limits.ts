/**
 * Rate limit arithmetic (REFERENCE.md, "Query budget and rate limit"; MITRE ATLAS mitigation
 * AML.M0004 Restrict Number of AI Model Queries). With a limit of R answers per account per day, a
 * slot of the attacker's schedule (../../schedule.ts) planned for p queries gets min(p, R)
 * answers; the API answers at most A * R * D queries in all.
 *
 * Honest users: each account sends a log-normal number of queries each day; the rate limit's cost
 * is the share of honest accounts that ever exceed it.
 */
import type { Rng } from '../../rng';
import { exp } from '../../math/portable';
import { checkPositiveInt, schedulePlan } from '../../schedule';

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
