// Campaign detection's fingerprints: each feature hand-computed on a few requests; the busiest
// window wraps past midnight; shared wordings need SHARED_ACCOUNTS accounts.
import { describe, expect, it } from 'vitest';
import {
  AccountTraffic,
  busiestWindow,
  SHARED_ACCOUNTS,
  SIGNATURE_SHARE,
} from '../../../../src/core/defenses/campaign/fingerprint';

describe('busiestWindow', () => {
  it('finds the 3-hour window with most requests, the lowest start on a tie', () => {
    const hist = new Array(24).fill(0);
    hist[5] = 2;
    hist[6] = 1;
    hist[7] = 1;
    hist[12] = 3;
    // windows: 5-7 sum 4; 10-12, 11-13, 12-14 sum 3
    expect(busiestWindow(hist)).toEqual({ start: 5, count: 4 });
    expect(busiestWindow(new Array(24).fill(1))).toEqual({ start: 0, count: 3 });
  });

  it('wraps past midnight: 23:00, 00:00 and 01:00 are one window', () => {
    const hist = new Array(24).fill(0);
    hist[23] = 2;
    hist[0] = 2;
    hist[1] = 1;
    hist[10] = 4;
    expect(busiestWindow(hist)).toEqual({ start: 23, count: 5 });
  });
});

describe('AccountTraffic.fingerprints', () => {
  it('computes every feature of a small account by hand', () => {
    const traffic = new AccountTraffic(SHARED_ACCOUNTS + 1);
    // wording 7 is used by SHARED_ACCOUNTS accounts (0 .. SHARED_ACCOUNTS - 1): shared
    for (let a = 0; a < SHARED_ACCOUNTS; a++) traffic.record(a, 0, 9, 7, false);
    // account 0 also: day 0 at 10:00 and 11:00 in its own wording 500, day 2 at 20:00 asking steps
    traffic.record(0, 0, 10, 500, false);
    traffic.record(0, 0, 11, 500, false);
    traffic.record(0, 2, 20, 7, true);
    // account 0: 4 requests, 2 in wording 7 (shared), 2 in wording 500 (its own)
    const fp = traffic.fingerprints(3);
    expect(traffic.accountsUsing(7)).toBe(SHARED_ACCOUNTS);
    expect(traffic.accountsUsing(500)).toBe(1);
    expect(fp.requests[0]).toBe(4);
    expect(fp.sharedShare[0]).toBe(2 / 4);
    // its most used shared wording carries 2/4 >= SIGNATURE_SHARE
    expect(2 / 4).toBeGreaterThanOrEqual(SIGNATURE_SHARE);
    expect(fp.signature[0]).toBe(7);
    expect(fp.stepsShare[0]).toBe(1 / 4);
    // hours 9, 10, 11, 20: the window 9-11 holds 3 of 4
    expect(fp.peak[0]).toBe(9);
    expect(fp.concentration[0]).toBe(3 / 4);
    // active on days 0 and 2 of 3 observed: 4 requests / 2 active days
    expect(fp.perActiveDay[0]).toBe(2);
    expect(fp.activeShare[0]).toBe(2 / 3);
    // account 1: one request in the shared wording, one day of three
    expect(fp.sharedShare[1]).toBe(1);
    expect(fp.signature[1]).toBe(7);
    expect(fp.activeShare[1]).toBe(1 / 3);
    // the last account sent nothing: no signature, zeros
    expect(fp.requests[SHARED_ACCOUNTS]).toBe(0);
    expect(fp.signature[SHARED_ACCOUNTS]).toBe(-1);
  });

  it('a wording used by fewer than SHARED_ACCOUNTS accounts is nobody’s signature', () => {
    const traffic = new AccountTraffic(SHARED_ACCOUNTS);
    for (let a = 0; a < SHARED_ACCOUNTS - 1; a++) traffic.record(a, 0, 3, 42, false);
    const fp = traffic.fingerprints(1);
    for (let a = 0; a < SHARED_ACCOUNTS - 1; a++) {
      expect(fp.sharedShare[a]).toBe(0);
      expect(fp.signature[a]).toBe(-1);
    }
  });

  it('no signature when the shared wording carries less than SIGNATURE_SHARE', () => {
    const traffic = new AccountTraffic(SHARED_ACCOUNTS + 1);
    for (let a = 1; a <= SHARED_ACCOUNTS; a++) traffic.record(a, 0, 3, 1, false);
    traffic.record(0, 0, 3, 1, false);
    for (let r = 0; r < 3; r++) traffic.record(0, 0, 3, 900 + r, false);
    // account 0: 1 of 4 requests in the shared wording 1 (0.25 < 0.3)
    const fp = traffic.fingerprints(1);
    expect(fp.sharedShare[0]).toBe(0.25);
    expect(fp.signature[0]).toBe(-1);
    expect(fp.signature[1]).toBe(1);
  });

  it('refuses an hour, account or wording out of range', () => {
    const traffic = new AccountTraffic(2);
    expect(() => traffic.record(2, 0, 0, 0, false)).toThrow(RangeError);
    expect(() => traffic.record(0, 0, 24, 0, false)).toThrow(RangeError);
    expect(() => traffic.record(0, 0, 0, -1, false)).toThrow(RangeError);
  });
});
