// The detection report charts every attacker account (issue 10: with 10 Jacobian accounts the
// scoreboard said "3 banned" while the timeline, which drew account 0 only, showed no alarm).
import { describe, expect, it } from 'vitest';
import { defaultConfig, setPath, type Config } from '../../../../src/core/config';
import { createVictimCache, simulate } from '../../../../src/core/simulate';
import { MAX_CHARTED_ACCOUNTS } from '../../../../src/core/defenses/detection';

const cache = createVictimCache();
const set = (config: Config, entries: Record<string, unknown>): Config =>
  Object.entries(entries).reduce((c, [path, value]) => setPath(c, path, value), config);

describe('detection report: every attacker account', () => {
  it('carries each banned account, banned first in alarm order, and the first alarm overall', () => {
    const config = set(defaultConfig(), {
      'attack.strategy': 'jacobian',
      'attack.accounts': 10,
      'defense.detection.on': true,
    });
    const result = simulate(config, { victimCache: cache });
    const detection = result.detection!;
    const banned = detection.attackerAccounts.filter((a) => a.alarmAt !== null);
    expect(detection.flaggedAccounts).toBeGreaterThan(0);
    expect(banned).toHaveLength(detection.flaggedAccounts);
    // banned accounts come first, and the first of them raised the first alarm of the run
    expect(detection.attackerAccounts.slice(0, banned.length)).toEqual(banned);
    const at = detection.firstAlarmAtQuery!;
    expect(result.queries.account[at]).toBe(banned[0]!.account);
    // an account's own count at its alarm is at most the overall index + 1
    expect(banned[0]!.alarmAt!).toBeLessThanOrEqual(at + 1);
    // each charted account appears once, with a W per test and account 0 as attackerSeries
    const numbers = detection.attackerAccounts.map((a) => a.account);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const a of detection.attackerAccounts) expect(a.w).toHaveLength(a.queries.length);
    const zero = detection.attackerAccounts.find((a) => a.account === 0);
    if (zero)
      expect({ ...zero, account: undefined }).toEqual({
        ...detection.attackerSeries,
        account: undefined,
      });
    expect(detection.attackerTested).toBeGreaterThanOrEqual(detection.attackerAccounts.length);
  }, 60_000);

  it(`keeps at most ${MAX_CHARTED_ACCOUNTS} accounts`, () => {
    const config = set(defaultConfig(), {
      'attack.queries': 12000,
      'attack.accounts': 150,
      'defense.detection.on': true,
      'defense.detection.minQueries': 20,
    });
    const detection = simulate(config, { victimCache: cache }).detection!;
    expect(detection.attackerTested).toBeGreaterThan(MAX_CHARTED_ACCOUNTS);
    expect(detection.attackerAccounts).toHaveLength(MAX_CHARTED_ACCOUNTS);
  }, 60_000);
});
