/**
 * The classroom's parts that load on demand: each dialog and the lesson bar is its own chunk
 * (Vite splits at every `import()`), fetched the first time it is wanted, or earlier, when a
 * person points at or focuses the button that opens it, or when the page is idle. This keeps the
 * first page's JavaScript small (goal: <= 80 KB gzip, `npm run bench`), while opening a dialog
 * still shows it at once. The service worker precaches every chunk (precache-manifest.json lists
 * every built file), so the parts load offline too.
 */
import type { Component } from 'svelte';
import type { ClassroomDialog } from '../../state/classroom.svelte';

/** A part that loads on demand: one per dialog, and the lesson bar. */
export type LazyPart = Exclude<ClassroomDialog, null> | 'lessonBar';

// Each part's component takes no props: it reads the lab and the classroom from the context.
type Loaded = Component<Record<string, never>>;

const LOADERS: Record<LazyPart, () => Promise<{ default: Loaded }>> = {
  lessons: () => import('./LessonPicker.svelte'),
  cards: () => import('./PolicyCardsDialog.svelte'),
  glossary: () => import('./GlossaryDialog.svelte'),
  export: () => import('./ExportDialog.svelte'),
  report: () => import('./ReportDialog.svelte'),
  embed: () => import('./EmbedDialog.svelte'),
  help: () => import('./ShortcutsHelp.svelte'),
  lessonBar: () => import('./LessonBar.svelte'),
};

export const LAZY_PARTS = Object.keys(LOADERS) as LazyPart[];

const loading = new Map<LazyPart, Promise<Loaded>>();
const loaded = new Map<LazyPart, Loaded>();

/**
 * The component of `part` if it has been fetched already (then it mounts in the same update as
 * the click that opens it, not a microtask later).
 * @param part which dialog, or the lesson bar
 */
export function loadedPart(part: LazyPart): Loaded | undefined {
  return loaded.get(part);
}

/**
 * The component of `part`, fetched once (a failed fetch is forgotten, so a later call retries).
 * @param part which dialog, or the lesson bar
 */
export function loadPart(part: LazyPart): Promise<Loaded> {
  let pending = loading.get(part);
  if (!pending) {
    pending = LOADERS[part]().then((module) => {
      loaded.set(part, module.default);
      return module.default;
    });
    pending.catch(() => loading.delete(part));
    loading.set(part, pending);
  }
  return pending;
}

/**
 * Starts fetching parts that may be wanted soon; failures are left to `loadPart`'s caller.
 * @param parts the parts to fetch
 */
export function prefetchPart(...parts: LazyPart[]): void {
  for (const part of parts) loadPart(part).catch(() => {});
}

/** What `prefetchWhenIdle` needs from the window (passed in for tests). */
export interface IdleHost {
  requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number;
  setTimeout: (callback: () => void, ms: number) => unknown;
}

/**
 * Fetches every part once the page has settled: `delayMs` after the call, at the next idle moment
 * (at the latest a second later; browsers without idle callbacks fetch after the delay).
 * @param host the window
 * @param delayMs how long to leave the first run alone
 */
export function prefetchWhenIdle(host: IdleHost, delayMs = 1500): void {
  host.setTimeout(() => {
    const fetchAll = () => prefetchPart(...LAZY_PARTS);
    if (host.requestIdleCallback) host.requestIdleCallback(fetchAll, { timeout: 1000 });
    else fetchAll();
  }, delayMs);
}
