// @vitest-environment happy-dom
// The classroom's on-demand parts: every dialog has a loader, a part is fetched once, the idle
// prefetch waits for the first run, and LazyPart mounts a dialog only once it is asked for.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, waitFor } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import LazyPart from '../../../src/components/classroom/LazyPart.svelte';
import {
  LAZY_PARTS,
  loadedPart,
  loadPart,
  prefetchWhenIdle,
} from '../../../src/components/classroom/lazy';
import { Classroom, classroomContextEntry } from '../../../src/state/classroom.svelte';
import { createLab, labContext } from '../../../src/state/lab';
import { createLabStore } from '../../../src/state/store';

afterEach(() => cleanup());

describe('loadPart', () => {
  it('has a part for every classroom dialog and the lesson bar, each a component', async () => {
    expect([...LAZY_PARTS].sort()).toEqual(
      ['cards', 'embed', 'export', 'glossary', 'help', 'lessonBar', 'lessons', 'report'].sort(),
    );
    for (const part of LAZY_PARTS) expect(typeof (await loadPart(part)), part).toBe('function');
  });

  it('fetches a part once: later calls share the same promise, and then have it at hand', async () => {
    expect(loadPart('help')).toBe(loadPart('help'));
    expect(loadedPart('help')).toBe(await loadPart('help'));
  });
});

describe('prefetchWhenIdle', () => {
  it('waits the delay, then asks for an idle moment (at most a second later)', () => {
    const timers: number[] = [];
    const idle: (number | undefined)[] = [];
    let later: (() => void) | null = null;
    prefetchWhenIdle(
      {
        setTimeout: (callback, ms) => {
          timers.push(ms);
          later = callback;
        },
        requestIdleCallback: (_callback, options) => idle.push(options?.timeout) ?? 0,
      },
      1500,
    );
    expect(timers).toEqual([1500]);
    expect(idle).toEqual([]);
    (later as (() => void) | null)?.();
    expect(idle).toEqual([1000]);
  });
});

describe('LazyPart', () => {
  it('mounts nothing until its dialog is opened, then the dialog, which stays mounted', async () => {
    const lab = createLab(createLabStore());
    const classroom = new Classroom(lab, {
      location: { hash: '' },
      history: { replaceState: () => {} },
      fetch: async () => ({ ok: false, status: 404, json: async () => null }),
    });
    const context = labContext(lab) as Map<symbol, unknown>;
    context.set(...classroomContextEntry(classroom));
    const { container, rerender } = render(LazyPart, {
      props: { part: 'help', when: false },
      context,
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(container.querySelector('dialog')).toBeNull();

    classroom.open('help');
    await rerender({ part: 'help', when: true });
    await waitFor(() =>
      expect(container.querySelector('dialog h2')?.textContent).toBe('Keyboard shortcuts'),
    );
    expect(container.querySelector('dialog')?.open).toBe(true);
    classroom.close();
    await rerender({ part: 'help', when: false });
    flushSync();
    // Still mounted (focus return and state kept), but closed.
    expect(container.querySelector('dialog')?.open).toBe(false);
  });
});
