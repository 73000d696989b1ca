/**
 * The seeded synthetic applicant population of the credit scenario: real-unit applicants drawn
 * from the two-factor model of features.ts, labelled by a hidden rule plus noise, and standardised
 * for the lender's model. Each part has its own forked stream (train, test, attacker pool), so
 * changing the attack never changes the victim's data.
 *
 * Labels (class order used throughout the credit scenario: 0 = refuse, 1 = approve):
 *   approve  iff  s(z) + noise * N(0, 1) > 0,
 *   s(z) = TRUTH_INTERCEPT + sum_i truth_i z_i - TRUTH_DTI_CLIFF * max(0, z_dti - 1)^2,
 * with z the applicant's latent values (features.ts). noise = 0 makes the rule deterministic.
 *
 * Standardisation: x_i = (v_i - mean_i) / sd_i with the training set's mean and sd (population
 * sd), the lender's preprocessing; the model, the API and every attack work on x. toReal maps x
 * back to real units for display.
 */
import { exp } from '../../math/portable';
import type { Rng } from '../../rng';
import type { Dataset, InputBox } from '../../types';
import {
  FEATURES,
  TRUTH_DTI_CLIFF,
  TRUTH_INTERCEPT,
  creditFeatures,
  type CreditFeature,
} from './features';

/** Index of debt-to-income in FEATURES (present for every feature count >= 2). */
const DTI = 1;
/** Half-width of the attacker's query box, in standard deviations. */
export const BOX_SDS = 3;

export interface Standardizer {
  /** per-feature mean of the training set, real units */
  mean: Float64Array;
  /** per-feature population sd of the training set, real units (1 where the sd is 0) */
  sd: Float64Array;
}

/** Applicants in real units, with their hidden score (for labelling and for tests). */
export interface Applicants {
  count: number;
  dims: number;
  /** row-major real-unit values, dims per applicant */
  real: Float64Array;
  /** s(z) of each applicant (before label noise) */
  truthScore: Float64Array;
}

export interface CreditPopulationOptions {
  /** feature count d, 2..20 */
  features: number;
  /** applicants in the lender's training set */
  trainSize: number;
  /** held-out applicants for accuracy and fidelity */
  testSize: number;
  /** sd of the label noise added to the hidden score */
  noise: number;
}

export interface CreditPopulation {
  features: readonly CreditFeature[];
  dims: number;
  standardizer: Standardizer;
  /** the lender's private training data, standardised, labels 0 refuse / 1 approve */
  train: Dataset;
  /** held-out applicants, standardised */
  test: Dataset;
  /** where random queries go: mean +- BOX_SDS sd per feature, clipped to the form's range, standardised */
  box: InputBox;
}

/** Real value of feature `feature` for latent value z (rounded to its step, clamped). */
export function realValue(feature: CreditFeature, z: number): number {
  const raw =
    feature.scale === 'log'
      ? feature.location * exp(feature.spread * z)
      : feature.location + feature.spread * z;
  const rounded = Math.round(raw / feature.step) * feature.step;
  return Math.min(feature.max, Math.max(feature.min, rounded));
}

/**
 * `count` applicants with the first `dims` features. Every applicant draws F1, F2 and all twenty
 * idiosyncratic terms whatever `dims` is, so applicant k is the same person for every d.
 */
export function drawApplicants(dims: number, count: number, rng: Rng): Applicants {
  const features = creditFeatures(dims);
  const real = new Float64Array(count * dims);
  const truthScore = new Float64Array(count);
  const latent = new Float64Array(FEATURES.length);
  const own = FEATURES.map((feature) =>
    Math.sqrt(1 - feature.stability * feature.stability - feature.stress * feature.stress),
  );
  for (let k = 0; k < count; k++) {
    const stability = rng.normal();
    const stress = rng.normal();
    for (let i = 0; i < FEATURES.length; i++) {
      const feature = FEATURES[i]!;
      latent[i] = feature.stability * stability + feature.stress * stress + own[i]! * rng.normal();
    }
    let score = TRUTH_INTERCEPT;
    for (let i = 0; i < dims; i++) {
      const z = latent[i]!;
      real[k * dims + i] = realValue(features[i]!, z);
      score += features[i]!.truth * z;
    }
    const over = Math.max(0, latent[DTI]! - 1);
    truthScore[k] = score - TRUTH_DTI_CLIFF * over * over;
  }
  return { count, dims, real, truthScore };
}

/** Labels 1 (approve) where truthScore + noise * N(0, 1) > 0, else 0 (refuse). */
export function labelApplicants(applicants: Applicants, noise: number, rng: Rng): Uint8Array {
  const labels = new Uint8Array(applicants.count);
  for (let k = 0; k < applicants.count; k++) {
    labels[k] = applicants.truthScore[k]! + noise * rng.normal() > 0 ? 1 : 0;
  }
  return labels;
}

/** Per-feature mean and population sd of `count` real-unit rows (sd 1 for a constant feature). */
export function fitStandardizer(real: Float64Array, count: number, dims: number): Standardizer {
  const mean = new Float64Array(dims);
  const sd = new Float64Array(dims);
  for (let k = 0; k < count; k++) for (let i = 0; i < dims; i++) mean[i]! += real[k * dims + i]!;
  for (let i = 0; i < dims; i++) mean[i]! /= count;
  for (let k = 0; k < count; k++) {
    for (let i = 0; i < dims; i++) {
      const d = real[k * dims + i]! - mean[i]!;
      sd[i]! += d * d;
    }
  }
  for (let i = 0; i < dims; i++) sd[i] = sd[i]! > 0 ? Math.sqrt(sd[i]! / count) : 1;
  return { mean, sd };
}

/** Standardised copy of real-unit rows: x_i = (v_i - mean_i) / sd_i. */
export function standardize(standardizer: Standardizer, real: ArrayLike<number>): Float64Array {
  const dims = standardizer.mean.length;
  const out = new Float64Array(real.length);
  for (let j = 0; j < real.length; j++) {
    const i = j % dims;
    out[j] = (real[j]! - standardizer.mean[i]!) / standardizer.sd[i]!;
  }
  return out;
}

/** Real-unit copy of standardised rows: v_i = mean_i + sd_i x_i (for display; not re-rounded). */
export function toReal(standardizer: Standardizer, standardized: ArrayLike<number>): Float64Array {
  const dims = standardizer.mean.length;
  const out = new Float64Array(standardized.length);
  for (let j = 0; j < standardized.length; j++) {
    const i = j % dims;
    out[j] = standardizer.mean[i]! + standardizer.sd[i]! * standardized[j]!;
  }
  return out;
}

function labelled(
  dims: number,
  count: number,
  noise: number,
  standardizer: Standardizer | null,
  rng: Rng,
): { dataset: Dataset; standardizer: Standardizer } {
  const applicants = drawApplicants(dims, count, rng.fork('applicants'));
  const labels = labelApplicants(applicants, noise, rng.fork('labels'));
  const scaler = standardizer ?? fitStandardizer(applicants.real, count, dims);
  const inputs = standardize(scaler, applicants.real);
  return { dataset: { dims, classes: 2, count, inputs, labels }, standardizer: scaler };
}

/** The whole population of one run: train and test sets, the standardizer and the query box. */
export function buildCreditPopulation(
  options: CreditPopulationOptions,
  rng: Rng,
): CreditPopulation {
  const { features: dims, trainSize, testSize, noise } = options;
  const features = creditFeatures(dims);
  const { dataset: train, standardizer } = labelled(
    dims,
    trainSize,
    noise,
    null,
    rng.fork('train'),
  );
  const { dataset: test } = labelled(dims, testSize, noise, standardizer, rng.fork('test'));
  const min: number[] = [];
  const max: number[] = [];
  for (let i = 0; i < dims; i++) {
    const { mean, sd } = standardizer;
    const lo = Math.max(features[i]!.min, mean[i]! - BOX_SDS * sd[i]!);
    const hi = Math.min(features[i]!.max, mean[i]! + BOX_SDS * sd[i]!);
    min.push((lo - mean[i]!) / sd[i]!);
    max.push((hi - mean[i]!) / sd[i]!);
  }
  return { features, dims, standardizer, train, test, box: { min, max } };
}

/**
 * The attacker's own applicants (Knockoff-style natural queries: people it knows, or a purchased
 * list), standardised with the lender's published form: fresh draws from the same population,
 * never the lender's training or test applicants.
 */
export function attackerApplicants(
  population: CreditPopulation,
  count: number,
  rng: Rng,
): Float64Array {
  const applicants = drawApplicants(population.dims, count, rng);
  return standardize(population.standardizer, applicants.real);
}
