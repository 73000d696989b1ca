// Campaign detection's grouping on synthetic traffic with known clusters: the planted campaign is
// flagged, scattered accounts and small look-alike groups are not; the threshold decides; the
// projection separates the planted cluster; everything is deterministic and linear in accounts.
import { describe, expect, it } from 'vitest';
import { bucketOf, flagGroups, volumeBand } from '../../../../src/core/defenses/campaign/cluster';
import {
  AccountTraffic,
  SHARED_ACCOUNTS,
} from '../../../../src/core/defenses/campaign/fingerprint';
import { projectFingerprints } from '../../../../src/core/defenses/campaign/projection';
import { createRng } from '../../../../src/core/rng';

const DAYS = 3;

/**
 * `planted` accounts (0 ..) send 12 requests a day in template wording 0 between 02:00 and 04:59;
 * `scattered` accounts after them send 5-40 a day in their own wording at their own hours; the
 * last `pasters` accounts paste popular wording 3 around 14:00, 20 a day.
 */
function syntheticTraffic(planted: number, scattered: number, pasters: number, seed = 1) {
  const rng = createRng(seed);
  const n = planted + scattered + pasters;
  const traffic = new AccountTraffic(n);
  for (let day = 0; day < DAYS; day++) {
    for (let a = 0; a < planted; a++) {
      for (let r = 0; r < 12; r++) traffic.record(a, day, 2 + rng.int(3), 0, false);
    }
    for (let s = 0; s < scattered; s++) {
      const a = planted + s;
      const peak = (a * 7) % 24;
      const volume = 5 + rng.int(36);
      for (let r = 0; r < volume; r++) {
        traffic.record(a, day, (peak + rng.int(5)) % 24, 1000 + a, rng.next() < 0.3);
      }
    }
    for (let p = 0; p < pasters; p++) {
      const a = planted + scattered + p;
      for (let r = 0; r < 20; r++) traffic.record(a, day, 13 + rng.int(3), 3, false);
    }
  }
  return traffic;
}

describe('volumeBand', () => {
  it('is floor(log2(requests per day)), clipped to 0..15', () => {
    expect([1, 1.9, 2, 3.99, 4, 12, 1000, 1e9].map(volumeBand)).toEqual([0, 0, 1, 1, 2, 3, 9, 15]);
  });
});

describe('flagGroups on synthetic traffic', () => {
  it('flags the planted cluster and none of the scattered accounts', () => {
    const traffic = syntheticTraffic(40, 200, 0);
    const fp = traffic.fingerprints(DAYS);
    const { flagged, groups } = flagGroups(fp, 10);
    expect(Array.from(flagged.subarray(0, 40))).toEqual(new Array(40).fill(1));
    expect(Array.from(flagged.subarray(40)).every((f) => f === 0)).toBe(true);
    expect(groups).toBe(1);
    // every planted account falls in the same bucket; a scattered one in none (no signature)
    expect(new Set(Array.from({ length: 40 }, (_, a) => bucketOf(fp, a))).size).toBe(1);
    expect(bucketOf(fp, 40)).toBe(-1);
  });

  it('a look-alike group is flagged only when it reaches minCluster', () => {
    // 12 copy-pasters (popular wording 3, same hours, same volume): one bucket of 12
    const traffic = syntheticTraffic(40, 100, 12);
    const fp = traffic.fingerprints(DAYS);
    const pasters = (f: Uint8Array) => Array.from(f.subarray(140)).reduce((s, x) => s + x, 0);
    expect(pasters(flagGroups(fp, 12).flagged)).toBe(12);
    expect(pasters(flagGroups(fp, 13).flagged)).toBe(0);
    // the planted 40 go at 40 and not at 41
    const planted = (f: Uint8Array) => Array.from(f.subarray(0, 40)).reduce((s, x) => s + x, 0);
    expect(planted(flagGroups(fp, 40).flagged)).toBe(40);
    expect(planted(flagGroups(fp, 41).flagged)).toBe(0);
  });

  it('shifted grids keep a group whose hours straddle a sector edge together', () => {
    // 12 accounts busiest from 05:00 (sector 03-05) and 12 from 06:00 (sector 06-08): apart in
    // the unshifted grid, together when the day is cut an hour later
    const traffic = new AccountTraffic(24 + SHARED_ACCOUNTS);
    for (let a = 0; a < 24; a++) {
      const start = a < 12 ? 5 : 6;
      for (let h = 0; h < 3; h++) traffic.record(a, 0, start + h, 0, false);
    }
    const fp = traffic.fingerprints(1);
    expect(fp.peak[0]).toBe(5);
    expect(fp.peak[12]).toBe(6);
    expect(bucketOf(fp, 0)).not.toBe(bucketOf(fp, 12));
    expect(bucketOf(fp, 0, 1)).toBe(bucketOf(fp, 12, 1));
    const { flagged, groups } = flagGroups(fp, 20);
    expect(Array.from(flagged.subarray(0, 24))).toEqual(new Array(24).fill(1));
    // two buckets of the unshifted grid
    expect(groups).toBe(2);
  });

  it('is deterministic: the same traffic gives the same flags and picture', () => {
    const a = syntheticTraffic(30, 80, 5, 9).fingerprints(DAYS);
    const b = syntheticTraffic(30, 80, 5, 9).fingerprints(DAYS);
    expect(flagGroups(a, 10)).toEqual(flagGroups(b, 10));
    const flags = flagGroups(a, 10).flagged;
    expect(projectFingerprints(a, (x) => x < 30, flags)).toEqual(
      projectFingerprints(b, (x) => x < 30, flags),
    );
  });

  it('groups 25,000 accounts, 20,000 of them planted (one pass; timed by npm run bench)', () => {
    const traffic = syntheticTraffic(20000, 5000, 0, 3);
    const fp = traffic.fingerprints(DAYS);
    const { flagged } = flagGroups(fp, 10);
    expect(flagged.subarray(0, 20000).every((f) => f === 1)).toBe(true);
    expect(flagged.subarray(20000).every((f) => f === 0)).toBe(true);
  });
});

describe('projectFingerprints', () => {
  it('separates the planted cluster from the scattered accounts along the first component', () => {
    const traffic = syntheticTraffic(40, 200, 0);
    const fp = traffic.fingerprints(DAYS);
    const { flagged } = flagGroups(fp, 10);
    const p = projectFingerprints(fp, (a) => a < 40, flagged);
    expect(p.attackerAccounts).toBe(40);
    expect(p.honestAccounts).toBe(200);
    // at most 150 of each side; the flags travel with the points
    expect(p.x.length).toBe(40 + 150);
    expect(p.attacker.filter((s) => s === 1).length).toBe(40);
    expect(p.flagged.filter((f, i) => f === 1 && p.attacker[i] === 1).length).toBe(40);
    expect(p.explained[0]).toBeGreaterThanOrEqual(p.explained[1]);
    expect(p.explained[0] + p.explained[1]).toBeLessThanOrEqual(1.001);
    // the planted accounts are identical up to hours: their spread on PC1 is far below the gap
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const planted = p.x.filter((_, i) => p.attacker[i] === 1);
    const others = p.x.filter((_, i) => p.attacker[i] === 0);
    const gap = Math.abs(mean(planted) - mean(others));
    expect(gap).toBeGreaterThan(1.5);
    expect(Math.max(...planted) - Math.min(...planted)).toBeLessThan(gap / 2);
  });

  it('is empty and finite when nobody sent anything', () => {
    const traffic = new AccountTraffic(5);
    const p = projectFingerprints(traffic.fingerprints(1), () => false, new Uint8Array(5));
    expect(p.x).toEqual([]);
    expect(p.explained.every(Number.isFinite)).toBe(true);
  });
});
