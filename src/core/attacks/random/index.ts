/**
 * Random queries: uniform points over the input box, no knowledge of the task's data
 * (Tramer et al. 2016; the "non-task data" case of Correia-Silva et al. 2018, Copycat CNN).
 */
import { uniformInBox } from '../../sampling';
import type { AttackPlugin, AttackStrategy } from '../context';
import { randomMeta } from './meta';

export { randomMeta };

export const randomAttack: AttackStrategy = (ctx) => {
  const total = ctx.remaining();
  const inputs = uniformInBox(ctx.box, total, ctx.rng);
  ctx.ask(inputs, total);
  ctx.fit();
};

export const random: AttackPlugin = { ...randomMeta, run: randomAttack };
