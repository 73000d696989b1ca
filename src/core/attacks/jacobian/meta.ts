/**
 * Jacobian-based dataset augmentation (Papernot et al. 2017, "Practical Black-Box Attacks"):
 * start from a small seed set S_0 of natural points; each round, label the new points through the
 * API, train the student F on everything labelled so far, then
 *   S_{r+1} = S_r  U  { x + lambda * sign( d F_{O(x)}(x) / d x ) : x in S_r }
 * where O(x) is the label the API gave x. The set doubles each round; the last round is cut to
 * the remaining budget. Points the API refused are not augmented (the attacker has no label).
 */
import type { AttackMeta } from '../../registry/types';

declare module '../../config/schema' {
  interface StrategyNames {
    jacobian: true;
  }
  interface AttackKnobs {
    /** jacobian: size of the natural seed set */
    seedSize: number;
    /** jacobian: augmentation step lambda, in input units */
    lambda: number;
  }
}

export const jacobianMeta: AttackMeta = {
  id: 'jacobian',
  name: 'Jacobian augmentation',
  summary:
    "A small natural seed set that doubles each round by stepping along the sign of the copy's gradient (Papernot et al. 2017).",
  uses: ['attack.poolShift'],
  fields: [
    {
      path: 'attack.seedSize',
      key: 'js',
      kind: 'int',
      min: 2,
      max: 1000,
      default: 16,
      label: 'Seed set',
      unit: 'points',
      help: 'Jacobian augmentation: natural points the attacker starts from; the set doubles each round.',
      control: { scale: 'log' },
    },
    {
      path: 'attack.lambda',
      key: 'jl',
      kind: 'number',
      min: 0.001,
      max: 1,
      default: 0.1,
      label: 'Step lambda',
      help: 'Jacobian augmentation: how far each new point steps along the sign of the gradient.',
      control: { scale: 'log' },
    },
  ],
  card: 'jacobian',
  kinds: ['planar'],
};
