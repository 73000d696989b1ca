/**
 * Idle-time preparation in the worker: after a run, train the victims the person is likely to ask
 * for next (the same settings on the other datasets), one per idle slice, so switching dataset
 * answers as fast as any other change. Victim training is the slowest step of a run (about
 * 100 ms); everything else reuses the cache.
 */
import type { Config } from '../core/config';
import { kindRuntime } from '../core/registry/runtime';
import type { VictimCache } from '../core/simulate';

export interface Prewarmer {
  /** remembers the config of the latest run; its neighbours become the work list */
  note(config: Config): void;
  /** trains one missing victim; returns true when more remain */
  step(): boolean;
}

/** Neighbouring configs whose victims are worth having (the kind says which: other datasets). */
export function neighbours(config: Config): Config[] {
  return kindRuntime(config).neighbours(config);
}

const victimKey = (config: Config) => kindRuntime(config).victimKey(config);

export function createPrewarmer(
  cache: VictimCache,
  prepare: (config: Config, cache: VictimCache) => void,
): Prewarmer {
  let pending: Config[] = [];
  return {
    note(config) {
      pending = neighbours(config).filter((c) => !cache.has(victimKey(c)));
    },
    step() {
      const next = pending.shift();
      if (next && !cache.has(victimKey(next))) prepare(next, cache);
      return pending.length > 0;
    },
  };
}
