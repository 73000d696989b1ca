/**
 * Active learning by uncertainty sampling (ActiveThief, Pal et al. 2020; Chandrasekaran et al.
 * 2020): a first batch from the attacker's pool at random, then in each round the candidates on
 * which the current student is least sure, i.e. with the smallest margin p(1st) - p(2nd), are
 * queried and the student is retrained. The budget is split evenly over attack.rounds rounds.
 */
import type { AttackPlugin, AttackStrategy } from '../context';
import { ACTIVE_POOL_FACTOR, activeMeta } from './meta';

export { ACTIVE_POOL_FACTOR, activeMeta };

/** margin = p_(1) - p_(2) of one probability vector (row `row` of a flat array). */
export function margin(probs: Float64Array, row: number, classes: number): number {
  let first = -Infinity;
  let second = -Infinity;
  for (let c = 0; c < classes; c++) {
    const p = probs[row * classes + c]!;
    if (p > first) {
      second = first;
      first = p;
    } else if (p > second) second = p;
  }
  return first - second;
}

export const activeAttack: AttackStrategy = (ctx) => {
  const { dims, classes } = ctx;
  const budget = ctx.remaining();
  const rounds = Math.max(1, Math.min(ctx.config.attack.rounds, budget));
  const poolSize = budget * ACTIVE_POOL_FACTOR;
  const pool = ctx.pool(poolSize);
  const used = new Uint8Array(poolSize);
  const probs = new Float64Array(poolSize * classes);
  const batch = new Float64Array(Math.ceil(budget / rounds) * dims);

  for (let round = 0; round < rounds && ctx.remaining() > 0; round++) {
    // Exact budget: the remaining queries split over the remaining rounds.
    const size = Math.min(ctx.remaining(), Math.ceil(ctx.remaining() / (rounds - round)));
    let chosen: number[];
    if (round === 0) {
      // The pool is already in random order: take its first `size` points.
      chosen = Array.from({ length: size }, (_, i) => i);
    } else {
      ctx.student.predict(pool, poolSize, probs);
      const candidates: number[] = [];
      for (let i = 0; i < poolSize; i++) if (!used[i]) candidates.push(i);
      const margins = new Float64Array(poolSize);
      for (const i of candidates) margins[i] = margin(probs, i, classes);
      candidates.sort((a, b) => margins[a]! - margins[b]! || a - b);
      chosen = candidates.slice(0, size);
    }
    for (let j = 0; j < chosen.length; j++) {
      const i = chosen[j]!;
      used[i] = 1;
      for (let d = 0; d < dims; d++) batch[j * dims + d] = pool[i * dims + d]!;
    }
    ctx.ask(batch, chosen.length);
    ctx.fit();
  }
};

export const active: AttackPlugin = { ...activeMeta, run: activeAttack };
