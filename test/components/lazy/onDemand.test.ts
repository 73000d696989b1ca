import { describe, expect, it } from 'vitest';
import { prefetchEachWhenIdle, type IdleHost } from '../../../src/components/lazy/onDemand';

/** A window whose timers and idle callbacks run when the test says. */
function manualHost(withIdle: boolean) {
  const queue: { kind: string; run: () => void }[] = [];
  const host: IdleHost = {
    setTimeout: (run, ms) => queue.push({ kind: `timeout ${ms}`, run }),
    ...(withIdle
      ? { requestIdleCallback: (run: () => void) => queue.push({ kind: 'idle', run }) }
      : {}),
  };
  const step = () => {
    const next = queue.shift();
    next?.run();
    return next?.kind;
  };
  return { host, queue, step };
}

describe('prefetchEachWhenIdle', () => {
  it('prefetches one part per idle moment, after the delay', () => {
    const { host, step } = manualHost(true);
    const fetched: string[] = [];
    prefetchEachWhenIdle(
      host,
      { prefetch: (...p: string[]) => fetched.push(...p) },
      ['a', 'b', 'c'],
      700,
    );
    const kinds: (string | undefined)[] = [];
    for (let i = 0; i < 12; i++) kinds.push(step());
    expect(fetched).toEqual(['a', 'b', 'c']);
    // delay, idle (a), then for each next part a 0 ms timeout and an idle moment
    expect(kinds.slice(0, 6)).toEqual([
      'timeout 700',
      'idle',
      'timeout 0',
      'idle',
      'timeout 0',
      'idle',
    ]);
  });

  it('without idle callbacks, one part per timer', () => {
    const { host, step } = manualHost(false);
    const fetched: string[][] = [];
    prefetchEachWhenIdle(host, { prefetch: (...p: string[]) => fetched.push(p) }, ['a', 'b'], 10);
    step();
    expect(fetched).toEqual([['a']]);
    step();
    expect(fetched).toEqual([['a'], ['b']]);
    expect(step()).toBe('timeout 0'); // nothing left: the chain ends
    expect(step()).toBeUndefined();
  });
});
