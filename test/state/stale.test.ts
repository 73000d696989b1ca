import { describe, expect, it } from 'vitest';
import { defaultConfig, setPath } from '../../src/core/config';
import { resultIsStale, SLOW_RUN_MS } from '../../src/state/stale';
import { createLabStore } from '../../src/state/store';
import { fakeResult } from './fixtures';

/** A store holding a result for the default config, then set to other settings. */
function moved() {
  const store = createLabStore();
  store.getState().runStarted();
  store.getState().runFinished(fakeResult(defaultConfig()));
  store.getState().setConfig(setPath(defaultConfig(), 'attack.queries', 300));
  return store;
}

describe('resultIsStale', () => {
  it('is false with no result, or a result of the settings on screen, whatever happened', () => {
    const store = createLabStore();
    expect(resultIsStale(store.getState())).toBe(false);
    store.getState().runFinished(fakeResult(defaultConfig()));
    store.getState().runFailed('boom');
    expect(resultIsStale(store.getState())).toBe(false);
  });

  it('does not mark a quick run in progress (the lab following a slider)', () => {
    const store = moved();
    store.getState().runStarted(120);
    expect(resultIsStale(store.getState())).toBe(false);
    store.getState().runStarted(null);
    expect(resultIsStale(store.getState())).toBe(false);
  });

  it('marks a slow run in progress at once', () => {
    const store = moved();
    store.getState().runStarted(SLOW_RUN_MS);
    expect(resultIsStale(store.getState())).toBe(true);
  });

  it('marks the previous result after a failure, a restart or a cancel, until a new result', () => {
    for (const interrupt of ['runFailed', 'runRestarted', 'runCancelled'] as const) {
      const store = moved();
      store.getState().runStarted(100);
      if (interrupt === 'runFailed') store.getState().runFailed('the engine crashed');
      else store.getState()[interrupt]();
      expect(resultIsStale(store.getState()), interrupt).toBe(true);
      // A new quick run after the failure: still stale until its result arrives.
      store.getState().runStarted(100);
      expect(resultIsStale(store.getState()), interrupt).toBe(true);
      store.getState().runFinished(fakeResult(store.getState().config));
      expect(resultIsStale(store.getState()), interrupt).toBe(false);
    }
  });
});
