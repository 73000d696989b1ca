/**
 * Watermark (metadata). 2-D points: DAWN (Szyller et al. 2021) plants a deliberately wrong label
 * on a small keyed share of answers so a stolen copy can be recognised; honest users lose about
 * `rate` of their answers' accuracy. Chat: the KGW text watermark (Kirchenbauer et al. 2023,
 * scenarios/chat/kgw.ts): a keyed hash of the previous token picks a green share gamma of the
 * vocabulary and delta is added to green logits; a student distilled from the answers inherits it
 * (Gu et al. 2024), which a z-test on the student's own text shows (scenarios/chat/watermarkCheck.ts).
 * Honest users get the shifted word choice (distortion) and any result the boost flips.
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
      /** chat (KGW): logit boost of the green tokens */
      delta: number;
      /** chat (KGW): share of the vocabulary in each green list */
      gamma: number;
      /** chat (KGW): z above which ownership is shown */
      zThreshold: number;
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
    {
      path: 'defense.watermark.delta',
      key: 'wd',
      kind: 'number',
      min: 0,
      max: 10,
      default: 2,
      label: 'Green boost (delta)',
      help: 'Added to the logits of the green words at every step (Kirchenbauer et al. 2023 use 2).',
      control: { step: 0.25 },
      kinds: ['chat'],
    },
    {
      path: 'defense.watermark.gamma',
      key: 'wg',
      kind: 'number',
      min: 0.05,
      max: 0.95,
      default: 0.25,
      label: 'Green share (gamma)',
      help: 'Share of the vocabulary that is green after each word, chosen by a secret key.',
      control: { step: 0.05 },
      kinds: ['chat'],
    },
    {
      path: 'defense.watermark.zThreshold',
      key: 'wz',
      kind: 'number',
      min: 1,
      max: 10,
      default: 4,
      label: 'Accuse above z',
      help: "Ownership is shown when the suspect's text has a z-score above this (4 in Kirchenbauer et al. 2023).",
      control: { step: 0.5 },
      kinds: ['chat'],
    },
  ],
  switchPath: 'defense.watermark.on',
  stage: 'answer',
  order: 40,
  isOn: (config) => config.defense.watermark.on,
  disable: (config) => setPath(config, 'defense.watermark.on', false),
  visibleFields: (config) =>
    config.scenario.kind === 'chat'
      ? ['defense.watermark.delta', 'defense.watermark.gamma', 'defense.watermark.zThreshold']
      : ['defense.watermark.rate', 'defense.watermark.alpha'],
  knobs: [
    switchedKnob({
      path: 'defense.watermark.rate',
      switchPath: 'defense.watermark.on',
      label: 'Watermark',
      defense: 'watermark',
      levels: ['off', 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3],
      unit: 'rate',
      kinds: ['planar'],
      // "1% marked": the share of answers that carry the watermark
      format: (rate) => `${Math.round(rate * 1000) / 10}% marked`,
    }),
    switchedKnob({
      path: 'defense.watermark.delta',
      switchPath: 'defense.watermark.on',
      label: 'Text watermark',
      defense: 'watermark',
      levels: ['off', 0.5, 1, 2, 4, 8],
      unit: 'delta',
      kinds: ['chat'],
    }),
  ],
  costs: ['accuracyDrop', 'distortion'],
  cards: (config) => (config.scenario.kind === 'chat' ? ['textWatermark'] : ['watermark']),
  kinds: ['planar', 'chat'],
};
