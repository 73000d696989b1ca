/**
 * Number formats the charts and the ledger share, so the same quantity reads the same everywhere:
 * shares as percentages, p-values in scientific notation when small, dollars, counts with thousands
 * separators, accuracy drops in points.
 */
import { format } from 'd3-format';

const integer = format(',d');
const compact = format('~s');
const dollars = format('$,.2f');
const bigDollars = format('$,.0f');
const scientific = format('.1~e');
const twoSignificant = format('.2~r');

/** A share in [0, 1] as a percentage: 0.963 -> "96%", with digits 1 -> "96.3%". */
export function formatPercent(share: number, digits = 0): string {
  if (!Number.isFinite(share)) return '–';
  return format(`.${digits}%`)(share);
}

/**
 * A p-value: "p = 0.042" at or above 0.001, "p = 3.2e-9" below (two significant digits), and
 * "p < 1e-300" when it underflowed to 0 (a binomial tail can be smaller than a double).
 */
export function formatPValue(p: number): string {
  if (!Number.isFinite(p) || p < 0) return 'p = –';
  if (p === 0) return 'p < 1e-300';
  if (p >= 0.001) return `p = ${twoSignificant(p)}`;
  return `p = ${scientific(p)}`;
}

/** Dollars: "$0.50", "$2.00", and no cents from $1,000 up ("$12,345"). */
export function formatUSD(amount: number): string {
  if (!Number.isFinite(amount)) return '–';
  return Math.abs(amount) >= 1000 ? bigDollars(amount) : dollars(amount);
}

/** A count with thousands separators: 10000 -> "10,000". */
export function formatCount(count: number): string {
  if (!Number.isFinite(count)) return '–';
  return integer(Math.round(count));
}

/** A count for an axis tick: 1000 -> "1k", 2500 -> "2.5k", 10 -> "10" (below 1: plain decimals). */
export function formatCompact(count: number): string {
  if (!Number.isFinite(count)) return '–';
  return Math.abs(count) < 1 ? formatNumber(count, 2) : compact(count);
}

/**
 * An accuracy drop given as a share (0.012) in percentage points: "1.2 points". One decimal below
 * 10 points, kept even when it is zero ("0.0 points", "1.0 points"), so a small drop never reads as
 * an exact integer; none from 10 points up ("12 points").
 */
export function formatPoints(drop: number): string {
  if (!Number.isFinite(drop)) return '–';
  const points = drop * 100;
  const text = Math.abs(points) >= 9.95 ? points.toFixed(0) : points.toFixed(1);
  const clean = /^-0(\.0)?$/.test(text) ? text.slice(1) : text;
  return `${clean} points`;
}

/** A mean L1 distance between probability vectors (0..2): three decimals. */
export function formatDistortion(l1: number): string {
  if (!Number.isFinite(l1)) return '–';
  return l1.toFixed(3);
}

/** A plain number with at most `digits` decimals, trailing zeros dropped: 0.90 -> "0.9". */
export function formatNumber(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return '–';
  return format(`.${digits}~f`)(value);
}

/**
 * Decimals a tick label needs so that ticks `step` apart read differently: 0.2 -> 1, 0.002 -> 3,
 * 5 -> 0 (d3-format's precisionFixed, for the steps d3's ticks take: 1, 2 or 5 times a power of 10).
 */
export function stepDecimals(step: number): number {
  if (!(step > 0) || !Number.isFinite(step)) return 0;
  return Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
}
