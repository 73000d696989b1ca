/**
 * Logit stealing at run time: random-text prompts (scenarios/chat/prompts.ts); the chat kind
 * drives it (scenarios/chat/stealingRun.ts: one token per prompt, no student) like the other chat
 * strategies.
 */
import { randomText as randomPrompts } from '../../scenarios/chat/prompts';
import type { ChatAttackPlugin } from '../chat/index';
import { logitStealingMeta } from './meta';

export const logitStealing: ChatAttackPlugin = {
  ...logitStealingMeta,
  run: () => {
    throw new Error('logitStealing is a chat strategy: the chat scenario runs it');
  },
  prompts: randomPrompts,
  asksForSteps: false,
  stealsLastLayer: true,
};
