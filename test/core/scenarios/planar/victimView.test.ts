// The victim's labels and decision map are kept beside its cached weights (victim.ts): a run with a
// cached victim must give the bits of a run without a cache, even after the worker has transferred
// an earlier result's buffers away; and the final student map, taken from the last slice, must be
// the student's own map, in a buffer of its own.
import { describe, expect, it } from 'vitest';
import { defaultConfig, setPath } from '../../../../src/core/config';
import { simulate } from '../../../../src/core/simulate';
import { resultTransferables } from '../../../../src/worker/protocol';
import type { SimulationResult } from '../../../../src/core/types';

const config = setPath(defaultConfig(), 'attack.queries', 200);

/** Detaches a result's buffers as postMessage with a transfer list does. */
const transferAway = (result: SimulationResult) =>
  structuredClone(result, { transfer: resultTransferables(result) });

describe('the victim view beside the cached weights', () => {
  it('gives a cached run the bits of an uncached one, after the last result was transferred', () => {
    const fresh = simulate(config, {});
    const cache = new Map<string, unknown>();
    const first = simulate(config, { victimCache: cache });
    const sent = transferAway(first);
    expect(first.maps?.victim.probabilities.length).toBe(0); // detached here, as in the worker
    const second = simulate(config, { victimCache: cache });
    expect(second).toEqual(fresh);
    expect(sent).toEqual(fresh);
    // another answer format on the same victim: the view is shared, the result its own
    const noisy = setPath(config, 'defense.output.mode', 'noise');
    expect(simulate(noisy, { victimCache: cache })).toEqual(simulate(noisy, {}));
  });

  it('takes the final student map from the last slice, in a buffer of its own', () => {
    const result = simulate(config, { victimCache: new Map() });
    const maps = result.maps!;
    const last = maps.studentSlices[maps.studentSlices.length - 1]!;
    expect(maps.student.probabilities).toEqual(last);
    expect(maps.student.probabilities.buffer).not.toBe(last.buffer);
    expect(maps.student.resolution).toBe(maps.victim.resolution);
    expect(maps.student.box).toEqual(maps.victim.box);
    // every buffer once in the transfer list (a buffer listed twice makes postMessage throw)
    const buffers = resultTransferables(result);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(buffers).toContain(maps.student.probabilities.buffer);
    // (the golden runs, test/core/golden.test.ts, pin the maps' bits as drawn before the reuse)
  });
});
