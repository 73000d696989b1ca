/**
 * Adaptive misinformation (Kariyappa and Qureshi, CVPR 2020; REFERENCE.md): each query gets an
 * out-of-distribution score; the answer is (1 - a) f(x) + a f_hat(x) with a = sigmoid(nu (tau -
 * score)), f the victim and f_hat a misinformation model trained to put its mass on wrong classes
 * (../owner-models.ts). In-distribution queries get (almost) the true answer, far ones the lie.
 *
 * The score: distance to the owner's training data, s = min(1, d_ref / d) (../ood.ts), not the
 * paper's maximum softmax probability (MSP). ReLU networks are overconfident far from their data
 * (Hein et al. 2019), so in 2-D the MSP is low only near the decision boundary: it cannot tell a
 * uniform query in an empty corner (answered with ~100% confidence) from a training point, and it
 * penalises honest queries near the boundary, where the data of noisy classes overlap. Measured
 * with `npx tsx scripts/poison-table.ts` (its "OOD scores" table: the AUROC of each score at
 * telling honest queries from uniform ones over the box). The distance score needs the query x,
 * hence a per-run answer function (../prepared.ts, worker only); `perturb` (no query point) serves the clean answer, what an in-distribution
 * query gets.
 */
import type { OutputModeMeta } from '../../../registry/types';
import type { OutputModePlugin } from '../section';

declare module '../../../config/schema' {
  interface OutputModeNames {
    misinformation: true;
  }
}
declare module '../section' {
  interface OutputSection {
    /** score threshold below which a query counts as out of distribution */
    tau: number;
    /** sharpness of the sigmoid around tau */
    nu: number;
  }
}

export const misinformationMeta: OutputModeMeta = {
  id: 'misinformation',
  name: 'Adaptive misinformation (Kariyappa 2020)',
  short: 'misinformation',
  fields: [
    {
      path: 'defense.output.tau',
      kinds: ['planar'],
      key: 'ot',
      kind: 'number',
      min: 0,
      max: 1,
      default: 0.5,
      label: 'Misinformation threshold',
      help: 'Queries whose closeness to the training data falls below this get wrong answers (1 = as close as the data).',
      control: { step: 0.05 },
    },
    {
      path: 'defense.output.nu',
      kinds: ['planar'],
      key: 'on',
      kind: 'number',
      min: 1,
      max: 1000,
      default: 20,
      label: 'Misinformation sharpness',
      help: 'How abruptly answers switch from true to misleading around the threshold.',
      control: { scale: 'log' },
    },
  ],
  strength: 4.5,
  hardLabels: false,
  knob: {
    path: 'defense.output.tau',
    levels: ['off', 0.1, 0.25, 0.4, 0.55, 0.7, 0.85, 1],
    label: 'Adaptive misinformation',
    unit: 'τ',
  },
  card: 'misinformation',
  kinds: ['planar'],
};

export const misinformation: OutputModePlugin = {
  ...misinformationMeta,
  perturb: (clean, _options, _rng, out) => out.set(clean),
};
