/**
 * The live cost badge beside each defense: what it costs honest users in the latest result
 * (REFERENCE.md, "Defense cost"). Each defense declares the costs it moves (registry); the badge
 * shows the first: a defense that changes answers by its own share of the benign accuracy drop
 * (the core splits the drop along the API's order), the rate limit by the share of honest
 * accounts that hit the daily limit, detection by the share flagged.
 */
import type { Config } from '../../core/config';
import { DEFENSE_BY_ID } from '../../core/registry/meta';
import { HONEST_COST_WORDS } from '../../core/registry/costWords';
import type { DefenseId } from '../../core/registry/types';
import type { SimulationResult } from '../../core/types';
import { format } from 'd3-format';

/** A share as a percentage with at most one decimal: 0.03 -> "3%", 0.005 -> "0.5%". */
const percent = format('.1~%');

export type DefenseName = DefenseId;

export interface CostBadge {
  /** short text, e.g. "−1.2 pts accuracy" */
  text: string;
  /** off: defense off; pending: a newer run is computing; low/high: the size of the cost */
  tone: 'off' | 'pending' | 'low' | 'high';
  /** a sentence for screen readers and the tooltip */
  description: string;
}

/** Costs above these count as high (warning colour): 2 accuracy points, 5% at the limit, 2% flagged,
 * 5% of honest requests without the steps they wanted. */
export const HIGH_COST = {
  accuracyDrop: 0.02,
  hitLimit: 0.05,
  flagged: 0.02,
  stepsDenied: 0.05,
} as const;

/** The cost measurements depend on the defenses and on the honest population, not on the attack. */
function sameCostInputs(a: Config, b: Config): boolean {
  return (
    JSON.stringify([a.seed, a.scenario, a.victim, a.defense, a.benign]) ===
    JSON.stringify([b.seed, b.scenario, b.victim, b.defense, b.benign])
  );
}

/** "−1.2 pts" with a true minus sign; "0.0 pts" for no drop (one decimal below 10 points). */
export function formatPointsDrop(drop: number): string {
  const points = Math.max(0, drop * 100);
  const text = points >= 9.95 ? points.toFixed(0) : points.toFixed(1);
  return text === '0.0' ? '0.0 pts' : `\u2212${text} pts`;
}

/** The badge of one defense for the current config and the latest result. */
export function costBadge(
  defense: DefenseName,
  config: Config,
  result: SimulationResult | null,
): CostBadge {
  const meta = DEFENSE_BY_ID.get(defense);
  if (!meta || !meta.isOn(config))
    return { text: 'off', tone: 'off', description: 'This defense is off.' };
  if (!result || !sameCostInputs(result.config, config))
    return { text: 'measuring…', tone: 'pending', description: 'The lab is measuring its cost.' };
  const cost = result.defenseCost;
  switch (meta.costs[0]) {
    case 'accuracyDrop':
    case 'distortion': {
      // Each answer-changing defense shows its own share of the drop: label-only answers, for
      // instance, cost nothing.
      const own = cost.accuracyDropBy[defense] ?? 0;
      const drop = formatPointsDrop(own);
      return {
        text: `${drop} accuracy`,
        tone: own > HIGH_COST.accuracyDrop ? 'high' : 'low',
        description: `Honest users lose ${drop.replace('\u2212', '')} of top-1 accuracy to this defense.`,
      };
    }
    case 'benignBlocked':
      return {
        text: `${percent(cost.benignBlocked)} ${HONEST_COST_WORDS.benignBlocked.short}`,
        tone: cost.benignBlocked > HIGH_COST.hitLimit ? 'high' : 'low',
        description: `${percent(cost.benignBlocked)} of honest accounts hit the daily limit on at least one simulated day.`,
      };
    case 'stepsDenied': {
      const denied = cost.stepsDenied ?? 0;
      return {
        text: `${percent(denied)} ${HONEST_COST_WORDS.stepsDenied.short}`,
        tone: denied > HIGH_COST.stepsDenied ? 'high' : 'low',
        description: `${percent(denied)} of honest requests wanted to see the model's steps and did not get them.`,
      };
    }
    default:
      return {
        text: `${percent(cost.falsePositives)} honest users flagged`,
        tone: cost.falsePositives > HIGH_COST.flagged ? 'high' : 'low',
        description: `${percent(cost.falsePositives)} of honest accounts were flagged as attackers and banned.`,
      };
  }
}
