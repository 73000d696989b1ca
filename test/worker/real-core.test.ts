// The worker's request loop over the real simulator (in Node): replies survive a structured clone
// with their buffers transferred, exactly as postMessage will do in the browser.
import { describe, expect, it } from 'vitest';
import { defaultConfig, setPath } from '../../src/core/config';
import { simulate } from '../../src/core/simulate';
import { SWEEP_KNOB_BY_NAME, sweep } from '../../src/core/sweep';
import { createVictimCache } from '../../src/core/simulate';
import { levelRun, summarizeLevel } from '../../src/core/sweepSummary';
import { resultTransferables, type WorkerReply } from '../../src/worker/protocol';
import { createRequestLoop } from '../../src/worker/serve';
import { withoutDefenses } from '../../src/state/store';

describe('request loop over the real core', () => {
  it('serves a run with its baseline and lean runs of a sweep; every reply clones with transfer', () => {
    const received: WorkerReply[] = [];
    const tasks: (() => void)[] = [];
    const victimCache = createVictimCache();
    const handle = createRequestLoop({
      post: (reply, transfer) => received.push(structuredClone(reply, { transfer })),
      runSimulation: (config, onProgress) => simulate(config, { onProgress, victimCache }),
      runLean: (config) => levelRun(simulate(config, { victimCache, lean: true })),
      transferablesOf: (result) => resultTransferables(result),
      schedule: (task) => tasks.push(task),
      now: () => performance.now(),
    });
    const small = setPath(setPath(defaultConfig(), 'attack.queries', 60), 'benign.accounts', 20);
    const defended = setPath(small, 'defense.output.mode', 'label');
    handle({ type: 'run', id: 1, config: defended, baseline: withoutDefenses(defended) });
    // a sweep as the pool sends it: one lean run per level (seed 1 only)
    const knob = SWEEP_KNOB_BY_NAME.get('defense.output.sigma')!;
    const levels = ['off', 0.5] as const;
    levels.forEach((level, i) =>
      handle({ type: 'leanRun', id: 2 + i, config: knob.apply(setPath(small, 'seed', 1), level) }),
    );
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

    const lean = received.flatMap((r) => (r.type === 'result' && r.kind === 'leanRun' ? [r] : []));
    expect(lean.map((r) => r.id)).toEqual([2, 3]);
    // Run by run, the sweep matches the simulator's own sweep of all levels at once.
    expect(lean.map((r, i) => summarizeLevel(knob, levels[i]!, [r.run]))).toEqual(
      sweep(small, 'defense.output.sigma', [...levels], [1], { victimCache }).levels,
    );
    expect(received.filter((r) => r.type === 'done').map((r) => r.id)).toEqual([1, 2, 3]);
    expect(received.some((r) => r.type === 'error')).toBe(false);
  });
});
