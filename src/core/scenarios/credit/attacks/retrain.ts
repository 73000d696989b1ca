/**
 * The comparison attacks of the 2-D scenario, for credit: spend the whole budget, then train a
 * student on the answers (scores when served, labels otherwise).
 * - `random`: applicants uniform over the box of typical values (no knowledge of real applicants;
 *   Tramer et al. 2016 query uniform points too).
 * - `natural`: the attacker's own applicants (Knockoff Nets, Orekondy et al. 2019).
 */
import { AnswerLog, askLogged } from '../answers';
import { trainsOnScores } from '../student';
import { trainOnLog, type CreditAttack } from './types';

export const randomAttack: CreditAttack = (ctx, options) => {
  const count = ctx.remaining();
  const { min, max } = ctx.box;
  const points = new Float64Array(count * ctx.dims);
  for (let r = 0; r < count; r++) {
    for (let i = 0; i < ctx.dims; i++) points[r * ctx.dims + i] = ctx.rng.uniform(min[i]!, max[i]!);
  }
  return retrain(ctx, options.student, points, count);
};

export const naturalAttack: CreditAttack = (ctx, options) => {
  const count = ctx.remaining();
  return retrain(ctx, options.student, ctx.pool(count), count);
};

function retrain(
  ctx: Parameters<CreditAttack>[0],
  kind: Parameters<CreditAttack>[1]['student'],
  points: Float64Array,
  count: number,
): ReturnType<CreditAttack> {
  const answers = new AnswerLog(ctx.dims);
  askLogged(ctx, answers, points, count);
  return trainOnLog(ctx, answers, kind, trainsOnScores(ctx), null);
}
