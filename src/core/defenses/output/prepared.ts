/**
 * Answer formats that need per-run state (the query point and models the owner trains): their
 * answer function for one prediction API, built once per run. Worker and CLI only: the owner's
 * models (../../models) stay off the page's main thread, where the formats' metadata lives
 * (./modes). The output defense's stage (./index.ts) uses the entry of the chosen mode, if any;
 * test/core/registry.test.ts checks every entry names a registered format.
 */
import type { OutputMode } from '../../config/schema';
import type { ApiSetup } from '../../registry/runtime-types';
import { MadPoisoner } from './mad';
import { blendInto, distanceScore, misinformationWeight, nearestDistance } from './ood';
import { madSurrogate, misinformationModel, ownerReferenceDistance } from './owner-models';
import type { AnswerFn } from './section';

export const PREPARED: ReadonlyMap<OutputMode, (setup: ApiSetup) => AnswerFn> = new Map<
  OutputMode,
  (setup: ApiSetup) => AnswerFn
>([
  [
    'misinformation',
    ({ config, dims, owner }) => {
      if (!owner) throw new Error('misinformation: the API was built without the owner assets');
      const { tau, nu } = config.defense.output;
      const { train } = owner;
      const reference = ownerReferenceDistance(owner);
      const fHat = misinformationModel(owner, config);
      return (clean, inputs, offset, out) => {
        const d = nearestDistance(inputs, offset, train.inputs, train.count, dims);
        const a = misinformationWeight(distanceScore(d, reference), tau, nu);
        // offset is row * dims (the API passes the row's start)
        blendInto(clean, fHat.forwardRow(inputs, offset / dims), a, out);
      };
    },
  ],
  [
    'mad',
    ({ config, owner }) => {
      if (!owner) throw new Error('mad: the API was built without the owner assets');
      const { epsilon, keepTop1 } = config.defense.output;
      const poisoner = new MadPoisoner(madSurrogate(owner, config));
      return (clean, inputs, offset, out) => {
        poisoner.computeGram(inputs, offset);
        poisoner.poison(clean, epsilon, keepTop1, out);
      };
    },
  ],
]);
