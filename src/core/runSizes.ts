/**
 * The fixed sizes of a run: how many learning-curve points, honest queries, detector accounts and
 * sweep seeds. They live in this leaf module (it imports nothing) so the page's run-cost estimate
 * (./runCost.ts, used by the watchdog on the main thread) reads them without loading the
 * simulation; the modules that use them re-export them under the same names.
 */

/** Learning-curve points per run: one after each tenth of the budget. */
export const CURVE_POINTS = 10;
/** Fewest optimiser steps in one fit, so a small early set still gets trained. */
export const MIN_FIT_STEPS = 30;
/** Mini-batch size of the student's Adam optimiser. */
export const STUDENT_BATCH = 32;
/** Honest queries used to measure answer quality (accuracy drop, distortion). */
export const BENIGN_SAMPLE_QUERIES = 1000;
/** Honest accounts whose whole traffic goes through the detector. */
export const BENIGN_DETECTION_ACCOUNTS = 32;
/** Most queries of one honest account fed to the detector (Shapiro-Wilk's upper limit). */
export const BENIGN_DETECTION_CAP = 5000;
/** Seeds used when none are given: the config's seed and the next two. */
export const DEFAULT_SWEEP_SEEDS = 3;
