import { describe, expect, it } from 'vitest';
import { createLabStore } from '../../src/state/store';
import { connectLocation, type WindowLike } from '../../src/state/location';

/** A window stand-in: a fragment, a history log and hashchange listeners. */
function fakeWindow(initialHash: string) {
  const listeners = new Set<() => void>();
  const log: { kind: 'replace' | 'push'; url: string }[] = [];
  const win: WindowLike & { location: { hash: string } } = {
    location: { hash: initialHash },
    history: {
      replaceState: (_d, _u, url) => {
        log.push({ kind: 'replace', url: url ?? '' });
        win.location.hash = url ?? '';
      },
      pushState: (_d, _u, url) => {
        log.push({ kind: 'push', url: url ?? '' });
        win.location.hash = url ?? '';
      },
    },
    addEventListener: (_t, l) => void listeners.add(l),
    removeEventListener: (_t, l) => void listeners.delete(l),
  };
  /** The user types a new fragment (or goes Back). */
  const navigate = (hash: string) => {
    win.location.hash = hash;
    for (const l of listeners) l();
  };
  return { win, log, navigate, listeners };
}

function manualTimers() {
  const queue: (() => void)[] = [];
  return {
    setTimer: (cb: () => void) => queue.push(cb),
    clearTimer: () => void queue.splice(0),
    fire: () => queue.splice(0).forEach((cb) => cb()),
    pending: () => queue.length,
  };
}

describe('connectLocation', () => {
  it('leaves an empty fragment alone and restores a shared one', () => {
    const empty = fakeWindow('');
    connectLocation(createLabStore(), empty.win);
    expect(empty.log).toEqual([]);

    const store = createLabStore();
    const shared = fakeWindow('#v=2&q=400&om=label');
    connectLocation(store, shared.win);
    expect(store.getState().config.attack.queries).toBe(400);
    expect(store.getState().config.defense.output.mode).toBe('label');
    expect(store.getState().notices).toEqual([]);
    expect(shared.log).toEqual([]); // already canonical
  });

  it('opens a version-1 link unchanged and rewrites it in the current version, without a notice', () => {
    const store = createLabStore();
    const old = fakeWindow('#v=1&q=400&om=label');
    connectLocation(store, old.win);
    expect(store.getState().config.attack.queries).toBe(400);
    expect(store.getState().config.defense.output.mode).toBe('label');
    expect(store.getState().notices).toEqual([]);
    expect(old.log).toEqual([{ kind: 'replace', url: '#v=2&q=400&om=label' }]);
  });

  it('keeps the valid part of a broken link, raises one notice and cleans the fragment', () => {
    const store = createLabStore();
    const { win, log } = fakeWindow('#v=1&q=99999&n=0.2&zz=1');
    connectLocation(store, win);
    expect(store.getState().config.scenario.noise).toBe(0.2);
    expect(store.getState().config.attack.queries).toBe(1000);
    const [notice] = store.getState().notices;
    expect(notice?.kind).toBe('link');
    expect(notice?.message).toMatch(/^2 settings in this link could not be used/);
    expect(notice?.details).toHaveLength(2);
    expect(notice?.details[0]).toMatch(/Query budget/);
    expect(log).toEqual([{ kind: 'replace', url: '#v=2&n=0.2' }]);
  });

  it('rewrites the fragment with replaceState, once per burst of changes', () => {
    const store = createLabStore();
    const { win, log } = fakeWindow('');
    const timers = manualTimers();
    connectLocation(store, win, timers);
    store.getState().setField('attack.queries', 100);
    store.getState().setField('attack.queries', 200);
    store.getState().setField('attack.strategy', 'active');
    expect(timers.pending()).toBe(1);
    timers.fire();
    expect(log).toEqual([{ kind: 'replace', url: '#v=2&a=active&q=200' }]);
  });

  it('remember() leaves one history entry for a deliberate action', () => {
    const store = createLabStore();
    const { win, log } = fakeWindow('#v=2&q=200');
    const timers = manualTimers();
    const sync = connectLocation(store, win, timers);
    store.getState().resetConfig();
    sync.remember();
    expect(log).toEqual([{ kind: 'push', url: '#v=2' }]);
    expect(timers.pending()).toBe(0);
  });

  it('follows a fragment the user edits (or Back)', () => {
    const store = createLabStore();
    const { win, navigate } = fakeWindow('');
    const timers = manualTimers();
    connectLocation(store, win, timers);
    navigate('#v=1&q=30');
    expect(store.getState().config.attack.queries).toBe(30);
    navigate('#v=1&q=bad');
    expect(store.getState().config.attack.queries).toBe(1000);
    expect(store.getState().notices).toHaveLength(1);
  });

  it('dispose removes the listener and stops writing', () => {
    const store = createLabStore();
    const { win, log, listeners } = fakeWindow('');
    const timers = manualTimers();
    const sync = connectLocation(store, win, timers);
    sync.dispose();
    expect(listeners.size).toBe(0);
    store.getState().setField('attack.queries', 100);
    timers.fire();
    expect(log).toEqual([]);
  });
});
