// Rate-limit arithmetic: the attacker's even schedule, answers under a per-account daily limit,
// and the honest population's log-normal volumes; hand-worked cases plus properties.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  answerCap,
  answeredUnderLimit,
  benignDailyVolumes,
  shareBlocked,
} from '../../../../src/core/defenses/rateLimit/limits';
import {
  accountsUsed,
  planQuery,
  plannedInSlot,
  querySlot,
  schedulePlan,
} from '../../../../src/core/schedule';
import { createRng } from '../../../../src/core/rng';

/** Answers counted query by query from the schedule: the slow reference for the closed form. */
function answeredBySimulation(
  queries: number,
  accounts: number,
  days: number,
  perDay: number,
): number {
  const plan = schedulePlan(queries, accounts, days);
  let answered = 0;
  for (let i = 0; i < queries; i++) if (querySlot(plan, i).indexInDay < perDay) answered++;
  return answered;
}

describe('the attacker schedule', () => {
  it('spreads Q = 10 over A = 3 accounts and D = 2 days, worked by hand', () => {
    // 6 slots, base = floor(10/6) = 1, extra = 10 mod 6 = 4: plans (2, 2, 2, 2, 1, 1) for
    // (a0 d0, a1 d0, a2 d0, a0 d1, a1 d1, a2 d1).
    const plan = schedulePlan(10, 3, 2);
    expect(plan).toMatchObject({ base: 1, extra: 4 });
    expect([0, 1, 2, 3, 4, 5].map((s) => plannedInSlot(plan, s))).toEqual([2, 2, 2, 2, 1, 1]);
    const slots = Array.from({ length: 10 }, (_, i) => planQuery(i, 10, 3, 2));
    expect(slots.map((s) => `${s.account}/${s.day}`)).toEqual([
      '0/0',
      '0/0',
      '1/0',
      '1/0',
      '2/0',
      '2/0',
      '0/1',
      '0/1',
      '1/1',
      '2/1',
    ]);
    expect(slots.map((s) => s.indexInDay)).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 0, 0]);
  });

  it('leaves accounts idle when Q < A * D: day 0 fills first', () => {
    // Q = 5, A = 10, D = 3: base 0, extra 5: accounts 0..4 send one query each on day 0.
    const slots = Array.from({ length: 5 }, (_, i) => planQuery(i, 5, 10, 3));
    expect(slots).toEqual([0, 1, 2, 3, 4].map((a) => ({ account: a, day: 0, indexInDay: 0 })));
    expect(accountsUsed(5, 10, 3)).toBe(5);
    expect(accountsUsed(500, 10, 3)).toBe(10);
  });

  it('plans add up to Q exactly, in order, with every slot within one of the others', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 12 }),
        (queries, accounts, days) => {
          const plan = schedulePlan(queries, accounts, days);
          const counts = new Map<number, number>();
          let previousSlot = -1;
          let inOrder = true;
          for (let i = 0; i < queries; i++) {
            const { account, day, indexInDay } = querySlot(plan, i);
            const slot = day * accounts + account;
            // day by day, account by account, each query numbered within its account-day
            if (slot < previousSlot || indexInDay !== (counts.get(slot) ?? 0)) inOrder = false;
            counts.set(slot, (counts.get(slot) ?? 0) + 1);
            previousSlot = slot;
          }
          expect(inOrder).toBe(true);
          for (const [slot, count] of counts) expect(count).toBe(plannedInSlot(plan, slot));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('rejects impossible inputs', () => {
    expect(() => planQuery(10, 10, 3, 2)).toThrow(/index/);
    expect(() => schedulePlan(10, 0, 2)).toThrow(/accounts/);
    expect(() => schedulePlan(10, 2, 0)).toThrow(/days/);
    expect(() => schedulePlan(-1, 2, 2)).toThrow(/queries/);
  });
});

describe('answers under the limit', () => {
  it('worked by hand', () => {
    // Q = 10 over 3 accounts x 2 days plans (2,2,2,2,1,1): R = 1 answers 6, R = 2 answers all 10.
    expect(answeredUnderLimit(10, 3, 2, 1)).toBe(6);
    expect(answeredUnderLimit(10, 3, 2, 2)).toBe(10);
    // One account, one day, 7 queries, 3 a day: 3.
    expect(answeredUnderLimit(7, 1, 1, 3)).toBe(3);
    expect(answerCap(3, 1, 2)).toBe(6);
    // The MITRE ATLAS AML.CS0056 scale: 24,000 accounts at 200 a day for 30 days.
    expect(answerCap(24000, 200, 30)).toBe(144_000_000);
  });

  it('refuses nothing when R covers the largest slot plan, and R = 0 is impossible', () => {
    expect(answeredUnderLimit(1000, 7, 3, Math.ceil(1000 / 21))).toBe(1000);
    expect(() => answeredUnderLimit(10, 1, 1, 0)).toThrow(/perDay/);
  });

  it('closed form = counting the schedule; never above Q or A R D; monotone in R', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 60 }),
        (queries, accounts, days, perDay) => {
          const answered = answeredUnderLimit(queries, accounts, days, perDay);
          expect(answered).toBe(answeredBySimulation(queries, accounts, days, perDay));
          expect(answered).toBeLessThanOrEqual(
            Math.min(queries, answerCap(accounts, perDay, days)),
          );
          // A stricter limit never answers more.
          if (perDay > 1) {
            expect(answeredUnderLimit(queries, accounts, days, perDay - 1)).toBeLessThanOrEqual(
              answered,
            );
          }
          // More accounts (same Q, D, R) never answer fewer.
          expect(answeredUnderLimit(queries, accounts + 1, days, perDay)).toBeGreaterThanOrEqual(
            answered,
          );
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('honest traffic', () => {
  it('spread 0 gives the median every day; volumes are deterministic and non-negative', () => {
    expect(benignDailyVolumes(createRng(1), 2, 3, 40, 0)).toEqual([
      [40, 40, 40],
      [40, 40, 40],
    ]);
    const a = benignDailyVolumes(createRng(7), 50, 7, 40, 1);
    expect(a).toEqual(benignDailyVolumes(createRng(7), 50, 7, 40, 1));
    expect(a).toHaveLength(50);
    for (const days of a) {
      expect(days).toHaveLength(7);
      for (const v of days) expect(Number.isInteger(v) && v >= 0).toBe(true);
    }
  });

  it('has the requested median (log-normal: median * exp(spread * z))', () => {
    const all = benignDailyVolumes(createRng(3), 400, 10, 40, 1)
      .flat()
      .sort((x, y) => x - y);
    const median = all[all.length >> 1]!;
    expect(median).toBeGreaterThan(36);
    expect(median).toBeLessThan(44);
    // P(V > 40 e) = P(z > 1) = 0.159 (within 2 points over 4,000 draws).
    const above = all.filter((v) => v > 40 * Math.E).length / all.length;
    expect(Math.abs(above - 0.1587)).toBeLessThan(0.02);
  });

  it('shareBlocked counts accounts with any day strictly over the limit', () => {
    const volumes = [
      [1, 5],
      [3, 3],
      [0, 0],
    ];
    expect(shareBlocked(volumes, 4)).toBeCloseTo(1 / 3, 15); // only the 5
    expect(shareBlocked(volumes, 5)).toBe(0); // exactly at the limit is answered in full
    expect(shareBlocked(volumes, 2)).toBeCloseTo(2 / 3, 15);
    expect(shareBlocked([], 2)).toBe(0);
  });

  it('a stricter limit never blocks fewer honest accounts', () => {
    const volumes = benignDailyVolumes(createRng(11), 200, 7, 40, 1.2);
    let previous = 1;
    for (const perDay of [1, 5, 20, 40, 80, 160, 400, 2000]) {
      const share = shareBlocked(volumes, perDay);
      expect(share).toBeLessThanOrEqual(previous);
      previous = share;
    }
  });
});
