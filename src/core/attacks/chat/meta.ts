/**
 * The chat kind's attack strategies, metadata only (names, summaries, cards): the page lists them
 * without loading the prompt generators (./index.ts adds those).
 */
import type { AttackMeta } from '../../registry/types';

declare module '../../config/schema' {
  interface StrategyNames {
    taskPrompts: true;
    elicitReasoning: true;
    randomText: true;
  }
}

export const taskPromptsMeta: AttackMeta = {
  id: 'taskPrompts',
  name: 'Task prompts',
  summary: 'Problems of the task, asked plainly, as an ordinary user would.',
  uses: [],
  fields: [],
  card: 'taskPrompts',
  kinds: ['chat'],
};

export const elicitReasoningMeta: AttackMeta = {
  id: 'elicitReasoning',
  name: 'Ask for the steps',
  summary:
    'Each problem ends with an instruction to show the steps, so the reasoning lands in the visible answer (as in the reported campaign).',
  uses: [],
  fields: [],
  card: 'elicitReasoning',
  kinds: ['chat'],
};

export const randomTextMeta: AttackMeta = {
  id: 'randomText',
  name: 'Random text',
  summary: 'Random strings of words: the baseline that knows nothing of the task.',
  uses: [],
  fields: [],
  card: 'randomText',
  kinds: ['chat'],
};
