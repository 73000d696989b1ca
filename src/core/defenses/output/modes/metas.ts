/**
 * The answer formats' metadata for the page: the same list, in the same order, as ./index.ts
 * without the perturbation functions, so the page's main thread loads none of the formats' maths
 * (what the attacker sees is computed in the worker). test/core/registry.test.ts requires the two
 * lists to match.
 */
import type { OutputModeMeta } from '../../../registry/types';
import { labelMeta } from './label';
import { logprobsMeta } from './logprobs';
import { madMeta } from './mad';
import { misinformationMeta } from './misinformation';
import { noiseMeta } from './noise';
import { probabilitiesMeta } from './probabilities';
import { reverseSigmoidMeta } from './reverseSigmoid';
import { roundedMeta } from './rounded';
import { textMeta } from './text';
import { topkMeta } from './topk';
import { topLogprobsMeta } from './topLogprobs';

export const OUTPUT_MODE_METAS: readonly OutputModeMeta[] = [
  probabilitiesMeta,
  roundedMeta,
  topkMeta,
  labelMeta,
  noiseMeta,
  reverseSigmoidMeta,
  misinformationMeta,
  madMeta,
  textMeta,
  topLogprobsMeta,
  logprobsMeta,
];
