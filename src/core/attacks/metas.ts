/**
 * The attacks' metadata (names, fields, cards, kinds) for the page: the same list as ./index.ts
 * without the run functions. Each attack keeps its metadata in `<id>/meta.ts` and its run in
 * `<id>/index.ts`, so the page's main thread loads none of the attacks' code (a credit attack's
 * solvers and trainers, say). test/core/registry.test.ts requires the two lists to match.
 */
import type { AttackMeta } from '../registry/types';
import { activeMeta } from './active/meta';
import { elicitReasoningMeta, randomTextMeta, taskPromptsMeta } from './chat/meta';
import { equationSolvingMeta } from './equationSolving/meta';
import { explanationsMeta } from './explanations/meta';
import { jacobianMeta } from './jacobian/meta';
import { lineSearchMeta } from './lineSearch/meta';
import { naturalMeta } from './natural/meta';
import { randomMeta } from './random/meta';

export const ATTACK_METAS: readonly AttackMeta[] = [
  randomMeta,
  naturalMeta,
  activeMeta,
  jacobianMeta,
  equationSolvingMeta,
  lineSearchMeta,
  explanationsMeta,
  taskPromptsMeta,
  elicitReasoningMeta,
  randomTextMeta,
];
