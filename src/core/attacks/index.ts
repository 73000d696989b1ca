/**
 * Attack strategies, one line each (the config says "jacobian", never holds a function). A new
 * strategy is one module in this folder (its metadata and its run function) and one line here.
 */
import type { StrategyName } from '../config/schema';
import { active } from './active';
import { elicitReasoning, randomText, taskPrompts } from './chat';
import type { AttackPlugin } from './context';
import { equationSolving } from './equationSolving';
import { explanations } from './explanations';
import { jacobian } from './jacobian';
import { lineSearch } from './lineSearch';
import { logitStealing } from './logitStealing';
import { natural } from './natural';
import { random } from './random';

export const ATTACKS: readonly AttackPlugin[] = [
  random,
  natural,
  active,
  jacobian,
  equationSolving,
  lineSearch,
  explanations,
  taskPrompts,
  elicitReasoning,
  randomText,
  logitStealing,
];

/** Strategies by id (a Map: user text never reaches inherited properties). */
export const ATTACK_BY_ID: ReadonlyMap<string, AttackPlugin> = new Map(
  ATTACKS.map((a) => [a.id, a]),
);

/** The strategy of an id known to be valid (the config was validated). */
export function attack(id: StrategyName): AttackPlugin {
  const found = ATTACK_BY_ID.get(id);
  if (!found) throw new Error(`unknown attack strategy ${id}`);
  return found;
}

export type {
  AttackContext,
  AttackPlugin,
  AttackStrategy,
  AskResult,
  StudentView,
} from './context';
