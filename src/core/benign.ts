/**
 * What the defenses cost honest users (REFERENCE.md "Defense cost"), measured on simulated benign
 * traffic from the task's own distribution:
 *   - benign accuracy drop: top-1 accuracy of the clean answers minus that of the served answers;
 *   - output distortion: mean L1 distance between the clean and the served probability vectors;
 *   - benign users blocked: share of honest accounts whose daily volume ever exceeds the limit;
 *   - false positives: share of honest accounts the detector flags.
 * Daily volumes are log-normal (median and spread from the config) for every honest account.
 * Answer quality is measured on a sample of BENIGN_SAMPLE_QUERIES queries, and detection on the
 * complete traffic of the first BENIGN_DETECTION_ACCOUNTS accounts (capped at SW's n = 5000),
 * which keeps a run fast; both sizes are reported by the result's text in the page.
 */
import { PredictionApi } from './api';
import type { Config } from './config';
import { generatePlanar } from './data/planar';
import type { PlanarScenario } from './data/scenario';
import { argmax } from './defenses/outputPerturbation';
import { PradaDetector } from './defenses/prada';
import { predictLabels } from './models/evaluate';
import { benignDailyVolumes, shareBlocked } from './defenses/rateLimit';
import { permutation, type Rng } from './rng';
import type { Classifier, DefenseCost, WSeries } from './types';

/** Honest queries used to measure answer quality (accuracy drop, distortion). */
export const BENIGN_SAMPLE_QUERIES = 1000;
/** Honest accounts whose whole traffic goes through the detector. */
export const BENIGN_DETECTION_ACCOUNTS = 32;
/** Most queries of one honest account fed to the detector (Shapiro-Wilk's upper limit). */
export const BENIGN_DETECTION_CAP = 5000;

export interface BenignReport {
  cost: DefenseCost;
  detection: { flagged: number; tested: number; series: WSeries } | null;
}

export function measureBenignCost(
  config: Config,
  scenario: PlanarScenario,
  victim: Classifier,
  watermarkKey: number,
  rng: Rng,
): BenignReport {
  const { defense, benign } = config;
  const { classes } = scenario;
  const volumes = benignDailyVolumes(
    rng.fork('volumes'),
    benign.accounts,
    benign.days,
    benign.medianPerDay,
    benign.spread,
  );
  const benignBlocked = defense.rateLimit.on ? shareBlocked(volumes, defense.rateLimit.perDay) : 0;

  // Answer quality on a sample of honest queries (no refusals: those are counted above).
  const sample = generatePlanar(
    config.scenario.dataset,
    BENIGN_SAMPLE_QUERIES,
    { noise: config.scenario.noise },
    rng.fork('sample'),
  );
  const api = new PredictionApi(victim, {
    defense: { ...defense, rateLimit: { ...defense.rateLimit, on: false } },
    watermarkKey,
    rng: rng.fork('api'),
    detector: null,
  });
  const served = new Float64Array(classes);
  let cleanCorrect = 0;
  let markedCorrect = 0;
  let servedCorrect = 0;
  let distortion = 0;
  for (let i = 0; i < sample.count; i++) {
    api.query(i % benign.accounts, 0, sample.inputs, i, served, 0);
    const clean = api.log.clean.subarray(i * classes, i * classes + classes);
    const cleanLabel = argmax(clean);
    // The answer after the watermark (step 4 of the API) and before output perturbation (step 5).
    const planted = api.log.planted[i]!;
    if (cleanLabel === sample.labels[i]) cleanCorrect++;
    if ((planted >= 0 ? planted : cleanLabel) === sample.labels[i]) markedCorrect++;
    if (argmax(served) === sample.labels[i]) servedCorrect++;
    for (let c = 0; c < classes; c++) distortion += Math.abs(clean[c]! - served[c]!);
  }

  const detection = defense.detection.on
    ? runBenignDetection(config, scenario, victim, volumes, rng.fork('detection'))
    : null;
  const sampled = Math.min(benign.accounts, BENIGN_DETECTION_ACCOUNTS);
  return {
    cost: {
      benignAccuracyDrop: (cleanCorrect - servedCorrect) / sample.count,
      // The same drop split along the API's order: the watermark first, then output perturbation.
      accuracyDropBy: {
        watermark: (cleanCorrect - markedCorrect) / sample.count,
        output: (markedCorrect - servedCorrect) / sample.count,
      },
      distortion: distortion / sample.count,
      benignBlocked,
      falsePositives: detection ? detection.flagged / sampled : 0,
    },
    detection,
  };
}

/** Honest accounts' full traffic through a PRADA detector of the owner's settings. */
function runBenignDetection(
  config: Config,
  scenario: PlanarScenario,
  victim: Classifier,
  volumes: number[][],
  rng: Rng,
): { flagged: number; tested: number; series: WSeries } {
  const { detection } = config.defense;
  const accounts = Math.min(volumes.length, BENIGN_DETECTION_ACCOUNTS);
  const totals = volumes.slice(0, accounts).map((days) =>
    Math.min(
      BENIGN_DETECTION_CAP,
      days.reduce((a, b) => a + b, 0),
    ),
  );
  // Chart the busiest sampled account: the one most likely to be tested often.
  const busiest = totals.reduce((best, total, a) => (total > totals[best]! ? a : best), 0);
  const dims = scenario.train.dims;
  const detector = new PradaDetector({
    delta: detection.delta,
    minQueries: detection.minQueries,
    dims,
    recordAccounts: [busiest],
  });
  let flagged = 0;
  let tested = 0;
  for (let a = 0; a < accounts; a++) {
    const total = totals[a]!;
    const queries = generatePlanar(
      config.scenario.dataset,
      total,
      { noise: config.scenario.noise },
      rng.fork(`account:${a}`),
    );
    // The victim labels the account's queries in one batch; PRADA sees them in a random order.
    const labels = predictLabels(victim, queries.inputs, total);
    const order = permutation(rng.fork(`order:${a}`), total);
    for (const row of order) {
      detector.observe(a, queries.inputs, row * dims, labels[row]!);
      if (detector.isFlagged(a)) break;
    }
    if (detector.isFlagged(a)) flagged++;
    if (total >= detection.minQueries) tested++;
  }
  return {
    flagged,
    tested,
    series: detector.series(busiest) ?? { queries: [], w: [], alarmAt: null },
  };
}
