/**
 * The chat kind's attack strategies (`attack.strategy` when `scenario.kind` is chat): prompt
 * generators, not AttackContext strategies. A chat attacker sends prompts, not points, so the chat
 * kind (scenarios/chat/run.ts) drives them itself: it asks the plug-in for its prompts
 * (scenarios/chat/prompts.ts) and sends each through the shared API gate. `run` is there for the
 * AttackPlugin shape only and refuses to run on a points scenario.
 */
import type { Rng } from '../../rng';
import {
  elicitReasoning as elicitPrompts,
  randomText as randomPrompts,
  taskPrompts as taskPromptList,
} from '../../scenarios/chat/prompts';
import type { AttackPlugin } from '../context';
import { elicitReasoningMeta, randomTextMeta, taskPromptsMeta } from './meta';

/** A chat strategy: its metadata and its prompts (token ids) for operand count k. */
export interface ChatAttackPlugin extends AttackPlugin {
  prompts(k: number, count: number, rng: Rng): number[][];
  /** true when its prompts ask for the steps (the student is then asked the same way) */
  asksForSteps: boolean;
}

const notForPoints = (id: string) => () => {
  throw new Error(`${id} is a chat strategy: the chat scenario runs it, not an AttackContext`);
};

export const taskPrompts: ChatAttackPlugin = {
  ...taskPromptsMeta,
  run: notForPoints('taskPrompts'),
  prompts: taskPromptList,
  asksForSteps: false,
};

export const elicitReasoning: ChatAttackPlugin = {
  ...elicitReasoningMeta,
  run: notForPoints('elicitReasoning'),
  prompts: elicitPrompts,
  asksForSteps: true,
};

export const randomText: ChatAttackPlugin = {
  ...randomTextMeta,
  run: notForPoints('randomText'),
  prompts: randomPrompts,
  asksForSteps: false,
};

export const CHAT_ATTACKS: readonly ChatAttackPlugin[] = [taskPrompts, elicitReasoning, randomText];

/** The chat strategy of an id (throws for a strategy of another kind). */
export function chatAttack(id: string): ChatAttackPlugin {
  const found = CHAT_ATTACKS.find((a) => a.id === id);
  if (!found) throw new Error(`${id} is not a chat strategy`);
  return found;
}
