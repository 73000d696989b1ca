/**
 * The cluster picture: account fingerprints (./fingerprint.ts) as points in the plane of their
 * first two principal components (Pearson 1901; Hotelling 1933). Each account is the vector
 *   v = (shared share, steps share, c cos(phi), c sin(phi), log2(requests per active day), active share)
 * with c its concentration and phi the angle of the middle of its busiest window on the 24-hour
 * clock (so 23:00 sits next to 01:00). Each feature is standardised over the accounts that sent
 * anything (z = (v - mean) / sd; sd 0 -> 1), their 6 x 6 covariance is decomposed by the Jacobi
 * method (../../math/jacobi.ts), and every account is projected on the two leading eigenvectors.
 * The covariance costs O(accounts * 36); the page gets a sample of at most MAX_POINTS_EACH
 * attacker and MAX_POINTS_EACH honest accounts (evenly spaced by account number), so a result for
 * 100,000 accounts stays a few kilobytes. Each eigenvector's sign is fixed (its largest entry
 * positive) so that the picture is the same in every engine.
 */
import { cos, log, sin } from '../../math/portable';
import { symmetricEigen } from '../../math/jacobi';
import type { CampaignProjection } from './report';
import { HOURS, PEAK_WINDOW, type Fingerprints } from './fingerprint';

/** Most accounts of each side the picture shows. */
export const MAX_POINTS_EACH = 150;
/** Features per account. */
export const FEATURES = 6;
const LN2 = 0.6931471805599453;

/** The feature vector of account `a` (see the header) into out[0..FEATURES). */
export function featureVector(fp: Fingerprints, a: number, out: Float64Array): void {
  const angle = (2 * Math.PI * (fp.peak[a]! + PEAK_WINDOW / 2)) / HOURS;
  const c = fp.concentration[a]!;
  out[0] = fp.sharedShare[a]!;
  out[1] = fp.stepsShare[a]!;
  out[2] = c * cos(angle);
  out[3] = c * sin(angle);
  out[4] = log(Math.max(1, fp.perActiveDay[a]!)) / LN2;
  out[5] = fp.activeShare[a]!;
}

/** Evenly spaced picks of at most `most` of `items` (all of them when fewer). */
function spaced(items: readonly number[], most: number): number[] {
  if (items.length <= most) return [...items];
  return Array.from({ length: most }, (_, i) => items[Math.floor((i * items.length) / most)]!);
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;

/**
 * The projection of a sample of accounts (see the header).
 * @param fp every account's fingerprint
 * @param isAttacker whether account a is the attacker's (for the colours only)
 * @param flagged 1 for each flagged account
 */
export function projectFingerprints(
  fp: Fingerprints,
  isAttacker: (a: number) => boolean,
  flagged: Uint8Array,
): CampaignProjection {
  const active: number[] = [];
  for (let a = 0; a < fp.accounts; a++) if (fp.requests[a]! > 0) active.push(a);
  const n = active.length;
  const rows = new Float64Array(n * FEATURES);
  const row = new Float64Array(FEATURES);
  active.forEach((a, i) => {
    featureVector(fp, a, row);
    rows.set(row, i * FEATURES);
  });
  const mean = new Float64Array(FEATURES);
  const sd = new Float64Array(FEATURES);
  for (let i = 0; i < n; i++)
    for (let f = 0; f < FEATURES; f++) mean[f]! += rows[i * FEATURES + f]!;
  for (let f = 0; f < FEATURES; f++) mean[f] = n > 0 ? mean[f]! / n : 0;
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < FEATURES; f++) {
      const d = rows[i * FEATURES + f]! - mean[f]!;
      sd[f]! += d * d;
    }
  }
  for (let f = 0; f < FEATURES; f++) sd[f] = n > 1 && sd[f]! > 0 ? Math.sqrt(sd[f]! / (n - 1)) : 1;
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < FEATURES; f++) {
      rows[i * FEATURES + f] = (rows[i * FEATURES + f]! - mean[f]!) / sd[f]!;
    }
  }
  const cov = new Float64Array(FEATURES * FEATURES);
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < FEATURES; p++) {
      const x = rows[i * FEATURES + p]!;
      for (let q = p; q < FEATURES; q++) cov[p * FEATURES + q]! += x * rows[i * FEATURES + q]!;
    }
  }
  for (let p = 0; p < FEATURES; p++) {
    for (let q = p; q < FEATURES; q++) {
      cov[p * FEATURES + q] = cov[q * FEATURES + p] = n > 1 ? cov[p * FEATURES + q]! / (n - 1) : 0;
    }
  }
  const { values, vectors } = symmetricEigen(cov, FEATURES);
  const axis = (k: number) => {
    const v = Array.from({ length: FEATURES }, (_, f) => vectors[f * FEATURES + k]!);
    const largest = v.reduce((best, x) => (Math.abs(x) > Math.abs(best) ? x : best), 0);
    return largest < 0 ? v.map((x) => -x) : v;
  };
  const first = axis(0);
  const second = axis(1);
  const total = values.reduce((s, v) => s + Math.max(0, v), 0);
  const attackers = active.filter((a) => isAttacker(a));
  const honest = active.filter((a) => !isAttacker(a));
  const index = new Map(active.map((a, i) => [a, i]));
  const picks = [...spaced(attackers, MAX_POINTS_EACH), ...spaced(honest, MAX_POINTS_EACH)];
  const dot = (i: number, axisVector: number[]) =>
    axisVector.reduce((s, w, f) => s + w * rows[i * FEATURES + f]!, 0);
  return {
    x: picks.map((a) => round3(dot(index.get(a)!, first))),
    y: picks.map((a) => round3(dot(index.get(a)!, second))),
    attacker: picks.map((a) => (isAttacker(a) ? 1 : 0)),
    flagged: picks.map((a) => flagged[a]!),
    explained: [
      total > 0 ? round3(Math.max(0, values[0]!) / total) : 0,
      total > 0 ? round3(Math.max(0, values[1]!) / total) : 0,
    ],
    attackerAccounts: attackers.length,
    honestAccounts: honest.length,
  };
}
