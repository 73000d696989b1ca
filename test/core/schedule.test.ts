// The attacker's schedule (src/core/schedule.ts): test/core/defenses/rateLimit/limits.test.ts
// covers the plan, the closed form and the out-of-range integers; this file adds only the inputs
// that are not integers, which the schedule must refuse rather than round.
import { describe, expect, it } from 'vitest';
import { checkPositiveInt, querySlot, schedulePlan } from '../../src/core/schedule';

describe('the schedule refuses inputs that are not integers', () => {
  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, 0, -1])('accounts = %s', (bad) => {
    expect(() => checkPositiveInt('accounts', bad)).toThrow(RangeError);
    expect(() => schedulePlan(10, bad, 1)).toThrow(/accounts/);
    expect(() => schedulePlan(10, 1, bad)).toThrow(/days/);
  });

  it.each([2.5, Number.NaN, Number.POSITIVE_INFINITY])('queries or index = %s', (bad) => {
    expect(() => schedulePlan(bad, 1, 1)).toThrow(/queries/);
    expect(() => querySlot(schedulePlan(10, 2, 2), bad)).toThrow(/index/);
  });

  it('accepts a budget of 0 (nothing planned) and index 0 only when something is', () => {
    expect(schedulePlan(0, 3, 2)).toMatchObject({ base: 0, extra: 0 });
    expect(() => querySlot(schedulePlan(0, 3, 2), 0)).toThrow(/index/);
    expect(querySlot(schedulePlan(1, 3, 2), 0)).toEqual({ account: 0, day: 0, indexInDay: 0 });
  });
});
