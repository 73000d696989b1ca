/**
 * The output defense at run time: the last answer stage, which turns the answer so far (clean
 * probabilities, maybe watermarked) into the served format of the chosen mode.
 */
import type { DefenseRuntime } from '../../registry/runtime-types';
import { outputMeta } from './meta';
import { outputMode } from './modes/index';

export const output: DefenseRuntime = {
  id: 'output',
  meta: outputMeta,
  stage({ config, rng }) {
    const options = config.defense.output;
    const mode = outputMode(options.mode);
    return {
      answer(probs, _inputs, _offset, _cleanLabel, _log, _entry, scratch) {
        mode.perturb(probs, options, rng, scratch);
        probs.set(scratch);
      },
    };
  },
};
