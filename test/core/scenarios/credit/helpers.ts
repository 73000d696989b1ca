/** Shared fixtures for the credit tests: small worlds, cached by the settings they depend on. */
import type { OutputOptions } from '../../../../src/core/defenses/output/perturb';
import {
  buildCreditWorld,
  creditRunDefaults,
  runCreditAttack,
  type CreditRunOptions,
  type CreditRunResult,
  type CreditWorld,
} from '../../../../src/core/scenarios/credit/experiment';

export interface RunPatch extends Partial<Omit<CreditRunOptions, 'output' | 'attack' | 'victim'>> {
  output?: Partial<OutputOptions>;
  attack?: Partial<CreditRunOptions['attack']>;
  victim?: Partial<CreditRunOptions['victim']>;
}

/** Run options: the defaults with smaller populations (1,000 + 1,000) and `patch` applied. */
export function runOptions(patch: RunPatch = {}): CreditRunOptions {
  const base = creditRunDefaults();
  return {
    ...base,
    trainSize: 1000,
    testSize: 1000,
    ...patch,
    output: { ...base.output, ...patch.output },
    attack: { ...base.attack, ...patch.attack },
    victim: { ...base.victim, ...patch.victim },
  };
}

const worlds = new Map<string, CreditWorld>();

/** The world of these options, built once per (seed, population, victim). */
export function worldFor(options: CreditRunOptions): CreditWorld {
  const key = JSON.stringify([
    options.seed,
    options.features,
    options.trainSize,
    options.testSize,
    options.noise,
    options.victim,
  ]);
  let world = worlds.get(key);
  if (!world) {
    world = buildCreditWorld(options);
    worlds.set(key, world);
  }
  return world;
}

/** Runs `patch` against its (cached) world. */
export function run(patch: RunPatch = {}): CreditRunResult {
  const options = runOptions(patch);
  return runCreditAttack(worldFor(options), options);
}
