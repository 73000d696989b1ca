/**
 * Random queries: uniform points over the input box, no knowledge of the task's data
 * (Tramer et al. 2016; the "non-task data" case of Correia-Silva et al. 2018, Copycat CNN).
 */
import type { AttackMeta } from '../../registry/types';

declare module '../../config/schema' {
  interface StrategyNames {
    random: true;
  }
}

export const randomMeta: AttackMeta = {
  id: 'random',
  name: 'Random points',
  summary:
    'Uniform points over the whole input box, with no knowledge of the task (Tramer et al. 2016).',
  uses: [],
  fields: [],
  card: 'random',
  kinds: ['planar', 'credit'],
};
