/**
 * Active learning by uncertainty sampling (ActiveThief, Pal et al. 2020; Chandrasekaran et al.
 * 2020): a first batch from the attacker's pool at random, then in each round the candidates on
 * which the current student is least sure, i.e. with the smallest margin p(1st) - p(2nd), are
 * queried and the student is retrained. The budget is split evenly over attack.rounds rounds.
 */
import type { AttackMeta } from '../../registry/types';

declare module '../../config/schema' {
  interface StrategyNames {
    active: true;
  }
  interface AttackKnobs {
    /** active learning: rounds of uncertainty sampling */
    rounds: number;
  }
}

/** Candidate pool size per query of budget (the attacker's unlabeled data it can choose from). */
export const ACTIVE_POOL_FACTOR = 4;

export const activeMeta: AttackMeta = {
  id: 'active',
  name: 'Active learning',
  summary:
    'Rounds of uncertainty sampling: ask about the points the copy is least sure of (Pal et al. 2020).',
  uses: ['attack.poolShift'],
  fields: [
    {
      path: 'attack.rounds',
      key: 'ar',
      kind: 'int',
      min: 1,
      max: 20,
      default: 5,
      label: 'Active rounds',
      help: 'Active learning: query, retrain and pick the most uncertain points again, this many times.',
    },
  ],
  card: 'active',
  kinds: ['planar'],
};
