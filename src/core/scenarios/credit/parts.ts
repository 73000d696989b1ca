/**
 * The credit kind's result part as plain JSON (CLI, exports) and its typed arrays (moved across
 * the worker boundary). Light on purpose: the page's main thread loads it through ./meta.ts.
 */
import { tidy } from '../../math/tidy';
import type { CreditModelData, CreditParts, LinearWeights } from './types';

const linear = (model: LinearWeights | null) =>
  model ? { weights: Array.from(model.weights, tidy), bias: tidy(model.bias) } : null;

const model = (data: CreditModelData | null) =>
  data?.linear
    ? { linear: linear(data.linear) }
    : data?.network
      ? { network: { spec: data.network.spec, params: Array.from(data.network.params, tidy) } }
      : null;

/** `parts` as plain JSON; the models and the slice only with `maps` (they are large). */
export function summarizeCreditParts(parts: CreditParts, options: { maps?: boolean } = {}) {
  return {
    features: parts.features.map((f) => ({ ...f, mean: tidy(f.mean), sd: tidy(f.sd) })),
    median: Array.from(parts.median, tidy),
    victimModel: parts.victimModel,
    victim: linear(parts.victim),
    stolen: linear(parts.stolen),
    stolenByPoint: parts.stolenByPoint.map((point) =>
      point ? { ...linear(point)!, upToScale: point.upToScale } : null,
    ),
    upToScale: parts.upToScale,
    method: parts.method,
    fallback: parts.fallback,
    unknowns: parts.unknowns,
    explanations: parts.explanations,
    ...(options.maps
      ? {
          models: { victim: model(parts.models.victim), student: model(parts.models.student) },
          slice: {
            features: parts.slice.features,
            resolution: parts.slice.victim.resolution,
            box: parts.slice.victim.box,
            victim: Array.from(parts.slice.victim.probabilities, tidy),
            student: Array.from(parts.slice.student.probabilities, tidy),
          },
        }
      : {}),
  };
}

/** Every typed array of `parts` (transferred, not copied, to the page). */
export function creditPartsArrays(parts: CreditParts): ArrayBufferView[] {
  return [
    parts.median,
    ...(parts.victim ? [parts.victim.weights] : []),
    ...(parts.stolen && parts.stolen.weights !== parts.victim?.weights
      ? [parts.stolen.weights]
      : []),
    ...parts.stolenByPoint.flatMap((point) => (point ? [point.weights] : [])),
    parts.slice.victim.probabilities,
    parts.slice.student.probabilities,
  ];
}
