/**
 * The classroom's parts that load on demand (src/components/lazy/onDemand.ts): each dialog and the
 * lesson bar is its own chunk, fetched the first time it is wanted, or earlier, when a person points
 * at or focuses the button that opens it, or when the page is idle.
 */
import type { Component } from 'svelte';
import type { ClassroomDialog } from '../../state/classroom.svelte';
import { onDemand, prefetchEachWhenIdle, type IdleHost } from '../lazy/onDemand';

/** A part that loads on demand: one per dialog, and the lesson bar. */
export type LazyPart = Exclude<ClassroomDialog, null> | 'lessonBar';

// Each part's component takes no props: it reads the lab and the classroom from the context.
type Loaded = Component<Record<string, never>>;

const PARTS = onDemand<LazyPart, Loaded>({
  lessons: () => import('./LessonPicker.svelte'),
  cards: () => import('./PolicyCardsDialog.svelte'),
  glossary: () => import('./GlossaryDialog.svelte'),
  export: () => import('./ExportDialog.svelte'),
  report: () => import('./ReportDialog.svelte'),
  embed: () => import('./EmbedDialog.svelte'),
  help: () => import('./ShortcutsHelp.svelte'),
  lessonBar: () => import('./LessonBar.svelte'),
});

export const LAZY_PARTS = PARTS.parts;
export type { IdleHost };

/**
 * The component of `part` if it has been fetched already (then it mounts in the same update as
 * the click that opens it, not a microtask later).
 * @param part which dialog, or the lesson bar
 */
export const loadedPart = (part: LazyPart): Loaded | undefined => PARTS.loaded(part);

/**
 * The component of `part`, fetched once (a failed fetch is forgotten, so a later call retries).
 * @param part which dialog, or the lesson bar
 */
export const loadPart = (part: LazyPart): Promise<Loaded> => PARTS.load(part);

/**
 * Starts fetching parts that may be wanted soon; failures are left to `loadPart`'s caller.
 * @param parts the parts to fetch
 */
export const prefetchPart = (...parts: LazyPart[]): void => PARTS.prefetch(...parts);

/**
 * Fetches every part once the page has settled: `delayMs` after the call, at the next idle moment
 * (at the latest a second later; browsers without idle callbacks fetch after the delay).
 * @param host the window
 * @param delayMs how long to leave the first run alone
 */
export function prefetchWhenIdle(host: IdleHost, delayMs = 1500): void {
  prefetchEachWhenIdle(host, PARTS, LAZY_PARTS, delayMs);
}
