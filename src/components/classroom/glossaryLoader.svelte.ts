/**
 * The glossary's text, loaded on demand: the first Term or setting tip that mounts asks for it, so
 * its ~8 KB of plain-words entries arrive right after the first paint instead of in the page's
 * first JavaScript (goal: <= 80 KB gzip, `npm run bench`). Until it arrives a term shows its words
 * without the button, and a tip shows its help without the glossary line.
 */
import type * as Glossary from '../../classroom/glossary';

let loaded = $state.raw<typeof Glossary | null>(null);
let pending: Promise<typeof Glossary> | null = null;

/** Starts loading the glossary (once; a failed load is retried by the next call). */
export function loadGlossary(): void {
  if (loaded || pending) return;
  pending = import('../../classroom/glossary').then(
    (module) => (loaded = module),
    (error: unknown) => {
      pending = null;
      throw error;
    },
  );
  pending.catch(() => {});
}

/** The glossary module once loaded (reactive: reading it in a component re-renders on arrival). */
export const glossary = {
  get current(): typeof Glossary | null {
    return loaded;
  },
};
