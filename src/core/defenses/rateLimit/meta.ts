/**
 * Rate limit (metadata): each account gets at most `perDay` answers a day (REFERENCE.md, "Query
 * budget and rate limit"; MITRE ATLAS AML.M0004). Honest users pay when their own daily use
 * exceeds the limit.
 */
import { setPath } from '../../config/paths';
import { switchedKnob } from '../../registry/knobs';
import type { DefenseMeta } from '../../registry/types';

declare module '../../config/schema' {
  interface DefenseSections {
    rateLimit: {
      on: boolean;
      /** answers per account per day */
      perDay: number;
    };
  }
}

export const rateLimitMeta: DefenseMeta = {
  id: 'rateLimit',
  name: 'Rate limit',
  summary: 'Each account gets at most a fixed number of answers per day.',
  fields: [
    {
      path: 'defense.rateLimit.on',
      key: 'rl',
      kind: 'bool',
      default: false,
      label: 'Rate limit',
      help: 'Each account gets at most a fixed number of answers per day.',
    },
    {
      path: 'defense.rateLimit.perDay',
      key: 'rd',
      kind: 'int',
      min: 1,
      max: 100000,
      default: 200,
      label: 'Per account per day',
      unit: 'queries/day',
      help: 'The daily limit per account.',
      control: { scale: 'log', sliderMax: 10000 },
    },
  ],
  switchPath: 'defense.rateLimit.on',
  stage: 'gate',
  order: 10,
  isOn: (config) => config.defense.rateLimit.on,
  disable: (config) => setPath(config, 'defense.rateLimit.on', false),
  visibleFields: () => ['defense.rateLimit.perDay'],
  knobs: [
    switchedKnob({
      path: 'defense.rateLimit.perDay',
      switchPath: 'defense.rateLimit.on',
      label: 'Rate limit',
      defense: 'rateLimit',
      levels: ['off', 1000, 500, 200, 100, 50, 20, 10],
      unit: 'per day',
      // "200/day": the label the frontier and the limits chart print beside a point
      format: (perDay) => `${perDay}/day`,
    }),
  ],
  costs: ['benignBlocked'],
  cards: () => ['rateLimit'],
};
