/**
 * Random queries: uniform points over the input box, no knowledge of the task's data
 * (Tramer et al. 2016; the "non-task data" case of Correia-Silva et al. 2018, Copycat CNN).
 */
import { uniformInBox } from '../data/planar';
import type { AttackStrategy } from './context';

export const randomAttack: AttackStrategy = (ctx) => {
  const total = ctx.remaining();
  const inputs = uniformInBox(ctx.box, total, ctx.rng);
  ctx.ask(inputs, total);
  ctx.fit();
};
