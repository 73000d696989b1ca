/**
 * A credit run without the shared gate, for the algorithm-level tests of the credit attacks only
 * (test/core/scenarios/credit/attacks*.test.ts): population, victim, a direct API (context.ts)
 * and one attack, measured by metrics.ts. It reaches budgets below the config's minimum (one
 * query, d + 1 = 3) that those tests need. Everything else runs through the kind's simulate():
 * the page, the CLI, `npm run bench` and the closing table (./table.ts, scripts/credit-table.ts).
 * It runs the kind's own three attacks (./attacks); random and natural are tested through simulate().
 *
 * Random streams, all forked from the seed so that, e.g., the attack never changes the victim:
 * population (applicants and labels), victim (MLP initialisation and batches), pool (the
 * attacker's applicants), attacker (its own choices), serve (the API's output noise).
 */
import { defaultConfig } from '../../config';
import type { OutputOptions } from '../../defenses/output/perturb';
import { createRng } from '../../rng';
import {
  CREDIT_ATTACKS,
  type CreditAttackOptions,
  type CreditAttackOutcome,
  type CreditStrategy,
} from './attacks';
import { CREDIT_ATTACK_DEFAULTS } from './attacks/types';
import { createDirectContext } from './context';
import { DEFAULT_FEATURES } from './features';
import { creditMetrics, type CreditMetrics } from './metrics';
import { attackerApplicants, buildCreditPopulation, type CreditPopulation } from './population';
import {
  CREDIT_VICTIM_DEFAULTS,
  buildCreditVictim,
  type CreditVictim,
  type CreditVictimOptions,
} from './victim';

export interface CreditRunOptions {
  seed: number;
  /** feature count d, 2..20 */
  features: number;
  trainSize: number;
  testSize: number;
  /** sd of the label noise of the hidden rule */
  noise: number;
  victim: CreditVictimOptions;
  strategy: CreditStrategy;
  /** query budget */
  queries: number;
  attack: CreditAttackOptions;
  output: OutputOptions;
  /** whether answers carry feature attributions (defense.output.explanations) */
  explanations: boolean;
}

/** The defaults of a credit run (the issue's: d = 8, logistic victim, full scores). */
export function creditRunDefaults(): CreditRunOptions {
  return {
    seed: 1,
    features: DEFAULT_FEATURES,
    trainSize: 2000,
    testSize: 2000,
    noise: 0.5,
    victim: { ...CREDIT_VICTIM_DEFAULTS, hidden: [...CREDIT_VICTIM_DEFAULTS.hidden] },
    strategy: 'equationSolving',
    queries: 100,
    attack: { ...CREDIT_ATTACK_DEFAULTS },
    output: { ...defaultConfig().defense.output, mode: 'probabilities' },
    explanations: false,
  };
}

/** The part of a run that does not depend on the attack or the API (cache it across runs). */
export interface CreditWorld {
  population: CreditPopulation;
  victim: CreditVictim;
}

export function buildCreditWorld(options: CreditRunOptions): CreditWorld {
  const root = createRng(options.seed);
  const population = buildCreditPopulation(options, root.fork('population'));
  const victim = buildCreditVictim(population, options.victim, root.fork('victim'));
  return { population, victim };
}

export interface CreditRunResult extends CreditMetrics {
  queriesAnswered: number;
  outcome: CreditAttackOutcome;
}

/** Runs the configured attack against `world` and measures the stolen model on the test set. */
export function runCreditAttack(world: CreditWorld, options: CreditRunOptions): CreditRunResult {
  const root = createRng(options.seed);
  const poolRng = root.fork('pool');
  const ctx = createDirectContext({
    victim: world.victim.model,
    box: world.population.box,
    output: options.output,
    explanations: options.explanations,
    budget: options.queries,
    attackerRng: root.fork('attacker'),
    serveRng: root.fork('serve'),
    pool: (count) => attackerApplicants(world.population, count, poolRng),
  });
  const outcome = CREDIT_ATTACKS[options.strategy](ctx, options.attack);
  const metrics = creditMetrics(
    world.victim.model,
    world.victim.linear,
    outcome.student,
    outcome.linear,
    outcome.upToScale,
    world.population.test,
  );
  return { ...metrics, queriesAnswered: ctx.answered(), outcome };
}

/** A whole run from options alone. */
export function runCredit(options: CreditRunOptions): CreditRunResult {
  return runCreditAttack(buildCreditWorld(options), options);
}
