/**
 * Watermark at run time: the answer stage plants DAWN's keyed wrong label (./dawn.ts) and logs it;
 * the report runs the ownership test on the attacker's student, against its own baseline, and on an
 * independently trained control model (the scenario kind trains it: its own labelled sample of
 * the task, never the API), which must not be accused.
 */
import type { DefenseRuntime } from '../../registry/runtime-types';
import { applyWatermark, ownershipCheck, watermarkDecision } from './dawn';
import { watermarkMeta } from './meta';

/** Smallest training set of the control model. */
export const CONTROL_MIN_TRAIN = 200;

export const watermark: DefenseRuntime = {
  id: 'watermark',
  meta: watermarkMeta,
  stage({ config, watermarkKey, dims, classes }) {
    const { rate } = config.defense.watermark;
    return {
      answer(probs, inputs, offset, cleanLabel, log, entry) {
        const wrong = watermarkDecision(
          watermarkKey,
          inputs,
          offset,
          dims,
          rate,
          classes,
          cleanLabel,
        );
        if (wrong >= 0) {
          applyWatermark(probs, wrong);
          log.planted[entry] = wrong;
        }
      },
    };
  },
  report: {
    key: 'watermark',
    build({ config, log, student, watermarkKey, trainControl, rng }) {
      const { alpha } = config.defense.watermark;
      const control = trainControl(Math.max(CONTROL_MIN_TRAIN, log.count), rng);
      const ofSuspect = ownershipCheck(student, log, watermarkKey, alpha);
      const ofControl = ownershipCheck(control, log, watermarkKey, alpha);
      return {
        pValue: ofSuspect.pValue,
        controlPValue: ofControl.pValue,
        matchRate: ofSuspect.matchRate,
        baselineRate: ofSuspect.baselineRate,
        controlMatchRate: ofControl.matchRate,
        controlBaselineRate: ofControl.baselineRate,
        watermarkedQueries: ofSuspect.watermarked,
        shown: ofSuspect.shown,
        controlAccused: ofControl.shown,
      };
    },
  },
};
