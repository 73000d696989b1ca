/**
 * The credit kind's own attacks by name (config `attack.strategy` of a credit run; the registered
 * plug-ins in src/core/attacks/<id>/ run them through the session). Each is a pure function of the
 * attack context (../context.ts); see its module for the paper it follows. The retraining attacks
 * (random, natural) are the shared registered ones.
 */
import { equationSolving } from './equationSolving';
import { explanationsAttack } from './explanations';
import { lineSearch } from './lineSearch';
import type { CreditAttack } from './types';

export const CREDIT_STRATEGIES = ['equationSolving', 'lineSearch', 'explanations'] as const;
export type CreditStrategy = (typeof CREDIT_STRATEGIES)[number];

export const CREDIT_ATTACKS: Record<CreditStrategy, CreditAttack> = {
  equationSolving,
  lineSearch,
  explanations: explanationsAttack,
};

export type {
  CreditAttack,
  CreditAttackOptions,
  CreditAttackOutcome,
  RecoveryMethod,
} from './types';
export { CREDIT_ATTACK_DEFAULTS } from './types';
