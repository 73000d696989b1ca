/**
 * The applicant features of the credit scenario: twenty named features with their units,
 * realistic ranges, how they are drawn and correlated, and their part in the hidden rule that
 * decides who repays. A run with d features uses the first d rows of FEATURES (the eight
 * first, in its order), so every feature count is a prefix of the same population.
 *
 * Correlations: each applicant has two latent factors, F1 "financial stability" and F2 "credit
 * stress", both N(0, 1), and feature i's latent value is
 *   z_i = a_i F1 + b_i F2 + sqrt(1 - a_i^2 - b_i^2) e_i,   e_i ~ N(0, 1) independent,
 * so corr(z_i, z_j) = a_i a_j + b_i b_j (i != j) and var(z_i) = 1. This is a two-factor model: its
 * correlation matrix C = L L^T + diag(1 - a_i^2 - b_i^2) is positive definite by construction for
 * any prefix of features, and 40 loadings with a meaning (income loads on stability, late
 * payments on stress) are easier to check than a hand-written 20 x 20 matrix and its Cholesky factor.
 *
 * Real values: `linear` features are location + spread * z, `log` features are
 * location * e^(spread z) (log-normal: income, amounts), then rounded to `step` and clamped to
 * [min, max]. Count features with a small location (late payments, collections) thus have a mass
 * at 0, as real bureau data do. Locations and spreads are plausible values chosen for teaching,
 * not statistics of any real population.
 */

export interface CreditFeature {
  /** identifier (camelCase), stable across versions */
  key: string;
  /** what an applicant reads on the form */
  label: string;
  /** unit of the real value */
  unit: string;
  /** how z maps to the real value (see the file header) */
  scale: 'linear' | 'log';
  /** mean (linear) or median (log) of the real value before rounding and clamping */
  location: number;
  /** sd (linear) or sd of the natural log (log) */
  spread: number;
  min: number;
  max: number;
  /** rounding step of the real value (1 for counts and whole years) */
  step: number;
  /** loading on F1, financial stability */
  stability: number;
  /** loading on F2, credit stress */
  stress: number;
  /**
   * weight of z_i in the hidden rule's score (positive: helps approval); the truth acts on the
   * latent value, so what the lender observes (rounded, clamped) is a noisy view of it
   */
  truth: number;
}

const f = (
  key: string,
  label: string,
  unit: string,
  scale: 'linear' | 'log',
  [location, spread]: [number, number],
  [min, max, step]: [number, number, number],
  [stability, stress]: [number, number],
  truth: number,
): CreditFeature => ({
  key,
  label,
  unit,
  scale,
  location,
  spread,
  min,
  max,
  step,
  stability,
  stress,
  truth,
});

/** The twenty features, most important first (a run with d features uses the first d). */
// prettier-ignore
export const FEATURES: readonly CreditFeature[] = [
  f('income', 'Annual income', 'k€/year', 'log', [38, 0.5], [8, 250, 1], [0.6, -0.2], 0.8),
  f('debtToIncome', 'Debt-to-income ratio', '%', 'linear', [32, 12], [0, 80, 1], [-0.2, 0.6], -0.9),
  f('yearsEmployed', 'Years employed', 'years', 'linear', [7, 6], [0, 45, 1], [0.6, -0.1], 0.5),
  f('latePayments', 'Late payments (2 years)', 'count', 'linear', [0.2, 1.5], [0, 12, 1], [-0.2, 0.6], -0.8),
  f('openCreditLines', 'Open credit lines', 'count', 'linear', [5, 3], [0, 25, 1], [0.3, 0.3], 0.1),
  f('oldestAccountYears', 'Age of oldest account', 'years', 'linear', [11, 7], [0, 50, 1], [0.7, 0], 0.4),
  f('recentInquiries', 'Credit inquiries (6 months)', 'count', 'linear', [0.5, 1.6], [0, 10, 1], [-0.1, 0.5], -0.5),
  f('loanAmount', 'Loan amount', 'k€', 'log', [12, 0.6], [1, 100, 0.5], [0.3, 0.2], -0.4),
  f('creditUtilisation', 'Credit utilisation', '%', 'linear', [35, 22], [0, 100, 1], [-0.2, 0.6], -0.5),
  f('age', 'Age', 'years', 'linear', [42, 13], [18, 85, 1], [0.6, -0.1], 0.1),
  f('savings', 'Savings', 'k€', 'log', [6, 1], [0, 500, 0.1], [0.6, -0.3], 0.4),
  f('monthsAtAddress', 'Time at current address', 'months', 'log', [40, 0.8], [0, 480, 1], [0.5, -0.1], 0.2),
  f('dependants', 'Dependants', 'count', 'linear', [0.8, 1.2], [0, 6, 1], [0.2, 0.1], -0.1),
  f('housingCost', 'Monthly housing cost', '€/month', 'log', [800, 0.4], [0, 4000, 10], [0.3, 0.3], -0.2),
  f('otherLoans', 'Other active loans', 'count', 'linear', [1, 1.3], [0, 10, 1], [0, 0.5], -0.3),
  f('loanTermMonths', 'Loan term', 'months', 'linear', [48, 18], [6, 120, 6], [0, 0.2], -0.2),
  f('collections', 'Accounts in collections', 'count', 'linear', [-1, 1.2], [0, 8, 1], [-0.1, 0.6], -0.6),
  f('overdraftDays', 'Days overdrawn (last year)', 'days', 'linear', [2, 12], [0, 365, 1], [-0.2, 0.5], -0.3),
  f('homeOwner', 'Home owner', 'yes = 1', 'linear', [0.45, 0.5], [0, 1, 1], [0.5, 0], 0.3),
  f('bankruptcies', 'Past bankruptcies', 'count', 'linear', [-1.5, 1], [0, 3, 1], [-0.1, 0.4], -0.5),
];

/** Fewest and most features a credit run may use (the range). */
export const MIN_FEATURES = 2;
export const MAX_FEATURES = FEATURES.length;
/** The default feature count. */
export const DEFAULT_FEATURES = 8;

/**
 * The hidden rule's intercept and its one non-linear term: applicants whose latent
 * debt-to-income is more than one sd above the mean lose CLIFF * (z_dti - 1)^2 more, a cliff
 * that a logistic model can only approximate (so an MLP victim differs from a linear one).
 */
export const TRUTH_INTERCEPT = 0.3;
export const TRUTH_DTI_CLIFF = 0.6;

/** The first `count` features; throws a RangeError naming the allowed range otherwise. */
export function creditFeatures(count: number): readonly CreditFeature[] {
  if (!Number.isInteger(count) || count < MIN_FEATURES || count > MAX_FEATURES) {
    throw new RangeError(
      `scenario.features must be a whole number from ${MIN_FEATURES} to ${MAX_FEATURES}, got ${count}`,
    );
  }
  return FEATURES.slice(0, count);
}
