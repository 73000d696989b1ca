/**
 * Logit stealing (metadata; Carlini et al., ICML 2024, "Stealing part of a production language
 * model"): the attacker sends random prompts, asks for one token with its log-probabilities, and
 * reads the teacher's hidden size from the drop in the singular values of the stacked vectors; the
 * top singular vectors give its output layer up to a linear map (scenarios/chat/stealing.ts). It
 * trains no student. Needs log-probabilities of the whole vocabulary; top-k answers defeat this
 * simple form. ./index.ts adds the prompt generator.
 */
import type { AttackMeta } from '../../registry/types';

declare module '../../config/schema' {
  interface StrategyNames {
    logitStealing: true;
  }
}

export const logitStealingMeta: AttackMeta = {
  id: 'logitStealing',
  name: 'Logit stealing',
  summary:
    "Random prompts, one token each with its log-probabilities: the drop in their singular values reveals the model's hidden size and its output layer (Carlini et al. 2024).",
  uses: [],
  fields: [],
  card: 'logitStealing',
  kinds: ['chat'],
};
