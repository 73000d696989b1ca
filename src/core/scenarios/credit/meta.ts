/**
 * The credit kind (metadata): a lender's model scores applicants described by `scenario.features`
 * named features, and its API returns the approval probability (REFERENCE.md, "The credit-scoring
 * scenario"; issue 11). Declares the kind's config fields (feature count, victim model, the
 * student of the retraining attacks, the API's explanations option) and its result part
 * (`result.credit`, ./parts.ts).
 *
 * `defense.output.explanations` lives in the output section because it is a property of the API's
 * answer format, but it is not a defense: it is the transparency a "why was I refused" service
 * offers, and what the `explanations` attack exploits (api.ts, Explainer).
 */
import type { FieldSpec } from '../../config/schema';
import type { ScenarioKindMeta } from '../../registry/types';
import { creditPartsArrays, summarizeCreditParts } from './parts';
import type { CreditParts } from './types';
import { DEFAULT_FEATURES, MAX_FEATURES, MIN_FEATURES } from './features';

/** The credit kind's model families (victim and student). */
export const CREDIT_MODELS = ['logistic', 'mlp'] as const;
export type CreditModelName = (typeof CREDIT_MODELS)[number];

declare module '../../types' {
  interface KindResults {
    /** the credit kind's features, weights, models and slice (./types.ts) */
    credit?: CreditParts;
  }
}

declare module '../../config/schema' {
  interface ScenarioKindNames {
    credit: true;
  }
  interface ScenarioFields {
    /** credit: number of applicant features d (the first d of features.ts) */
    features: number;
    /** credit: the feature across the 2-feature slice, numbered from 1 (./slice.ts sliceFeatures) */
    sliceX: number;
    /** credit: the feature up the 2-feature slice, numbered from 1 */
    sliceY: number;
  }
  interface VictimSection {
    /** credit: the lender's model */
    model: CreditModelName;
  }
  interface StudentSection {
    /** credit: the student trained by the retraining attacks and the fallbacks */
    model: CreditModelName;
  }
}
declare module '../../defenses/output/section' {
  interface OutputSection {
    /** credit: each answer also carries the feature attributions of its decision */
    explanations: boolean;
  }
}

const MODEL_LABELS = { logistic: 'Logistic regression', mlp: 'Neural network (MLP)' } as const;

const fields: FieldSpec[] = [
  {
    path: 'scenario.features',
    key: 'cf',
    kind: 'int',
    min: MIN_FEATURES,
    max: MAX_FEATURES,
    default: DEFAULT_FEATURES,
    label: 'Applicant features',
    unit: 'features',
    help: 'How many facts about an applicant the lender scores (income, debt-to-income, ...).',
  },
  // The slice's two features (issue 11: "two features chosen by the learner, others at the
  // median"): config fields so the worker computes the slice; numbered from 1 in the form's order.
  // A number past d, or Y equal to X, falls back to the first other features (slice.ts).
  {
    path: 'scenario.sliceX',
    key: 'sx',
    kind: 'int',
    min: 1,
    max: MAX_FEATURES,
    default: 1,
    label: 'Slice: feature across',
    help: 'The feature the approval slice shows from left to right (1 = income, in the form’s order); the others stay at the median applicant.',
  },
  {
    path: 'scenario.sliceY',
    key: 'sy',
    kind: 'int',
    min: 1,
    max: MAX_FEATURES,
    default: 2,
    label: 'Slice: feature up',
    help: 'The feature the approval slice shows from bottom to top (2 = debt-to-income); the others stay at the median applicant.',
  },
  {
    path: 'victim.model',
    key: 'vm',
    kind: 'enum',
    values: CREDIT_MODELS,
    labels: MODEL_LABELS,
    default: 'logistic',
    label: "Lender's model",
    help: 'Logistic regression (one weight per feature) or a small neural network.',
  },
  {
    path: 'attack.student.model',
    key: 'sm',
    kind: 'enum',
    values: CREDIT_MODELS,
    labels: MODEL_LABELS,
    default: 'logistic',
    label: 'Student model',
    help: "The attacker's copy when it trains on answers (random, natural, and any fallback).",
  },
  {
    path: 'defense.output.explanations',
    key: 'ox',
    kind: 'bool',
    default: false,
    label: 'Explain decisions',
    help: 'Each answer also says how much each feature pushed the decision (its attribution), as a "why was I refused" service would.',
  },
];

export const creditMeta: ScenarioKindMeta = {
  id: 'credit',
  name: 'Credit scoring',
  summary:
    "A lender's model approves or refuses applicants; its API returns the approval probability, and maybe why.",
  fields: fields.map((f) => ({ ...f, kinds: ['credit'] })),
  defaultStrategy: 'equationSolving',
  panel: {
    task: ['scenario.features', 'victim.model'],
    student: ['attack.student.model'],
    details: [],
  },
  resultParts: ['credit'],
  summarizeParts: (result, options) =>
    result.credit ? { credit: summarizeCreditParts(result.credit, options) } : {},
  transferables: (result) => (result.credit ? creditPartsArrays(result.credit) : []),
};
