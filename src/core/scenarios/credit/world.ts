/**
 * The part of a credit run that no attack or defense changes: the applicant population and the
 * lender's trained model, built from the seed, the feature count and the victim model only, and
 * cached under victimKey (the worker and sweeps keep one cache across runs).
 */
import type { Config } from '../../config/schema';
import { createRng } from '../../rng';
import { buildCreditPopulation, type CreditPopulation } from './population';
import { buildCreditVictim, CREDIT_VICTIM_DEFAULTS, type CreditVictim } from './victim';

/** Applicants in the lender's private training set. */
export const CREDIT_TRAIN_SIZE = 2000;
/** Held-out applicants for accuracy, fidelity and scoreError. */
export const CREDIT_TEST_SIZE = 2000;
/** sd of the label noise of the hidden rule (population.ts): approvals are not a clean rule. */
export const CREDIT_LABEL_NOISE = 0.5;

export interface CreditWorld {
  population: CreditPopulation;
  victim: CreditVictim;
  /** the label noise the population was drawn with (honest applicants use the same) */
  noise: number;
}

/** The cache key of the world a config builds. */
export function creditVictimKey(config: Config): string {
  return `credit|${config.seed}|${config.scenario.features}|${config.victim.model}`;
}

/** Builds the world of `config` (streams 'population' and 'victim' of the seed). */
export function buildWorld(config: Config): CreditWorld {
  const root = createRng(config.seed);
  const population = buildCreditPopulation(
    {
      features: config.scenario.features,
      trainSize: CREDIT_TRAIN_SIZE,
      testSize: CREDIT_TEST_SIZE,
      noise: CREDIT_LABEL_NOISE,
    },
    root.fork('population'),
  );
  const victim = buildCreditVictim(
    population,
    { ...CREDIT_VICTIM_DEFAULTS, model: config.victim.model },
    root.fork('victim'),
  );
  return { population, victim, noise: CREDIT_LABEL_NOISE };
}

/** The world of `config`, from `cache` when it holds it (and stored there when built). */
export function obtainCreditWorld(config: Config, cache?: Map<string, unknown>): CreditWorld {
  const key = creditVictimKey(config);
  const cached = cache?.get(key) as CreditWorld | undefined;
  if (cached) return cached;
  const world = buildWorld(config);
  cache?.set(key, world);
  return world;
}
