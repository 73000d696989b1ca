/**
 * A run's result as plain JSON: numbers and arrays only (typed arrays become arrays), maps and the
 * query trace optional because they are large. The CLI prints it; the page exports it.
 */
import { tidy } from './math/tidy';
import { KIND_BY_ID } from './registry/meta';
import type { SimulationResult } from './types';

export interface SummaryOptions {
  /** include the kind's large parts (the planar kind's decision maps: probabilities on the grid) */
  maps?: boolean;
  /** include the attacker's queries (inputs, status, served label, watermark flag, account, day) */
  queries?: boolean;
}

export function summarizeResult(result: SimulationResult, options: SummaryOptions = {}) {
  const q = result.queries;
  return {
    config: result.config,
    classes: result.classes,
    victim: {
      accuracy: tidy(result.victim.accuracy),
      trainAccuracy: tidy(result.victim.trainAccuracy),
    },
    student: {
      accuracy: tidy(result.student.accuracy),
      fidelity: tidy(result.student.fidelity),
      fidelityUniform: tidy(result.student.fidelityUniform),
      // kinds that measure more about the student (credit: weights and scores)
      ...(result.student.weightError !== undefined
        ? {
            weightError:
              result.student.weightError === null ? null : tidy(result.student.weightError),
          }
        : {}),
      ...(result.student.scoreError !== undefined
        ? { scoreError: tidy(result.student.scoreError) }
        : {}),
    },
    attacker: result.attacker,
    defenseCost: {
      benignAccuracyDrop: tidy(result.defenseCost.benignAccuracyDrop),
      accuracyDropBy: Object.fromEntries(
        Object.entries(result.defenseCost.accuracyDropBy).map(([id, drop]) => [id, tidy(drop)]),
      ),
      distortion: tidy(result.defenseCost.distortion),
      benignBlocked: tidy(result.defenseCost.benignBlocked),
      falsePositives: tidy(result.defenseCost.falsePositives),
      ...(result.defenseCost.stepsDenied !== undefined
        ? { stepsDenied: tidy(result.defenseCost.stepsDenied) }
        : {}),
    },
    watermark: result.watermark,
    detection: result.detection,
    // campaign detection (chat kind): present only when it ran, so other results keep their shape
    ...(result.campaign ? { campaign: result.campaign } : {}),
    curve: result.curve.map((point) => ({
      queries: point.queries,
      answered: point.answered,
      fidelity: tidy(point.fidelity),
      fidelityUniform: tidy(point.fidelityUniform),
      accuracy: tidy(point.accuracy),
    })),
    ...(options.queries
      ? {
          queries: {
            count: q.count,
            inputs: Array.from(q.inputs.subarray(0, q.count * q.dims), tidy),
            status: Array.from(q.status.subarray(0, q.count)),
            servedLabel: Array.from(q.servedLabel.subarray(0, q.count)),
            watermarked: Array.from(q.watermarked.subarray(0, q.count)),
            account: Array.from(q.account.subarray(0, q.count)),
            day: Array.from(q.day.subarray(0, q.count)),
          },
        }
      : {}),
    ...KIND_BY_ID.get(result.kind)?.summarizeParts(result, { maps: options.maps }),
  };
}

export type ResultSummary = ReturnType<typeof summarizeResult>;
