/**
 * The chat kind (metadata): a tiny language model that does chained addition mod 10 with a
 * reasoning trace is served through a chat API, and an attacker distils its skill into a student
 * (REFERENCE.md, "The chat scenario"; the task in ./task.ts, the models in ./lm.ts). Declares the
 * kind's config fields (operands, the teacher's temperature, the honest users' wish for steps, the
 * student, the price per token) and its result part (`result.chat`).
 */
import type { FieldSpec } from '../../config/schema';
import { tidy } from '../../math/tidy';
import type { ScenarioKindMeta } from '../../registry/types';
import type { ChatResult } from './result';
import { DEFAULT_OPERANDS, OPERANDS_MAX, OPERANDS_MIN } from './task';

/** Largest share of cover traffic (`attack.mixing`); ./mixing.ts reads it. */
export const MIXING_MAX = 0.95;

declare module '../../config/schema' {
  interface ScenarioKindNames {
    chat: true;
  }
  interface ScenarioFields {
    /** operands k of the chat task (chained addition mod 10) */
    operands: number;
    /** share of honest chat requests that want to see the steps (0..1) */
    honestWantSteps: number;
  }
  interface VictimSection {
    /** the chat teacher's sampling temperature */
    temperature: number;
  }
  interface StudentSection {
    /** hidden units of the chat student (one hidden layer) */
    width: number;
    /** Adam updates of the chat student in all */
    steps: number;
  }
  interface AttackKnobs {
    /** USD per million tokens the chat teacher generates for the attacker */
    pricePerMTok: number;
    /** share of the attacker's prompts that imitate honest requests (cover traffic, ./mixing.ts) */
    mixing: number;
  }
}

declare module '../../types' {
  interface SimulationResult {
    /** the chat kind's part: tokens, transcript samples, honest users' steps, side-by-side answers */
    chat?: ChatResult;
  }
}

/** Default price per million generated tokens: an assumption of the lab (see the field's help). */
export const DEFAULT_PRICE_PER_MTOK = 10;

const fields: FieldSpec[] = [
  {
    path: 'scenario.operands',
    key: 'ko',
    kind: 'int',
    min: OPERANDS_MIN,
    max: OPERANDS_MAX,
    default: DEFAULT_OPERANDS,
    label: 'Operands',
    help: 'How many digits the model adds (mod 10). More digits need more reasoning steps.',
  },
  {
    path: 'scenario.honestWantSteps',
    key: 'kw',
    kind: 'number',
    min: 0,
    max: 1,
    default: 0.3,
    label: 'Honest users who want the steps',
    help: 'Share of honest requests whose users want to see how the model got its answer (an assumption of the lab).',
    control: { step: 0.05 },
  },
  {
    path: 'victim.temperature',
    key: 'vt',
    kind: 'number',
    min: 0.05,
    max: 2,
    default: 1,
    label: 'Temperature',
    help: 'How freely the model samples its words: 1 is its own distribution; lower is more predictable. The maths stays near-certain; the chatty words vary.',
    control: { step: 0.05 },
  },
  {
    path: 'attack.pricePerMTok',
    key: 'pt',
    kind: 'number',
    min: 0,
    max: 1000,
    default: DEFAULT_PRICE_PER_MTOK,
    label: 'Price',
    unit: 'USD per million tokens',
    help: 'What the API charges per million tokens it generates, hidden reasoning included. The default is an assumption of this lab, not a published figure.',
    control: { sliderMax: 100, step: 1 },
  },
  {
    path: 'attack.mixing',
    key: 'mx',
    kind: 'number',
    min: 0,
    max: MIXING_MAX,
    default: 0,
    label: 'Cover traffic',
    help: "Share of the attacker's prompts that imitate honest users (their wording, hours and questions), so that each account looks like an ordinary customer. Cover prompts are paid for like any other, and the copy does not learn from them.",
    control: { step: 0.05 },
  },
  {
    path: 'attack.student.width',
    key: 'kh',
    kind: 'int',
    min: 4,
    max: 128,
    default: 48,
    label: 'Student hidden units',
    help: "Size of the attacker's language model (one hidden layer over the last 6 tokens).",
    control: { scale: 'log' },
  },
  {
    path: 'attack.student.steps',
    key: 'ks',
    kind: 'int',
    min: 50,
    max: 20000,
    default: 1000,
    label: 'Student training steps',
    help: 'Adam updates (32 tokens each) the attacker spends training its copy on the answers.',
    control: { scale: 'log' },
  },
];

export const chatMeta: ScenarioKindMeta = {
  id: 'chat',
  name: 'Chat model',
  summary:
    'A tiny chat model that adds digits step by step; the attacker distils its skill from the answers.',
  fields: fields.map((f) => ({ ...f, kinds: ['chat'] })),
  defaultStrategy: 'taskPrompts',
  panel: {
    task: ['scenario.operands', 'victim.temperature'],
    student: ['attack.student.width'],
    details: [
      'attack.mixing',
      'attack.student.steps',
      'attack.pricePerMTok',
      'scenario.honestWantSteps',
    ],
  },
  resultParts: ['chat'],
  summarizeParts: (result) =>
    result.chat
      ? {
          chat: {
            ...result.chat,
            victimCapability: tidy(result.chat.victimCapability),
            studentCapability: tidy(result.chat.studentCapability),
            studentFidelity: tidy(result.chat.studentFidelity),
            honest: {
              ...result.chat.honest,
              deniedShare: tidy(result.chat.honest.deniedShare),
              correctShare: tidy(result.chat.honest.correctShare),
              cleanCorrectShare: tidy(result.chat.honest.cleanCorrectShare),
            },
          },
        }
      : {},
  transferables: () => [],
};
