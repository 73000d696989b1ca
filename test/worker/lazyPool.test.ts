import { describe, expect, it, vi } from 'vitest';
import { defaultConfig } from '../../src/core/config';
import { lazySweepClient } from '../../src/worker/lazyPool';
import type { SweepClient } from '../../src/worker/pool';

const config = defaultConfig();

function recordingClient(calls: string[]): SweepClient {
  return {
    sweep: (_c, knob) => (calls.push(`sweep ${knob}`), 1),
    sweepBatch: (_c, knobs) => (calls.push(`batch ${knobs.length}`), 2),
    limits: () => (calls.push('limits'), 3),
    dispose: () => void calls.push('dispose'),
  };
}

describe('lazySweepClient', () => {
  it('loads once, replays the calls made meanwhile in order, then calls straight through', async () => {
    const calls: string[] = [];
    const load = vi.fn(() => Promise.resolve(recordingClient(calls)));
    const client = lazySweepClient(load);
    client.sweep(config, 'a', {}, { onResult() {} });
    client.sweepBatch(config, ['a', 'b'], {}, { onResult() {} });
    expect(calls).toEqual([]);
    await Promise.resolve();
    await Promise.resolve();
    expect(calls).toEqual(['sweep a', 'batch 2']);
    client.limits(config, { onResult() {} });
    expect(calls).toEqual(['sweep a', 'batch 2', 'limits']);
    expect(load).toHaveBeenCalledTimes(1);
    client.dispose();
    expect(calls.at(-1)).toBe('dispose');
  });

  it('tells every waiting call when loading fails, and tries again on the next call', async () => {
    const load = vi.fn(() => Promise.reject(new Error('offline')));
    const client = lazySweepClient(load);
    const errors: string[] = [];
    client.sweep(config, 'a', {}, { onResult() {}, onError: (m) => errors.push(m) });
    client.limits(config, { onResult() {}, onError: (m) => errors.push(m) });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/could not load: Error: offline/);
    client.sweep(config, 'a', {}, { onResult() {} });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('disposes a client that arrives after dispose, and calls nothing on it', async () => {
    const calls: string[] = [];
    const client = lazySweepClient(() => Promise.resolve(recordingClient(calls)));
    client.sweep(config, 'a', {}, { onResult() {} });
    client.dispose();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toEqual(['dispose']);
  });
});
