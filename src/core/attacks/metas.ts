/**
 * The attacks' metadata (names, fields, cards, kinds) for the page: the same list as ./index.ts
 * without the run functions, so the page's main thread does not load the attacks' code (a credit
 * attack's solvers and trainers, say). test/core/registry.test.ts requires the two lists to match.
 */
import type { AttackMeta } from '../registry/types';
import { elicitReasoning, randomText, taskPrompts } from './chat';
import type { AttackPlugin } from './context';
import { activeMeta } from './active';
import { equationSolvingMeta } from './equationSolving';
import { explanationsMeta } from './explanations';
import { jacobianMeta } from './jacobian';
import { lineSearchMeta } from './lineSearch';
import { logitStealing } from './logitStealing';
import { naturalMeta } from './natural';
import { randomMeta } from './random';

/** A plug-in's metadata: the plug-in without its run function (the chat kind drives its prompts). */
function metaOf({ run: _run, ...meta }: AttackPlugin): AttackMeta {
  return meta;
}

export const ATTACK_METAS: readonly AttackMeta[] = [
  randomMeta,
  naturalMeta,
  activeMeta,
  jacobianMeta,
  equationSolvingMeta,
  lineSearchMeta,
  explanationsMeta,
  ...[taskPrompts, elicitReasoning, randomText, logitStealing].map(metaOf),
];
