import { describe, expect, it } from 'vitest';
import { defaultConfig, setPath } from '../../src/core/config';
import { createLabStore, hasDefense, sameConfig, withoutDefenses } from '../../src/state/store';
import { fakeResult, fakeSweep } from './fixtures';

describe('createLabStore', () => {
  it('starts idle with the default config and nothing computed', () => {
    const s = createLabStore().getState();
    expect(s.config).toEqual(defaultConfig());
    expect(s.status).toBe('idle');
    expect(s.result).toBeNull();
    expect(s.baseline).toBeNull();
    expect(s.notices).toEqual([]);
    expect(s.frame).toBeNull();
  });

  it('gives each store its own state', () => {
    const a = createLabStore();
    const b = createLabStore();
    a.getState().setField('attack.queries', 300);
    expect(b.getState().config.attack.queries).toBe(1000);
  });
});

describe('setField', () => {
  it('updates one field immutably and leaves the rest shared', () => {
    const store = createLabStore();
    const before = store.getState().config;
    expect(store.getState().setField('attack.queries', 300)).toEqual({ ok: true });
    const after = store.getState().config;
    expect(after.attack.queries).toBe(300);
    expect(before.attack.queries).toBe(1000);
    expect(after).not.toBe(before);
    expect(after.defense).toBe(before.defense);
  });

  it('refuses an out-of-range value, names the field and range, and keeps the last valid value', () => {
    const store = createLabStore();
    store.getState().setField('attack.queries', 300);
    const outcome = store.getState().setField('attack.queries', 50_000);
    expect(outcome).toEqual({
      ok: false,
      message: 'Query budget must be an integer from 10 to 10000; kept 300.',
    });
    expect(store.getState().config.attack.queries).toBe(300);
  });

  it('refuses unknown paths and wrong kinds', () => {
    const store = createLabStore();
    // A typo does not compile (paths are typed); a path from untyped input is refused at run time.
    // @ts-expect-error 'attack.nope' is not a config path
    expect(store.getState().setField('attack.nope', 1).ok).toBe(false);
    expect(store.getState().setField('defense.rateLimit.on', 'yes').ok).toBe(false);
    expect(store.getState().setField('attack.student.hidden', [0]).ok).toBe(false);
    expect(store.getState().config).toEqual(defaultConfig());
  });

  it('does not notify subscribers when the value is unchanged', () => {
    const store = createLabStore();
    let calls = 0;
    store.subscribe(() => calls++);
    store.getState().setField('attack.queries', 1000);
    store.getState().setField('attack.student.hidden', [16, 16]);
    expect(calls).toBe(0);
    store.getState().setField('attack.student.hidden', [8]);
    expect(calls).toBe(1);
  });
});

describe('runs', () => {
  it('moves idle -> running -> done and keeps the previous result while running', () => {
    const store = createLabStore();
    const first = fakeResult();
    store.getState().runStarted();
    expect(store.getState().status).toBe('running');
    store.getState().runProgress(0.5, 'attack');
    expect(store.getState().progress).toEqual({ fraction: 0.5, phase: 'attack' });
    store.getState().runFinished(first);
    expect(store.getState().status).toBe('done');
    expect(store.getState().result).toBe(first);
    store.getState().runStarted();
    expect(store.getState().result).toBe(first);
  });

  it('uses the run itself as the comparison when no defense is on', () => {
    const store = createLabStore();
    const result = fakeResult();
    store.getState().runFinished(result);
    expect(store.getState().baseline).toBe(result);
  });

  it('keeps a comparison run only while it still matches the attack', () => {
    const defended = setPath(defaultConfig(), 'defense.output.mode', 'label');
    const store = createLabStore(defended);
    store.getState().baselineFinished(fakeResult(withoutDefenses(defended)));
    const baseline = store.getState().baseline;
    store.getState().runFinished(fakeResult(defended));
    expect(store.getState().baseline).toBe(baseline);
    // A different attack invalidates it.
    const moreQueries = setPath(defended, 'attack.queries', 20);
    store.getState().runFinished(fakeResult(moreQueries));
    expect(store.getState().baseline).toBeNull();
  });

  it('records a failure with a readable message and stops Play', () => {
    const store = createLabStore();
    store.getState().setPlaying(true);
    store.getState().runFailed('The simulation stopped: boom');
    expect(store.getState()).toMatchObject({
      status: 'error',
      error: 'The simulation stopped: boom',
      playing: false,
    });
  });
});

describe('sweeps, pin and notices', () => {
  it('tracks sweeps per knob', () => {
    const store = createLabStore();
    store.getState().sweepStarted('defense.output.sigma');
    store.getState().sweepProgress('defense.output.sigma', 0.25, 'level 1');
    expect(store.getState().sweeps['defense.output.sigma']?.progress.fraction).toBe(0.25);
    const sweep = fakeSweep(defaultConfig(), 'defense.output.sigma');
    const partial = { ...sweep, levels: sweep.levels.slice(0, 1) };
    store.getState().sweepPartial(partial);
    expect(store.getState().sweeps['defense.output.sigma']).toMatchObject({
      status: 'running',
      result: partial,
      progress: { fraction: 0.25 },
    });
    store.getState().sweepFinished(sweep);
    expect(store.getState().sweeps['defense.output.sigma']).toMatchObject({
      status: 'done',
      result: sweep,
    });
    store.getState().sweepFailed('defense.rateLimit.perDay', 'no');
    expect(store.getState().sweeps['defense.rateLimit.perDay']).toMatchObject({
      status: 'error',
      error: 'no',
    });
    expect(store.getState().sweeps['defense.output.sigma']?.result).toBe(sweep);
  });

  it('marks a superseded sweep as no longer running and keeps its partial levels', () => {
    const store = createLabStore();
    const partial = fakeSweep(defaultConfig(), 'k');
    store.getState().sweepStarted('k');
    store.getState().sweepPartial(partial);
    store.getState().sweepCancelled('k');
    expect(store.getState().sweeps.k).toMatchObject({ status: 'idle', result: partial });
    store.getState().sweepCancelled('never-started');
    expect(store.getState().sweeps['never-started']).toBeUndefined();
  });

  it('pins the latest result', () => {
    const store = createLabStore();
    const result = fakeResult();
    store.getState().runFinished(result);
    store.getState().pin();
    store.getState().runFinished(fakeResult(defaultConfig(), { fidelity: 0.5 }));
    expect(store.getState().pinned).toBe(result);
    store.getState().unpin();
    expect(store.getState().pinned).toBeNull();
  });

  it('adds, replaces by kind and dismisses notices', () => {
    const store = createLabStore();
    const a = store
      .getState()
      .addNotice({ kind: 'link', level: 'error', message: 'a', details: [] });
    const b = store
      .getState()
      .addNotice({ kind: 'worker', level: 'error', message: 'b', details: [] });
    const c = store
      .getState()
      .addNotice({ kind: 'link', level: 'error', message: 'c', details: [] });
    expect(new Set([a, b, c]).size).toBe(3);
    expect(store.getState().notices.map((n) => n.message)).toEqual(['b', 'c']);
    store.getState().dismissNotice(c);
    expect(store.getState().notices.map((n) => n.message)).toEqual(['b']);
  });
});

describe('Play frames', () => {
  it('steps through the slices and wraps after the last one', () => {
    const store = createLabStore();
    store.getState().stepFrame();
    expect(store.getState().frame).toBeNull(); // nothing to step without a result
    store.getState().runFinished(fakeResult(defaultConfig(), { slices: 3 }));
    const seen: (number | null)[] = [];
    for (let i = 0; i < 4; i++) {
      store.getState().stepFrame();
      seen.push(store.getState().frame);
    }
    expect(seen).toEqual([0, 1, 2, 0]);
  });

  it('clamps frames to the result, also when a shorter result arrives', () => {
    const store = createLabStore();
    store.getState().runFinished(fakeResult(defaultConfig(), { slices: 6 }));
    store.getState().setFrame(99);
    expect(store.getState().frame).toBe(5);
    store.getState().runFinished(fakeResult(defaultConfig(), { slices: 2 }));
    expect(store.getState().frame).toBe(1);
    store.getState().setFrame(null);
    expect(store.getState().frame).toBeNull();
  });
});

describe('helpers', () => {
  it('withoutDefenses switches every defense off and keeps the attack', () => {
    let config = defaultConfig();
    config = setPath(config, 'defense.output.mode', 'noise');
    config = setPath(config, 'defense.rateLimit.on', true);
    config = setPath(config, 'defense.watermark.on', true);
    config = setPath(config, 'defense.detection.on', true);
    config = setPath(config, 'attack.queries', 77);
    expect(hasDefense(config)).toBe(true);
    const bare = withoutDefenses(config);
    expect(hasDefense(bare)).toBe(false);
    expect(bare.attack).toBe(config.attack);
    expect(bare.defense.output.sigma).toBe(config.defense.output.sigma);
    expect(hasDefense(defaultConfig())).toBe(false);
  });

  it('sameConfig compares structure, not identity or key order', () => {
    const a = defaultConfig();
    const copy = JSON.parse(JSON.stringify(defaultConfig())) as Record<string, unknown>;
    const b = Object.fromEntries(Object.entries(copy).reverse()) as unknown as typeof a;
    expect(Object.keys(b)[0]).not.toBe(Object.keys(a)[0]);
    expect(sameConfig(a, b)).toBe(true);
    expect(sameConfig(a, { ...b, seed: 2 })).toBe(false);
    expect(sameConfig(a, undefined)).toBe(false);
  });
});
