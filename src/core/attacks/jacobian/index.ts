/**
 * Jacobian-based dataset augmentation (Papernot et al. 2017, "Practical Black-Box Attacks"):
 * start from a small seed set S_0 of natural points; each round, label the new points through the
 * API, train the student F on everything labelled so far, then
 *   S_{r+1} = S_r  U  { x + lambda * sign( d F_{O(x)}(x) / d x ) : x in S_r }
 * where O(x) is the label the API gave x. The set doubles each round; the last round is cut to
 * the remaining budget. Points the API refused are not augmented (the attacker has no label).
 */
import type { AttackPlugin, AttackStrategy } from '../context';
import { jacobianMeta } from './meta';

export { jacobianMeta };

export const jacobianAttack: AttackStrategy = (ctx) => {
  const { dims } = ctx;
  const lambda = ctx.config.attack.lambda;
  const seedCount = Math.min(ctx.config.attack.seedSize, ctx.remaining());
  // Labelled set: inputs and the label the API gave them.
  let labelled = new Float64Array(0);
  let labels = new Uint8Array(0);
  let pending = ctx.pool(seedCount);
  let pendingCount = seedCount;
  const gradient = new Float64Array(dims);

  while (pendingCount > 0 && ctx.remaining() > 0) {
    const answer = ctx.ask(pending, pendingCount);
    // Keep the answered points with their served labels.
    const kept: number[] = [];
    for (let i = 0; i < answer.sent; i++) if (answer.answered[i]) kept.push(i);
    const nextLabelled = new Float64Array(labelled.length + kept.length * dims);
    nextLabelled.set(labelled);
    const nextLabels = new Uint8Array(labels.length + kept.length);
    nextLabels.set(labels);
    kept.forEach((i, j) => {
      for (let d = 0; d < dims; d++)
        nextLabelled[labelled.length + j * dims + d] = pending[i * dims + d]!;
      nextLabels[labels.length + j] = answer.servedLabels[i]!;
    });
    labelled = nextLabelled;
    labels = nextLabels;
    ctx.fit();
    if (ctx.remaining() === 0) break;

    // Augment: one new point per labelled point, along the sign of the student's gradient.
    const count = labels.length;
    pendingCount = Math.min(count, ctx.remaining());
    pending = new Float64Array(pendingCount * dims);
    for (let i = 0; i < pendingCount; i++) {
      ctx.student.inputGradient(labelled, i, labels[i]!, gradient);
      for (let d = 0; d < dims; d++) {
        const g = gradient[d]!;
        pending[i * dims + d] = labelled[i * dims + d]! + lambda * (g > 0 ? 1 : g < 0 ? -1 : 0);
      }
    }
  }
};

export const jacobian: AttackPlugin = { ...jacobianMeta, run: jacobianAttack };
