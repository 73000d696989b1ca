/**
 * Logit stealing (Carlini et al., ICML 2024, "Stealing part of a production language model"): the
 * attacker sends random prompts, asks for one token with its log-probabilities, stacks the
 * returned vectors and reads the teacher's hidden size from the drop in their singular values; the
 * top singular vectors give its output layer up to a linear map (scenarios/chat/stealing.ts). It
 * trains no student: what it takes is the last layer's shape and space, not the skill. Needs
 * log-probabilities of the whole vocabulary (`logprobs`); top-k answers defeat this simple form.
 * The chat kind drives it (scenarios/chat/stealingRun.ts) like the other chat strategies.
 */
import { randomText as randomPrompts } from '../scenarios/chat/prompts';
import type { ChatAttackPlugin } from './chat';

declare module '../config/schema' {
  interface StrategyNames {
    logitStealing: true;
  }
}

export const logitStealing: ChatAttackPlugin = {
  id: 'logitStealing',
  name: 'Logit stealing',
  summary:
    "Random prompts, one token each with its log-probabilities: the drop in their singular values reveals the model's hidden size and its output layer (Carlini et al. 2024).",
  uses: [],
  fields: [],
  card: 'logitStealing',
  kinds: ['chat'],
  run: () => {
    throw new Error('logitStealing is a chat strategy: the chat scenario runs it');
  },
  prompts: randomPrompts,
  asksForSteps: false,
  stealsLastLayer: true,
};
