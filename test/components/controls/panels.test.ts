// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/svelte';
import AttackerPanel from '../../../src/components/controls/AttackerPanel.svelte';
import DefenderPanel from '../../../src/components/controls/DefenderPanel.svelte';
import PlaybackControls from '../../../src/components/controls/PlaybackControls.svelte';
import { createLabStore } from '../../../src/state/store';
import { createLab, labContext } from '../../../src/state/lab';
import { fakeResult } from '../../state/fixtures';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function setup() {
  const store = createLabStore();
  const runNow = vi.fn();
  return { store, runNow, context: labContext(createLab(store, { runNow })) };
}

const flush = () => Promise.resolve();

describe('AttackerPanel', () => {
  it("shows each strategy's own knobs only", async () => {
    const { store, context } = setup();
    const { queryByRole } = render(AttackerPanel, { context });
    const knob = (name: RegExp) => queryByRole('spinbutton', { name });
    expect(knob(/Pool shift/)).toBeNull();
    store.getState().setField('attack.strategy', 'natural');
    await flush();
    expect(knob(/Pool shift/)).not.toBeNull();
    expect(knob(/Active rounds/)).toBeNull();
    store.getState().setField('attack.strategy', 'active');
    await flush();
    expect(knob(/Active rounds/)).not.toBeNull();
    store.getState().setField('attack.strategy', 'jacobian');
    await flush();
    expect(knob(/Seed set/)).not.toBeNull();
    expect(knob(/Step lambda/)).not.toBeNull();
    expect(knob(/Active rounds/)).toBeNull();
  });
});

describe('DefenderPanel', () => {
  it("shows the output mode's own parameter", async () => {
    const { store, context } = setup();
    const { queryByRole } = render(DefenderPanel, { context });
    const knob = (name: RegExp) => queryByRole('spinbutton', { name });
    expect(knob(/Decimals/)).toBeNull();
    for (const [mode, names] of [
      ['rounded', [/Decimals/]],
      ['topk', [/Top k/]],
      ['noise', [/Noise sigma/]],
      ['reverseSigmoid', [/Reverse sigmoid beta/, /Reverse sigmoid gamma/]],
    ] as const) {
      store.getState().setField('defense.output.mode', mode);
      await flush();
      for (const name of names) expect(knob(name), `${mode} ${name}`).not.toBeNull();
    }
  });

  it('switches a defense on, reveals its parameters and shows its live cost', async () => {
    const { store, context } = setup();
    const { getByRole, queryByRole, getByText } = render(DefenderPanel, { context });
    const rateLimit = getByRole('switch', { name: /Rate limit/ }) as HTMLInputElement;
    expect(rateLimit.checked).toBe(false);
    expect(queryByRole('spinbutton', { name: /Per account per day/ })).toBeNull();
    await fireEvent.click(rateLimit);
    expect(store.getState().config.defense.rateLimit.on).toBe(true);
    expect(queryByRole('spinbutton', { name: /Per account per day/ })).not.toBeNull();
    expect(getByText('measuring…')).toBeTruthy();
    store.getState().runFinished(fakeResult(store.getState().config));
    await flush();
    expect(getByText('3% hit the daily limit')).toBeTruthy();
  });
});

describe('PlaybackControls', () => {
  it('Run asks the lab to run now', async () => {
    const { runNow, context } = setup();
    const { getByRole } = render(PlaybackControls, { context });
    await fireEvent.click(getByRole('button', { name: 'Run' }));
    expect(runNow).toHaveBeenCalledOnce();
  });

  it('Step advances one slice, Reset goes back to the first', async () => {
    const { store, context } = setup();
    store.getState().runFinished(fakeResult(undefined, { slices: 4 }));
    const { getByRole, getByTestId } = render(PlaybackControls, { context });
    expect(getByTestId('play-position').textContent).toBe('Final: 1,000 queries sent');
    await fireEvent.click(getByRole('button', { name: 'Step' }));
    await fireEvent.click(getByRole('button', { name: 'Step' }));
    expect(store.getState().frame).toBe(1);
    expect(getByTestId('play-position').textContent).toBe('Slice 2 of 4: 500 queries sent');
    await fireEvent.click(getByRole('button', { name: 'Reset to the first slice' }));
    expect(store.getState().frame).toBe(0);
  });

  it('Play walks every slice and stops on the final state', async () => {
    vi.useFakeTimers();
    const { store, context } = setup();
    store.getState().runFinished(fakeResult(undefined, { slices: 3 }));
    const { getByRole } = render(PlaybackControls, { props: { frameMs: 100 }, context });
    const seen: (number | null)[] = [];
    store.subscribe((s, prev) => {
      if (s.frame !== prev.frame) seen.push(s.frame);
    });
    await fireEvent.click(getByRole('button', { name: 'Play' }));
    expect(getByRole('button', { name: 'Pause' })).toBeTruthy();
    await vi.advanceTimersByTimeAsync(1000);
    expect(seen).toEqual([0, 1, 2, null]);
    expect(store.getState().playing).toBe(false);
    expect(getByRole('button', { name: 'Play' })).toBeTruthy();
  });

  it('disables Step, Play and Reset until there is a result', () => {
    const { context } = setup();
    const { getByRole } = render(PlaybackControls, { context });
    for (const name of ['Step', 'Play', 'Reset to the first slice'])
      expect((getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(true);
  });
});
