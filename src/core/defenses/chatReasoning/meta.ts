/**
 * Hidden reasoning (metadata; chat kind only): the chat API keeps the model's private reasoning,
 * everything up to its `</think>`, to itself and returns the result and the chatty words, as
 * providers that hide or summarise raw reasoning do (REFERENCE.md, "The chat scenario": the
 * reported campaign's prompts asked for step-by-step reasoning, "the most valuable training
 * signal"). Honest users pay too: those who wanted to see the steps do not get them, counted as
 * the share of honest requests that wanted the steps and did not get them (`stepsDenied`).
 */
import { setPath } from '../../config/paths';
import type { DefenseMeta, SweepKnob } from '../../registry/types';
import { REASONING_VISIBILITY, type ReasoningVisibility } from '../../scenarios/chat/apiNames';

declare module '../../config/schema' {
  interface DefenseSections {
    chat: {
      /** shown: the API returns the reasoning trace; hidden: it keeps it to itself */
      reasoning: ReasoningVisibility;
    };
  }
}

const reasoningKnob: SweepKnob = {
  name: 'defense.chat.reasoning',
  label: 'Reasoning',
  defense: 'chat',
  levels: [...REASONING_VISIBILITY],
  kinds: ['chat'],
  apply: (config, level) => setPath(config, 'defense.chat.reasoning', level),
  format: (level) => (level === 'hidden' ? 'reasoning hidden' : 'reasoning shown'),
};

export const chatReasoningMeta: DefenseMeta = {
  id: 'chat',
  name: 'Hidden reasoning',
  summary: "The API keeps the model's reasoning steps to itself and returns only the answer.",
  fields: [
    {
      path: 'defense.chat.reasoning',
      key: 'cr',
      kind: 'enum',
      values: REASONING_VISIBILITY,
      labels: { shown: 'Shown', hidden: 'Hidden' },
      default: 'shown',
      label: 'Reasoning',
      help: 'Hidden: the API keeps the steps the model wrote before its answer to itself (they are still generated and billed). Honest users who wanted the steps lose them too.',
      kinds: ['chat'],
    },
  ],
  switchPath: 'defense.chat.reasoning',
  stage: 'answer',
  // before the answer format: it decides which tokens are returned, the format how
  order: 45,
  isOn: (config) => config.scenario.kind === 'chat' && config.defense.chat.reasoning === 'hidden',
  disable: (config) => setPath(config, 'defense.chat.reasoning', 'shown'),
  visibleFields: () => [],
  knobs: [reasoningKnob],
  costs: ['stepsDenied'],
  cards: () => ['hiddenReasoning'],
  kinds: ['chat'],
};
