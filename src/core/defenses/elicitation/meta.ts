/**
 * Reasoning-elicitation filter (metadata; chat kind only): requests that ask the model to write
 * out its reasoning (in the lab's language, prompts ending with `[steps]`) get the answer without
 * it: the API withholds everything up to the `=>` that closes the steps, as it withholds hidden
 * reasoning (scenarios/chat/chatApi.ts, `filterElicitation`). REFERENCE.md, "The chat scenario":
 * the reported campaign's prompts asked for step-by-step reasoning, and the provider described
 * classifiers for reasoning-elicitation prompts. Honest users who ask for an explanation are
 * filtered too: counted as steps denied (scenarios/chat/elicitation.ts).
 */
import { setPath } from '../../config/paths';
import { switchedKnob } from '../../registry/knobs';
import type { DefenseMeta } from '../../registry/types';

declare module '../../config/schema' {
  interface DefenseSections {
    elicitation: {
      /** withhold the steps from answers to prompts that ask for them */
      on: boolean;
      /** share of such prompts the filter catches (its classifier's recall) */
      recall: number;
    };
  }
}

export const elicitationMeta: DefenseMeta = {
  id: 'elicitation',
  name: 'Reasoning-elicitation filter',
  summary:
    'Requests that ask the model to write out its reasoning get the answer without the steps.',
  fields: [
    {
      path: 'defense.elicitation.on',
      key: 'ef',
      kind: 'bool',
      default: false,
      label: 'Reasoning filter',
      help: 'Requests that ask the model to show its steps get the answer without them. Honest users who ask for an explanation lose it too.',
      kinds: ['chat'],
    },
    {
      path: 'defense.elicitation.recall',
      key: 'er',
      kind: 'number',
      min: 0,
      max: 1,
      default: 1,
      label: 'Share of such requests caught',
      help: "The filter's recall: the share of requests for the steps it recognises (chosen by a keyed hash of the prompt, so asking again does not help).",
      control: { step: 0.05 },
      kinds: ['chat'],
    },
  ],
  switchPath: 'defense.elicitation.on',
  stage: 'answer',
  // with hidden reasoning (45): it decides which tokens are returned, before the answer format
  order: 46,
  isOn: (config) => config.scenario.kind === 'chat' && config.defense.elicitation.on,
  disable: (config) => setPath(config, 'defense.elicitation.on', false),
  visibleFields: () => ['defense.elicitation.recall'],
  knobs: [
    switchedKnob({
      path: 'defense.elicitation.recall',
      switchPath: 'defense.elicitation.on',
      label: 'Reasoning-elicitation filter',
      defense: 'elicitation',
      levels: ['off', 0.25, 0.5, 0.75, 0.9, 1],
      unit: 'recall',
      kinds: ['chat'],
    }),
  ],
  costs: ['stepsDenied'],
  cards: () => ['elicitationFilter'],
  kinds: ['chat'],
};
