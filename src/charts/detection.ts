/**
 * Words for PRADA's first alarm that cannot be misread. The result counts the first alarm among
 * all the attacker's queries (every account, in the order sent); the timeline's x axis counts the
 * queries of one account. "Alarm at query 476" left open which; these helpers say both: "query 476
 * of all the attacker's queries (account 4's 48th)".
 */
import type { SimulationResult } from '../core/types';
import { formatCount } from './format';

export interface FirstAlarm {
  /** 1-based position of the alarm's query among all the attacker's queries */
  overall: number;
  /** 1-based number of the account that raised it (null when the query log does not say) */
  account: number | null;
  /** that account's own query count at the alarm (null when its series is not in the result) */
  withinAccount: number | null;
}

/**
 * The first alarm of a run, or null (detection off or never alarmed).
 * @param result a run: its detection report and query log (the account of each query)
 */
export function firstAlarm(
  result: Pick<SimulationResult, 'detection' | 'queries'>,
): FirstAlarm | null {
  const at = result.detection?.firstAlarmAtQuery ?? null;
  if (at === null || !result.detection) return null;
  const account = at < result.queries.count ? (result.queries.account[at] ?? null) : null;
  const series =
    account === null
      ? undefined
      : result.detection.attackerAccounts.find((a) => a.account === account);
  return {
    overall: at + 1,
    account: account === null ? null : account + 1,
    withinAccount: series?.alarmAt ?? null,
  };
}

/** English ordinal: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 1,000th. */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${formatCount(n)}${suffix}`;
}

/**
 * "query 476 of all the attacker's queries (account 4's 48th)"; without the account, "query 476
 * of all the attacker's queries". With one account the two counts agree: "query 476".
 * @param alarm from firstAlarm
 * @param accounts how many accounts the attacker used
 */
export function firstAlarmText(alarm: FirstAlarm, accounts: number): string {
  if (accounts <= 1) return `query ${formatCount(alarm.overall)}`;
  const own =
    alarm.account !== null && alarm.withinAccount !== null
      ? ` (account ${formatCount(alarm.account)}'s ${ordinal(alarm.withinAccount)})`
      : '';
  return `query ${formatCount(alarm.overall)} of all the attacker's queries${own}`;
}
