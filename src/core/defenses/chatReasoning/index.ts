/**
 * Hidden reasoning at run time. The chat kind applies it where it answers a prompt
 * (scenarios/chat/chatApi.ts, `reasoning: 'hidden'`) and measures its honest cost
 * (scenarios/chat/honest.ts); inside the classifier API it is an answer stage that changes
 * nothing: a next-token distribution served as a class vector has no reasoning to hide.
 */
import type { DefenseRuntime } from '../../registry/runtime-types';
import { chatReasoningMeta } from './meta';

export const chatReasoning: DefenseRuntime = {
  id: 'chat',
  meta: chatReasoningMeta,
  // no reasoning to hide in a class vector: the answer passes unchanged
  stage: () => ({ answer: () => undefined }),
};
