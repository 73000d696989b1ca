/**
 * The output defense at run time: the last answer stage, which turns the answer so far (clean
 * probabilities, maybe watermarked) into the served format of the chosen mode.
 */
import type { DefenseRuntime } from '../../registry/runtime-types';
import { outputMeta } from './meta';
import { outputMode } from './modes/index';
import { PREPARED } from './prepared';

export const output: DefenseRuntime = {
  id: 'output',
  meta: outputMeta,
  stage(setup) {
    const { config, rng } = setup;
    const options = config.defense.output;
    const mode = outputMode(options.mode);
    const prepare = PREPARED.get(options.mode);
    if (prepare) {
      // Formats that read the query and the owner's models (./prepared.ts).
      const answer = prepare(setup);
      return {
        answer(probs, inputs, offset, _cleanLabel, _log, _entry, scratch) {
          answer(probs, inputs, offset, scratch);
          probs.set(scratch);
        },
      };
    }
    return {
      answer(probs, _inputs, _offset, _cleanLabel, _log, _entry, scratch) {
        mode.perturb(probs, options, rng, scratch);
        probs.set(scratch);
      },
    };
  },
};
