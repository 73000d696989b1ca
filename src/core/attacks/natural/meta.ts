/**
 * Natural queries: the attacker labels its own unlabeled pool through the API (Knockoff Nets,
 * Orekondy et al. 2019). attack.poolShift moves that pool away from the victim's distribution.
 */
import type { AttackMeta } from '../../registry/types';

declare module '../../config/schema' {
  interface StrategyNames {
    natural: true;
  }
}

export const naturalMeta: AttackMeta = {
  id: 'natural',
  name: 'Natural data (Knockoff)',
  summary:
    "The attacker's own unlabeled data from the task's world, labelled through the API (Orekondy et al. 2019).",
  uses: ['attack.poolShift'],
  fields: [],
  card: 'natural',
  kinds: ['planar', 'credit'],
};
