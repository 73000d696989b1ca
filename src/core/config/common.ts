/**
 * The fields every scenario kind shares: the seed and the kind itself, the attacker's budget,
 * accounts, days and prices, and the honest population whose costs every defense is measured on.
 * Kind-, attack- and defense-specific fields live with their plug-in (./fields.ts assembles them).
 */
import type { FieldSpec } from './schema';

/** Fields before the kind's own (the seed and the kind). */
export const HEAD_FIELDS: readonly FieldSpec[] = [
  {
    path: 'seed',
    key: 's',
    kind: 'int',
    min: 0,
    max: 2147483647,
    default: 1,
    label: 'Seed',
    help: 'Seed of the random generator: the same seed and settings always give the same numbers.',
  },
];

/** The attacker's budget and prices (after the strategy). */
export const ATTACK_FIELDS: readonly FieldSpec[] = [
  {
    path: 'attack.queries',
    key: 'q',
    kind: 'int',
    min: 10,
    max: 10000,
    default: 1000,
    label: 'Query budget',
    unit: 'queries',
    help: 'How many queries the attacker sends in all.',
    control: { scale: 'log' },
  },
  {
    path: 'attack.accounts',
    key: 'ac',
    kind: 'int',
    min: 1,
    max: 100000,
    default: 1,
    label: 'Accounts',
    help: 'API accounts the attacker opens; its queries are spread over them.',
    control: { scale: 'log', sliderMax: 10000 },
  },
  {
    path: 'attack.days',
    key: 'dy',
    kind: 'int',
    min: 1,
    max: 365,
    default: 1,
    label: 'Days',
    unit: 'days',
    help: 'Days the attacker takes; its queries are spread over them.',
    control: { scale: 'log' },
  },
  {
    path: 'attack.pricePer1k',
    key: 'pr',
    kind: 'number',
    min: 0,
    max: 1000,
    default: 2,
    label: 'Price',
    unit: 'USD per 1,000 queries',
    help: 'What the API charges; papers use $1 to $10 per 1,000 queries.',
    // the chat kind charges per generated token instead (attack.pricePerMTok)
    kinds: ['planar'],
    control: { sliderMax: 20, step: 0.5 },
  },
  {
    path: 'attack.accountCost',
    key: 'pa',
    kind: 'number',
    min: 0,
    max: 1000,
    default: 0.5,
    label: 'Account cost',
    unit: 'USD per account',
    help: 'What it costs the attacker to open one more account.',
    control: { sliderMax: 10, step: 0.1 },
  },
];

/** The honest population (last in the table). */
export const BENIGN_FIELDS: readonly FieldSpec[] = [
  {
    path: 'benign.accounts',
    key: 'ba',
    kind: 'int',
    min: 1,
    max: 10000,
    default: 200,
    label: 'Honest accounts',
    help: 'Simulated honest users whose experience the defenses cost.',
    control: { scale: 'log' },
  },
  {
    path: 'benign.medianPerDay',
    key: 'bm',
    kind: 'number',
    min: 1,
    max: 10000,
    default: 40,
    label: 'Median use',
    unit: 'queries/day',
    help: 'Typical daily queries of an honest account.',
    control: { scale: 'log' },
  },
  {
    path: 'benign.spread',
    key: 'bs',
    kind: 'number',
    min: 0,
    max: 3,
    default: 0.75,
    label: 'Spread',
    help: 'Log-normal spread of honest daily volumes; larger means more heavy users.',
    control: { step: 0.05 },
  },
  {
    path: 'benign.days',
    key: 'bd',
    kind: 'int',
    min: 1,
    max: 365,
    default: 7,
    label: 'Days observed',
    unit: 'days',
    help: 'Days of honest traffic over which the costs are measured.',
    control: { scale: 'log' },
  },
];
