/**
 * Natural queries: the attacker labels its own unlabeled pool through the API (Knockoff Nets,
 * Orekondy et al. 2019). attack.poolShift moves that pool away from the victim's distribution.
 */
import type { AttackPlugin, AttackStrategy } from '../context';
import { naturalMeta } from './meta';

export { naturalMeta };

export const naturalAttack: AttackStrategy = (ctx) => {
  const total = ctx.remaining();
  ctx.ask(ctx.pool(total), total);
  ctx.fit();
};

export const natural: AttackPlugin = { ...naturalMeta, run: naturalAttack };
