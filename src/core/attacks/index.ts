/** Attack strategies by name (the config says "jacobian", never holds a function). */
import type { StrategyName } from '../config';
import { activeAttack } from './active';
import type { AttackStrategy } from './context';
import { jacobianAttack } from './jacobian';
import { naturalAttack } from './natural';
import { randomAttack } from './random';

export const ATTACKS: Record<StrategyName, AttackStrategy> = {
  random: randomAttack,
  natural: naturalAttack,
  active: activeAttack,
  jacobian: jacobianAttack,
};

export type { AttackContext, AttackStrategy, AskResult, StudentView } from './context';
