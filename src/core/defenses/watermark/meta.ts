/**
 * Watermark (metadata): DAWN (Szyller et al. 2021) plants a deliberately wrong label on a small
 * keyed share of answers so a stolen copy can be recognised. Honest users lose about `rate` of
 * their answers' accuracy.
 */
import { setPath } from '../../config/paths';
import { switchedKnob } from '../../registry/knobs';
import type { DefenseMeta } from '../../registry/types';
import type { WatermarkReport } from '../../types';

declare module '../../types' {
  interface DefenseReports {
    watermark: WatermarkReport | null;
  }
}

declare module '../../config/schema' {
  interface DefenseSections {
    watermark: {
      on: boolean;
      /** share of answers that carry the watermark */
      rate: number;
      /** significance level of the ownership test */
      alpha: number;
    };
  }
}

export const watermarkMeta: DefenseMeta = {
  id: 'watermark',
  name: 'Watermark',
  summary:
    'A few answers are deliberately wrong, chosen by a secret key, so a stolen copy can be recognised later.',
  fields: [
    {
      path: 'defense.watermark.on',
      key: 'wm',
      kind: 'bool',
      default: false,
      label: 'Watermark',
      help: 'A few answers are deliberately wrong, chosen by a secret key, so a stolen copy can be recognised later.',
    },
    {
      path: 'defense.watermark.rate',
      key: 'wr',
      kind: 'number',
      min: 0,
      max: 0.5,
      default: 0.01,
      label: 'Watermark rate',
      help: 'Share of answers that carry the watermark (a deliberately wrong label).',
      control: { step: 0.005 },
    },
    {
      path: 'defense.watermark.alpha',
      key: 'wa',
      kind: 'number',
      min: 1e-12,
      max: 0.1,
      default: 0.001,
      label: 'Significance',
      help: 'Ownership is shown when the p-value is below this threshold.',
      control: { scale: 'log' },
    },
  ],
  switchPath: 'defense.watermark.on',
  stage: 'answer',
  order: 40,
  isOn: (config) => config.defense.watermark.on,
  disable: (config) => setPath(config, 'defense.watermark.on', false),
  visibleFields: () => ['defense.watermark.rate', 'defense.watermark.alpha'],
  knobs: [
    switchedKnob({
      path: 'defense.watermark.rate',
      switchPath: 'defense.watermark.on',
      label: 'Watermark',
      defense: 'watermark',
      levels: ['off', 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3],
      unit: 'rate',
      // "1% marked": the share of answers that carry the watermark
      format: (rate) => `${Math.round(rate * 1000) / 10}% marked`,
    }),
  ],
  costs: ['accuracyDrop', 'distortion'],
  cards: () => ['watermark'],
  kinds: ['planar'],
};
