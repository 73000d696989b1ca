// The worker's request loop over the real simulator (in Node): replies survive a structured clone
// with their buffers transferred, exactly as postMessage will do in the browser.
import { describe, expect, it } from 'vitest';
import { defaultConfig, setPath } from '../../src/core/config';
import { simulate } from '../../src/core/simulate';
import { SWEEP_KNOB_BY_NAME, sweep } from '../../src/core/sweep';
import { createVictimCache } from '../../src/core/simulate';
import { resultTransferables, type WorkerReply } from '../../src/worker/protocol';
import { createRequestLoop } from '../../src/worker/serve';
import { withoutDefenses } from '../../src/state/store';

describe('request loop over the real core', () => {
  it('serves a run with its baseline and a sweep; every reply clones with transfer', () => {
    const received: WorkerReply[] = [];
    const tasks: (() => void)[] = [];
    const victimCache = createVictimCache();
    const handle = createRequestLoop({
      post: (reply, transfer) => received.push(structuredClone(reply, { transfer })),
      runSimulation: (config, onProgress) => simulate(config, { onProgress, victimCache }),
      sweepLevels: (request) =>
        request.levels ?? [...(SWEEP_KNOB_BY_NAME.get(request.knob)?.levels ?? [])],
      runSweepLevels: (request, levels, onProgress) =>
        sweep(request.config, request.knob, levels, request.seeds, { onProgress, victimCache }),
      transferablesOf: (result) => resultTransferables(result),
      schedule: (task) => tasks.push(task),
      now: () => performance.now(),
    });
    const small = setPath(setPath(defaultConfig(), 'attack.queries', 60), 'benign.accounts', 20);
    const defended = setPath(small, 'defense.output.mode', 'label');
    handle({ type: 'run', id: 1, config: defended, baseline: withoutDefenses(defended) });
    handle({
      type: 'sweep',
      id: 2,
      config: small,
      knob: 'defense.output.sigma',
      levels: ['off', 0.5],
      seeds: [1],
    });
    while (tasks.length > 0) tasks.shift()!();

    const runs = received.filter((r) => r.type === 'result' && r.kind === 'run');
    expect(runs).toHaveLength(2);
    const [main, baseline] = runs;
    if (main?.type !== 'result' || main.kind !== 'run') throw new Error('no main result');
    if (baseline?.type !== 'result' || baseline.kind !== 'run') throw new Error('no baseline');
    expect(main.role).toBe('main');
    expect(main.result.config.defense.output.mode).toBe('label');
    expect(baseline.result.config.defense.output.mode).toBe('probabilities');
    // The maps arrive intact after the transfer (64 x 64 cells x 2 classes).
    expect(main.result.maps!.victim.probabilities.length).toBe(
      main.result.maps!.victim.resolution ** 2 * main.result.classes,
    );
    expect(main.result.maps!.studentSlices).toHaveLength(main.result.curve.length);
    // Same attack on the same victim: the comparison run is the no-defense run of that config.
    expect(baseline.result.maps!.victim.probabilities).toEqual(
      main.result.maps!.victim.probabilities,
    );

    const sweeps = received.filter((r) => r.type === 'result' && r.kind === 'sweep');
    expect(
      sweeps.map((r) => (r.type === 'result' && r.kind === 'sweep' ? r.partial : null)),
    ).toEqual([true, false]);
    // Level by level, the sweep matches the simulator's own sweep of all levels at once.
    const full = sweeps.at(-1);
    if (full?.type !== 'result' || full.kind !== 'sweep') throw new Error('no sweep');
    expect(full.result).toEqual(
      sweep(small, 'defense.output.sigma', ['off', 0.5], [1], { victimCache }),
    );
    expect(received.filter((r) => r.type === 'done').map((r) => r.id)).toEqual([1, 2]);
    expect(received.some((r) => r.type === 'error')).toBe(false);
  });
});
