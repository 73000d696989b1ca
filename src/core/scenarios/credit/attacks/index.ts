/**
 * The credit attacks by name (config `attack.strategy` of a credit run). Each is a pure function
 * of the attack context (../context.ts); see its module for the paper it follows.
 */
import { equationSolving } from './equationSolving';
import { explanationsAttack } from './explanations';
import { lineSearch } from './lineSearch';
import { naturalAttack, randomAttack } from './retrain';
import type { CreditAttack } from './types';

export const CREDIT_STRATEGIES = [
  'equationSolving',
  'lineSearch',
  'explanations',
  'random',
  'natural',
] as const;
export type CreditStrategy = (typeof CREDIT_STRATEGIES)[number];

export const CREDIT_ATTACKS: Record<CreditStrategy, CreditAttack> = {
  equationSolving,
  lineSearch,
  explanations: explanationsAttack,
  random: randomAttack,
  natural: naturalAttack,
};

export type {
  CreditAttack,
  CreditAttackOptions,
  CreditAttackOutcome,
  RecoveryMethod,
} from './types';
export { CREDIT_ATTACK_DEFAULTS } from './types';
