import { describe, expect, it } from 'vitest';
import { defaultConfig, setPath } from '../../src/core/config';
import { createRunEstimator } from '../../src/worker/estimate';
import {
  WATCHDOG_FACTOR,
  WATCHDOG_FLOOR_MS,
  WATCHDOG_UNKNOWN_MS,
  watchdogAllowanceMs,
} from '../../src/worker/watchdog';

/** A stand-in cost model: 1,000 ms cold, 100 ms with the victim cached. */
const model = (_config: unknown, options: { victimCached?: boolean } = {}) =>
  options.victimCached ? 100 : 1000;

describe('createRunEstimator', () => {
  it('counts the victim until a run with it has finished, and again after a restart', () => {
    const estimator = createRunEstimator(model);
    const config = defaultConfig();
    expect(estimator.estimateMs(config, null)).toBe(1000);
    estimator.finished(config);
    expect(estimator.estimateMs(config, null)).toBe(100);
    // Another victim (another seed) is not held.
    expect(estimator.estimateMs(setPath(config, 'seed', 9), null)).toBe(1000);
    // The attack does not change the victim.
    expect(estimator.estimateMs(setPath(config, 'attack.queries', 50), null)).toBe(100);
    estimator.restarted();
    expect(estimator.estimateMs(config, null)).toBe(1000);
  });

  it('says nothing rather than NaN when the model cannot estimate', () => {
    expect(createRunEstimator(() => NaN).estimateMs(defaultConfig(), null)).toBeNull();
  });

  it('adds the comparison run, which reuses the victim', () => {
    const estimator = createRunEstimator(model);
    expect(estimator.estimateMs(defaultConfig(), defaultConfig())).toBe(1100);
  });
});

describe('watchdogAllowanceMs', () => {
  const run = (queries: number, baseline = false) => ({
    type: 'run' as const,
    id: 1,
    config: setPath(defaultConfig(), 'attack.queries', queries),
    baseline: baseline ? defaultConfig() : null,
  });
  /** 1 ms per query: easy to check by hand */
  const perQuery = (config: ReturnType<typeof defaultConfig>) => config.attack.queries;

  it('falls back to a long allowance when the run cannot be estimated', () => {
    expect(watchdogAllowanceMs(run(10), () => NaN)).toBe(WATCHDOG_UNKNOWN_MS);
  });

  it('never goes below the floor', () => {
    expect(watchdogAllowanceMs(run(10), perQuery)).toBe(WATCHDOG_FLOOR_MS);
  });

  it('is a multiple of the estimated work of the run and its comparison run', () => {
    expect(watchdogAllowanceMs(run(4000), perQuery)).toBe(WATCHDOG_FACTOR * 4000);
    expect(watchdogAllowanceMs(run(4000, true), perQuery)).toBe(WATCHDOG_FACTOR * 5000);
  });

  it('covers one lean run of a sweep (the pool sends them one config each)', () => {
    const lean = {
      type: 'leanRun' as const,
      id: 2,
      config: setPath(defaultConfig(), 'attack.queries', 2000),
    };
    expect(watchdogAllowanceMs(lean, perQuery)).toBe(WATCHDOG_FACTOR * 2000);
  });

  it('with the real cost model, allows an everything-at-maximum run minutes', () => {
    let config = defaultConfig();
    for (const [path, value] of [
      ['scenario.trainSize', 5000],
      ['victim.hidden', [32, 32, 32]],
      ['victim.epochs', 500],
      ['attack.queries', 10000],
      ['attack.student.hidden', [32, 32, 32]],
      ['attack.student.epochs', 500],
    ] as const)
      config = setPath(config, path, value);
    const allowance = watchdogAllowanceMs({ type: 'run', id: 1, config, baseline: null });
    expect(allowance).toBeGreaterThan(60_000);
    const defaultRun = watchdogAllowanceMs({ ...run(1000), config: defaultConfig() });
    expect(defaultRun).toBeGreaterThanOrEqual(WATCHDOG_FLOOR_MS);
    expect(defaultRun).toBeLessThan(20_000);
  });
});
