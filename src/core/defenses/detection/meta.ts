/**
 * Detection (metadata): PRADA (Juuti et al. 2019) watches each account's queries and bans
 * accounts whose query distances stop looking normal. Honest users pay when they are flagged.
 */
import { setPath } from '../../config/paths';
import { switchedKnob } from '../../registry/knobs';
import type { DefenseMeta } from '../../registry/types';
import type { DetectionReport } from '../../types';

declare module '../../types' {
  interface DefenseReports {
    detection: DetectionReport | null;
  }
}

declare module '../../config/schema' {
  interface DefenseSections {
    detection: {
      on: boolean;
      /** alarm when the Shapiro-Wilk W falls below delta */
      delta: number;
      /** distances an account needs before it is tested */
      minQueries: number;
    };
  }
}

export const detectionMeta: DefenseMeta = {
  id: 'detection',
  name: 'Detection (PRADA)',
  summary: "Watches each account's queries and bans accounts whose query pattern looks synthetic.",
  fields: [
    {
      path: 'defense.detection.on',
      key: 'dt',
      kind: 'bool',
      default: false,
      label: 'Detection (PRADA)',
      help: "Watches each account's queries and bans accounts whose query pattern looks synthetic.",
    },
    {
      path: 'defense.detection.delta',
      key: 'dd',
      kind: 'number',
      min: 0.5,
      max: 1,
      default: 0.7,
      label: 'Threshold delta',
      help: 'Alarm when the Shapiro-Wilk W of query distances falls below this; higher is stricter. In 2-D, honest traffic scores W of about 0.8 to 0.9, so the paper’s 0.9 would flag everyone: 0.7 is calibrated here.',
      control: { step: 0.01 },
    },
    {
      path: 'defense.detection.minQueries',
      key: 'dm',
      kind: 'int',
      min: 3,
      max: 5000,
      default: 40,
      label: 'Queries before testing',
      help: 'Distances an account must accumulate before it can be tested.',
      control: { scale: 'log' },
    },
  ],
  switchPath: 'defense.detection.on',
  stage: 'observe',
  order: 30,
  isOn: (config) => config.defense.detection.on,
  disable: (config) => setPath(config, 'defense.detection.on', false),
  visibleFields: () => ['defense.detection.delta', 'defense.detection.minQueries'],
  knobs: [
    switchedKnob({
      path: 'defense.detection.delta',
      switchPath: 'defense.detection.on',
      label: 'Detection (PRADA)',
      defense: 'detection',
      levels: ['off', 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85],
      unit: 'δ',
    }),
  ],
  costs: ['falsePositives'],
  cards: () => ['detection'],
  kinds: ['planar'],
};
