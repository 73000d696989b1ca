/**
 * The credit kind at run time (issue 11): a lender's model scores applicants and its API returns
 * the approval probability (and, with defense.output.explanations, the attributions of each
 * decision). ./run.ts does one run through the shared machinery; ./world.ts builds and caches the
 * population and the victim. The algorithm layer (population, models, attacks, metrics) is in the
 * other modules of this folder, each with its paper.
 */
import { setPath } from '../../config/paths';
import type { ScenarioRuntime } from '../contract';
import { CREDIT_MODELS, creditMeta } from './meta';
import { simulateCredit } from './run';
import { creditVictimKey, obtainCreditWorld } from './world';

export const credit: ScenarioRuntime = {
  id: 'credit',
  meta: creditMeta,
  simulate: simulateCredit,
  prepareVictim: (config, cache) => void obtainCreditWorld(config, cache),
  victimKey: creditVictimKey,
  neighbours: (config) =>
    CREDIT_MODELS.filter((m) => m !== config.victim.model).map((m) =>
      setPath(config, 'victim.model', m),
    ),
};
