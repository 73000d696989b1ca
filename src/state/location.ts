/**
 * Keeps the URL fragment and the store's config in step. Opening a link restores its config (a
 * broken link keeps its valid part and raises a notice naming each bad field); editing settings
 * rewrites the fragment with history.replaceState, at most once per `intervalMs`, so a slider drag
 * neither floods the history nor trips the browser's history rate limit. Deliberate actions (reset,
 * presets) may call `remember()` to leave one Back step. The window is passed in.
 */
import { formatShareHash, parseShareHash, viewPart } from './url';
import type { LabStore } from './store';

export interface WindowLike {
  location: { readonly hash: string };
  history: {
    replaceState(data: unknown, unused: string, url?: string): void;
    pushState(data: unknown, unused: string, url?: string): void;
  };
  addEventListener(type: 'hashchange', listener: () => void): void;
  removeEventListener(type: 'hashchange', listener: () => void): void;
}

export interface LocationOptions {
  /** minimum milliseconds between two fragment rewrites (default 250) */
  intervalMs?: number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface LocationSync {
  /** Writes the current config now and leaves a history entry (Back returns to the previous one). */
  remember(): void;
  dispose(): void;
}

/** Applies a fragment to the store; reports problems as one dismissable notice. */
export function applyHash(store: LabStore, hash: string): void {
  const { config, issues } = parseShareHash(hash);
  store.getState().setConfig(config);
  if (issues.length === 0) return;
  store.getState().addNotice({
    kind: 'link',
    level: 'error',
    message:
      issues.length === 1
        ? 'One setting in this link could not be used; the lab kept everything else.'
        : `${issues.length} settings in this link could not be used; the lab kept everything else.`,
    details: issues.map((issue) => issue.message),
  });
}

export function connectLocation(
  store: LabStore,
  win: WindowLike,
  options: LocationOptions = {},
): LocationSync {
  const intervalMs = options.intervalMs ?? 250;
  const setTimer = options.setTimer ?? ((cb, ms) => setTimeout(cb, ms));
  const clearTimer =
    options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let timer: unknown = null;
  /** the fragment we last wrote (or found), to tell our own changes from the user's */
  let written = win.location.hash;

  function write(push: boolean): void {
    timer = null;
    // The view keys (lesson, embed, lock, ...) stay in the link beside the settings.
    const hash = formatShareHash(store.getState().config) + viewPart(win.location.hash);
    if (hash === written && !push) return;
    written = hash;
    if (push) win.history.pushState(null, '', hash);
    else win.history.replaceState(null, '', hash);
  }

  // Open a link: restore its config, then show the canonical form of what was kept.
  if (win.location.hash.replace(/^#/, '') !== '') {
    applyHash(store, win.location.hash);
    write(false);
  }

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.config === previous.config || timer !== null) return;
    timer = setTimer(() => write(false), intervalMs);
  });

  // The user edited the fragment or went Back: follow it unless it is what we wrote.
  const onHashChange = () => {
    if (win.location.hash === written) return;
    written = win.location.hash;
    applyHash(store, win.location.hash);
  };
  win.addEventListener('hashchange', onHashChange);

  return {
    remember() {
      if (timer !== null) clearTimer(timer);
      write(true);
    },
    dispose() {
      unsubscribe();
      win.removeEventListener('hashchange', onHashChange);
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
  };
}
