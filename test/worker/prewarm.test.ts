// Idle-time victim preparation: the right neighbours, the same weights simulate() would train,
// and idle work that never delays a request.
import { describe, expect, it } from 'vitest';
import { defaultConfig, setPath } from '../../src/core/config';
import { prepareVictim, simulate } from '../../src/core/simulate';
import { summarizeResult } from '../../src/core/summary';
import { createVictimCache } from '../../src/core/simulate';
import { victimKey } from '../../src/core/scenarios/planar/victim';
import { createPrewarmer, neighbours } from '../../src/worker/prewarm';
import { createRequestLoop } from '../../src/worker/serve';
import { fakeResult } from '../state/fixtures';

describe('prewarm', () => {
  it('lists the same settings on every other dataset', () => {
    const list = neighbours(defaultConfig()).map((c) => c.scenario.dataset);
    expect(list).toEqual(['circles', 'xor', 'spiral', 'blobs']);
  });

  it('trains one missing victim per step, and a prepared victim gives the same run as a fresh one', () => {
    const cache = createVictimCache();
    const prepared: string[] = [];
    const warmer = createPrewarmer(cache, (config, c) => {
      prepared.push(config.scenario.dataset);
      prepareVictim(config, c);
    });
    const base = setPath(defaultConfig(), 'attack.queries', 100);
    warmer.note(base);
    let more = true;
    while (more) more = warmer.step();
    expect(prepared).toEqual(['circles', 'xor', 'spiral', 'blobs']);
    const spiral = setPath(base, 'scenario.dataset', 'spiral');
    expect(cache.has(victimKey(spiral))).toBe(true);
    const warm = JSON.stringify(summarizeResult(simulate(spiral, { victimCache: cache })));
    const cold = JSON.stringify(summarizeResult(simulate(spiral)));
    expect(warm).toBe(cold);
    // Nothing left to do for the same config.
    warmer.note(base);
    expect(warmer.step()).toBe(false);
    expect(prepared).toHaveLength(4);
  });
});

describe('request loop idle work', () => {
  function setup() {
    const tasks: (() => void)[] = [];
    const timers: { callback: () => void; ms: number; cancelled: boolean }[] = [];
    const steps: string[] = [];
    let remaining = 3;
    const handle = createRequestLoop({
      post: () => {},
      runSimulation: (config) => fakeResult(config),
      transferablesOf: () => [],
      schedule: (task) => tasks.push(task),
      now: () => 0,
      idleWork: {
        note: (config) => steps.push(`note ${config.attack.queries}`),
        step: () => {
          steps.push('step');
          remaining -= 1;
          return remaining > 0;
        },
      },
      later: (callback, ms) => {
        const timer = { callback, ms, cancelled: false };
        timers.push(timer);
        return () => {
          timer.cancelled = true;
        };
      },
    });
    const flush = () => {
      while (tasks.length > 0) tasks.shift()!();
    };
    const fire = () => {
      const timer = timers.find((t) => !t.cancelled && !('fired' in t));
      if (!timer) return false;
      Object.assign(timer, { fired: true });
      timer.callback();
      return true;
    };
    return { handle, flush, fire, steps, timers };
  }

  it('starts after a quiet spell, continues slice by slice, and a request cancels it', () => {
    const { handle, flush, fire, steps, timers } = setup();
    handle({
      type: 'run',
      id: 1,
      config: setPath(defaultConfig(), 'attack.queries', 200),
      baseline: null,
    });
    flush();
    expect(steps).toEqual(['note 200']);
    expect(timers[0]!.ms).toBeGreaterThanOrEqual(500);
    expect(fire()).toBe(true);
    expect(steps).toEqual(['note 200', 'step']);
    // A new request arrives before the next slice: the pending slice is cancelled.
    handle({
      type: 'run',
      id: 2,
      config: setPath(defaultConfig(), 'attack.queries', 300),
      baseline: null,
    });
    expect(timers[1]!.cancelled).toBe(true);
    flush();
    expect(steps).toEqual(['note 200', 'step', 'note 300']);
    while (fire());
    expect(steps.filter((s) => s === 'step')).toHaveLength(3);
  });
});
