/**
 * Campaign detection's grouping: quantise each fingerprint (./fingerprint.ts) into a bucket and
 * flag every bucket that holds at least `minCluster` accounts. One pass over the accounts and a
 * hash map of buckets: O(accounts), so 100,000 accounts take milliseconds (pairwise distances
 * over 25,000 accounts would be 3 x 10^8 pairs). This is grid-density clustering (the cell counts
 * of a quantised feature space, as in STING, Wang, Yang and Muntz, VLDB 1997, or CLIQUE, Agrawal
 * et al., SIGMOD 1998), cut to one level: a dense cell is a group of accounts that look alike.
 *
 * The bucket of an account: its signature wording, the 3-hour sector of its busiest window
 * (8 sectors), its volume band (floor of log2 of requests per active day, 0..15), its steps band
 * (quarters of its steps share) and its days band (quarters of its active share). An account
 * without a signature is never flagged: timing, volume and habits alone put too many honest users
 * together (a coordinated campaign shares its prompts' wording; honest people word things their
 * own way, except for a few popular phrasings, which is where the false positives come from).
 *
 * Shifted grids: a grid cuts a group that straddles a cell's edge in two (a campaign whose hours
 * start at 05:00 has accounts whose busiest window starts at 03:00, 04:00 or 05:00, across the
 * 03-05 / 06-08 sector edge). So the day is cut three times, shifted by 0, 1 and 2 hours
 * (SHIFTS), and an account is flagged when its bucket is dense in any of the three grids: the
 * one-dimensional form of averaged shifted histograms (Scott, Annals of Statistics 1985). The
 * other parts keep their edges (a volume band edge can still split a group: a campaign that
 * plans 15 and 16 requests a day per account falls in two bands).
 */
import { PEAK_WINDOW, type Fingerprints } from './fingerprint';

/** Sectors of the day (PEAK_WINDOW hours each). */
const SECTORS = 24 / PEAK_WINDOW;
/** Shifts of the sector grid, hours (0 .. PEAK_WINDOW - 1). */
export const SHIFTS = PEAK_WINDOW;
const VOLUME_BANDS = 16;
const QUARTERS = 4;

/** floor(log2(v)) for v >= 1, clipped to 0 .. VOLUME_BANDS - 1 (halvings: no engine log). */
export function volumeBand(perDay: number): number {
  let band = 0;
  let v = perDay;
  while (v >= 2 && band < VOLUME_BANDS - 1) {
    v /= 2;
    band++;
  }
  return band;
}

/** floor(share * 4), clipped to 0..3. */
function quarter(share: number): number {
  return Math.min(QUARTERS - 1, Math.floor(share * QUARTERS));
}

/**
 * The bucket of account `a` in the grid shifted by `shift` hours (a number: each part in its own
 * digits), or -1 when it cannot be flagged (no traffic or no signature wording).
 */
export function bucketOf(fp: Fingerprints, a: number, shift = 0): number {
  const signature = fp.signature[a]!;
  if (signature < 0 || fp.requests[a] === 0) return -1;
  const sector = Math.floor(((fp.peak[a]! + shift) % 24) / PEAK_WINDOW) % SECTORS;
  const parts = [
    sector,
    volumeBand(fp.perActiveDay[a]!),
    quarter(fp.stepsShare[a]!),
    quarter(fp.activeShare[a]!),
  ];
  const sizes = [SECTORS, VOLUME_BANDS, QUARTERS, QUARTERS];
  let key = signature;
  parts.forEach((part, i) => (key = key * sizes[i]! + part));
  return key;
}

export interface Groups {
  /** 1 for each account in a flagged bucket */
  flagged: Uint8Array;
  /** groups flagged: distinct buckets of the unshifted grid among the flagged accounts */
  groups: number;
}

/**
 * Flags every account whose bucket holds at least `minCluster` accounts in any of the SHIFTS
 * shifted grids (accounts already banned count: their traffic is still evidence of the group).
 * O(SHIFTS * accounts).
 * @param fp the fingerprints of all accounts (attacker and honest together: the owner cannot tell)
 * @param minCluster smallest group flagged (>= 2)
 */
export function flagGroups(fp: Fingerprints, minCluster: number): Groups {
  const flagged = new Uint8Array(fp.accounts);
  const buckets = new Float64Array(fp.accounts);
  for (let shift = 0; shift < SHIFTS; shift++) {
    const sizes = new Map<number, number>();
    for (let a = 0; a < fp.accounts; a++) {
      const key = bucketOf(fp, a, shift);
      buckets[a] = key;
      if (key >= 0) sizes.set(key, (sizes.get(key) ?? 0) + 1);
    }
    for (let a = 0; a < fp.accounts; a++) {
      const key = buckets[a]!;
      if (key >= 0 && sizes.get(key)! >= minCluster) flagged[a] = 1;
    }
  }
  const groups = new Set<number>();
  for (let a = 0; a < fp.accounts; a++) if (flagged[a]) groups.add(bucketOf(fp, a));
  return { flagged, groups: groups.size };
}
