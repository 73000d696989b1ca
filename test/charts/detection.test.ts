// The first alarm in words that say which count they use (issue 10: "alarm at query 476" with ten
// accounts, while the timeline counted one account's queries).
import { describe, expect, it } from 'vitest';
import { firstAlarm, firstAlarmText, ordinal } from '../../src/charts/detection';
import type { DetectionReport, SimulationResult } from '../../src/core/types';

const series = { queries: [], w: [], alarmAt: null };
function run(
  at: number | null,
  accountOfQuery: number[],
  accounts: DetectionReport['attackerAccounts'],
) {
  return {
    detection: {
      flaggedAccounts: accounts.filter((a) => a.alarmAt !== null).length,
      firstAlarmAtQuery: at,
      benignFlagged: 0,
      benignTested: 0,
      attackerSeries: series,
      attackerAccounts: accounts,
      attackerTested: accounts.length,
      benignSeries: series,
    },
    queries: { count: accountOfQuery.length, account: Uint32Array.from(accountOfQuery) },
  } as unknown as Pick<SimulationResult, 'detection' | 'queries'>;
}

describe('firstAlarm', () => {
  it("names the overall query, the account and the account's own count", () => {
    // queries alternate between accounts 0 and 1; account 1 alarms on its 3rd query (index 5)
    const r = run(
      5,
      [0, 1, 0, 1, 0, 1],
      [
        { account: 1, queries: [2, 3], w: [0.99, 0.8], alarmAt: 3 },
        { account: 0, queries: [2, 3], w: [0.99, 0.98], alarmAt: null },
      ],
    );
    const alarm = firstAlarm(r)!;
    expect(alarm).toEqual({ overall: 6, account: 2, withinAccount: 3 });
    expect(firstAlarmText(alarm, 2)).toBe(
      "query 6 of all the attacker's queries (account 2's 3rd)",
    );
    expect(firstAlarmText(alarm, 1)).toBe('query 6');
  });
  it('says only the overall count when the account is not known', () => {
    const alarm = firstAlarm(run(1200, [], []))!;
    expect(alarm).toEqual({ overall: 1201, account: null, withinAccount: null });
    expect(firstAlarmText(alarm, 10)).toBe("query 1,201 of all the attacker's queries");
  });
  it('is null without an alarm', () => {
    expect(firstAlarm(run(null, [0], []))).toBeNull();
    expect(
      firstAlarm({ detection: null } as unknown as Pick<SimulationResult, 'detection' | 'queries'>),
    ).toBeNull();
  });
  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [112, '112th'],
    [1000, '1,000th'],
  ])('ordinal(%i) = %s', (n, text) => expect(ordinal(n)).toBe(text));
});
