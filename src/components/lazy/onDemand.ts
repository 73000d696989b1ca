/**
 * Parts of the page that load on demand: each is its own chunk (Vite splits at every `import()`),
 * fetched the first time it is wanted, or earlier (a person points at the button that opens it, or
 * the page is idle). Used by the classroom's dialogs (src/components/classroom/lazy.ts) and by the
 * charts only some runs show (./charts.ts), so the first page's JavaScript stays small (goal:
 * <= 80 KB gzip, `npm run bench`). The service worker precaches every chunk, so parts load offline.
 */

/** A group of parts loaded on demand, each fetched once. */
export interface OnDemand<Part extends string, Loaded> {
  /** every part of the group */
  parts: Part[];
  /** the part if it has arrived already (then it mounts in the same update that asks for it) */
  loaded(part: Part): Loaded | undefined;
  /** the part, fetched once (a failed fetch is forgotten, so a later call retries) */
  load(part: Part): Promise<Loaded>;
  /** starts fetching parts that may be wanted soon; failures are left to `load`'s caller */
  prefetch(...parts: Part[]): void;
}

/**
 * A group of on-demand parts.
 * @param loaders one `() => import('…')` per part; the module's default export is the part
 */
export function onDemand<Part extends string, Loaded>(
  loaders: Record<Part, () => Promise<{ default: Loaded }>>,
): OnDemand<Part, Loaded> {
  const loading = new Map<Part, Promise<Loaded>>();
  const arrived = new Map<Part, Loaded>();
  const load = (part: Part): Promise<Loaded> => {
    let pending = loading.get(part);
    if (!pending) {
      pending = loaders[part]().then((module) => {
        arrived.set(part, module.default);
        return module.default;
      });
      pending.catch(() => loading.delete(part));
      loading.set(part, pending);
    }
    return pending;
  };
  return {
    parts: Object.keys(loaders) as Part[],
    loaded: (part) => arrived.get(part),
    load,
    prefetch: (...parts) => {
      for (const part of parts) load(part).catch(() => {});
    },
  };
}

/** What `whenIdle` needs from the window (passed in for tests). */
export interface IdleHost {
  requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number;
  setTimeout: (callback: () => void, ms: number) => unknown;
}

/**
 * Runs `task` once the page has settled: `delayMs` after the call, at the next idle moment (at the
 * latest a second later; browsers without idle callbacks run it after the delay).
 * @param host the window
 * @param task what to run (typically a group's `prefetch` of every part)
 * @param delayMs how long to leave the first run alone
 */
export function whenIdle(host: IdleHost, task: () => void, delayMs = 1500): void {
  host.setTimeout(() => {
    if (host.requestIdleCallback) host.requestIdleCallback(task, { timeout: 1000 });
    else task();
  }, delayMs);
}

/**
 * Prefetches `parts` of `group` once the page has settled, one part per idle moment: each import
 * costs the main thread its module-preload links and evaluation, and all of them in one idle
 * callback made a task of 90-250 ms after the first result (a Chromium trace of the first load,
 * issue 14's "no task over 50 ms").
 * @param host the window
 * @param group the on-demand group
 * @param parts the parts to fetch, in order
 * @param delayMs how long to leave the first run alone
 */
export function prefetchEachWhenIdle<Part extends string>(
  host: IdleHost,
  group: Pick<OnDemand<Part, unknown>, 'prefetch'>,
  parts: readonly Part[],
  delayMs = 1500,
): void {
  const next = (index: number): void => {
    const part = parts[index];
    if (part === undefined) return;
    group.prefetch(part);
    whenIdle(host, () => next(index + 1), 0);
  };
  whenIdle(host, () => next(0), delayMs);
}
