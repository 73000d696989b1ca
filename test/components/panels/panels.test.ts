// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/svelte';
import Notices from '../../../src/components/panels/Notices.svelte';
import ShareLink from '../../../src/components/panels/ShareLink.svelte';
import RunStatus from '../../../src/components/panels/RunStatus.svelte';
import SweepPanel from '../../../src/components/panels/SweepPanel.svelte';
import { knobsFor } from '../../../src/core/registry/meta';

/** the knobs the default (planar) config's sweep menu offers: its defenses' knobs */
const PLANAR_KNOBS = knobsFor('planar');
import { createLabStore } from '../../../src/state/store';
import { createLab, labContext } from '../../../src/state/lab';
import { parseShareLink } from '../../../src/state/url';
import { fakeResult } from '../../state/fixtures';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function setup() {
  const store = createLabStore();
  const sweep = vi.fn();
  const sweepAll = vi.fn();
  return { store, sweep, sweepAll, context: labContext(createLab(store, { sweep, sweepAll })) };
}

describe('Notices', () => {
  it('shows a broken-link notice as an alert with one line per field, and dismisses it', async () => {
    const { store, context } = setup();
    store.getState().addNotice({
      kind: 'link',
      level: 'error',
      message: '2 settings in this link could not be used; the lab kept everything else.',
      details: ['Query budget (q=0) must be …', '"zz" is not a setting this lab knows; ignored'],
    });
    const { getByRole, queryByRole } = render(Notices, { context });
    const alert = getByRole('alert');
    expect(alert.textContent).toContain('2 settings in this link could not be used');
    expect(alert.querySelectorAll('li')).toHaveLength(2);
    await fireEvent.click(getByRole('button', { name: 'Dismiss this notice' }));
    expect(queryByRole('alert')).toBeNull();
    expect(store.getState().notices).toEqual([]);
  });
});

describe('ShareLink', () => {
  it('copies a link that restores the current config', async () => {
    const { store, context } = setup();
    store.getState().setField('attack.queries', 321);
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    const { getByRole, findByText } = render(ShareLink, { context });
    await fireEvent.click(getByRole('button', { name: 'Copy link' }));
    await findByText('Link copied.');
    const copied = (writeText.mock.calls[0] as unknown as [string])[0];
    expect(parseShareLink(copied).config).toEqual(store.getState().config);
  });

  it('falls back to a selected text field when the clipboard is refused', async () => {
    const { context } = setup();
    vi.stubGlobal('navigator', {
      clipboard: { writeText: () => Promise.reject(new Error('denied')) },
    });
    const { getByRole, findByRole } = render(ShareLink, { context });
    await fireEvent.click(getByRole('button', { name: 'Copy link' }));
    const field = (await findByRole('textbox', { name: 'Link to this run' })) as HTMLInputElement;
    expect(field.readOnly).toBe(true);
    expect(field.value).toContain('#v=2');
  });
});

describe('RunStatus', () => {
  it('reports progress while running and the fidelity when done', async () => {
    const { store, context } = setup();
    const { container } = render(RunStatus, { context });
    store.getState().runStarted();
    store.getState().runProgress(0.42, 'attack');
    await Promise.resolve();
    expect(container.textContent).toContain('Running… 42%');
    expect(container.querySelector('[title="Running: attack"]')).not.toBeNull();
    store.getState().runFinished(fakeResult(undefined, { fidelity: 0.9 }));
    await Promise.resolve();
    expect(container.textContent).toContain('agrees with the victim on 90.0%');
  });
});

describe('SweepPanel', () => {
  it("offers exactly the knobs the kind's defenses declare, named by the defense and the setting", () => {
    const { context } = setup();
    const { getByRole } = render(SweepPanel, { context });
    const select = getByRole('combobox', { name: 'Sweep' }) as HTMLSelectElement;
    const offered = [...select.options].map((o) => o.value).filter((v) => v !== 'all');
    expect(offered).toEqual(PLANAR_KNOBS.map((k) => k.name));
    const rate = [...select.options].find((o) => o.value === 'defense.rateLimit.perDay');
    expect(rate?.textContent).toBe('Rate limit: per account per day');
  });

  it('sweeps every knob by default, or the one chosen', async () => {
    const { sweep, sweepAll, context } = setup();
    const { getByRole } = render(SweepPanel, { context });
    await fireEvent.click(getByRole('button', { name: 'Run sweep' }));
    expect(sweepAll).toHaveBeenCalledWith(PLANAR_KNOBS.map((k) => k.name));
    const select = getByRole('combobox', { name: 'Sweep' }) as HTMLSelectElement;
    select.value = 'defense.rateLimit.perDay';
    await fireEvent.change(select);
    await fireEvent.click(getByRole('button', { name: 'Run sweep' }));
    expect(sweep).toHaveBeenCalledWith('defense.rateLimit.perDay');
  });
});
