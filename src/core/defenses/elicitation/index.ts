/**
 * Reasoning-elicitation filter at run time. The chat kind applies it where it answers a prompt
 * (scenarios/chat/chatApi.ts, `filterElicitation`) and measures its honest cost
 * (scenarios/chat/elicitation.ts); inside the classifier API it is an answer stage that changes
 * nothing: a class vector has no steps to withhold.
 */
import type { DefenseRuntime } from '../../registry/runtime-types';
import { elicitationMeta } from './meta';

export const elicitation: DefenseRuntime = {
  id: 'elicitation',
  meta: elicitationMeta,
  stage: () => ({ answer: () => undefined }),
};
