// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/svelte';
import NumberField from '../../../src/components/controls/NumberField.svelte';
import ChoiceField from '../../../src/components/controls/ChoiceField.svelte';
import LayersField from '../../../src/components/controls/LayersField.svelte';
import SeedField from '../../../src/components/controls/SeedField.svelte';
import { FIELD_BY_PATH } from '../../../src/core/config';
import { createLabStore } from '../../../src/state/store';
import { createLab, labContext } from '../../../src/state/lab';

afterEach(cleanup);

function setup() {
  const store = createLabStore();
  return { store, context: labContext(createLab(store)) };
}

describe('NumberField', () => {
  it('labels the slider and the box, and describes both with the field help', () => {
    const { context } = setup();
    const { getByRole, getByText } = render(NumberField, {
      props: { path: 'attack.queries', scale: 'log' },
      context,
    });
    const slider = getByRole('slider', { name: /^Query budget\s\(queries\)$/ });
    const box = getByRole('spinbutton', { name: 'Query budget, exact value' });
    const help = FIELD_BY_PATH.get('attack.queries')?.help ?? '';
    const tip = getByText(help);
    expect(tip.getAttribute('role')).toBe('tooltip');
    expect(slider.getAttribute('aria-describedby')).toBe(tip.id);
    expect(box.getAttribute('aria-describedby')).toBe(tip.id);
    expect(slider.getAttribute('aria-valuetext')).toBe('1,000 queries');
    expect((box as HTMLInputElement).value).toBe('1000');
  });

  it('moves the value on a log scale when the slider moves', async () => {
    const { store, context } = setup();
    const { getByRole } = render(NumberField, {
      props: { path: 'attack.queries', scale: 'log' },
      context,
    });
    const slider = getByRole('slider', { name: /^Query budget\s\(queries\)$/ }) as HTMLInputElement;
    expect(slider.max).toBe('72');
    expect(slider.value).toBe('48');
    await fireEvent.input(slider, { target: { value: '24' } });
    expect(store.getState().config.attack.queries).toBe(100);
    await fireEvent.input(slider, { target: { value: '72' } });
    expect(store.getState().config.attack.queries).toBe(10_000);
  });

  it('refuses an out-of-range typed number, names field and range, keeps the last value', async () => {
    const { store, context } = setup();
    const { getByRole } = render(NumberField, {
      props: { path: 'attack.queries', scale: 'log' },
      context,
    });
    const box = getByRole('spinbutton', { name: /Query budget/ }) as HTMLInputElement;
    await fireEvent.change(box, { target: { value: '300' } });
    expect(store.getState().config.attack.queries).toBe(300);
    await fireEvent.change(box, { target: { value: '50000' } });
    expect(store.getState().config.attack.queries).toBe(300);
    const alert = getByRole('alert');
    expect(alert.textContent).toBe('Query budget must be an integer from 10 to 10000; kept 300.');
    expect(box.value).toBe('300');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(box.getAttribute('aria-describedby')).toContain(alert.id);
    // A valid value clears the message.
    await fireEvent.change(box, { target: { value: '400' } });
    expect(store.getState().config.attack.queries).toBe(400);
    expect(() => getByRole('alert')).toThrow();
  });

  it('refuses an empty box and a non-integer for an integer field', async () => {
    const { store, context } = setup();
    const { getByRole } = render(NumberField, { props: { path: 'attack.days' }, context });
    const box = getByRole('spinbutton', { name: /Days/ }) as HTMLInputElement;
    await fireEvent.change(box, { target: { value: '2.5' } });
    expect(getByRole('alert').textContent).toMatch(/^Days must be an integer from 1 to 365/);
    await fireEvent.change(box, { target: { value: '' } });
    expect(store.getState().config.attack.days).toBe(1);
  });

  it('follows the store when the value changes elsewhere', async () => {
    const { store, context } = setup();
    const { getByRole } = render(NumberField, { props: { path: 'scenario.noise' }, context });
    store.getState().setField('scenario.noise', 0.25);
    await Promise.resolve();
    const box = getByRole('spinbutton', { name: /Noise/ }) as HTMLInputElement;
    expect(box.value).toBe('0.25');
    // Default linear step: a hundredth of the range (0.005), so 0.25 is position 50.
    expect((getByRole('slider', { name: 'Noise' }) as HTMLInputElement).value).toBe('50');
  });

  it('shows the tooltip on focus and hides it with Escape', async () => {
    const { context } = setup();
    const { getByRole } = render(NumberField, { props: { path: 'scenario.noise' }, context });
    const tip = getByRole('tooltip', { hidden: true });
    expect(tip.classList.contains('open')).toBe(false);
    const box = getByRole('spinbutton', { name: /Noise/ });
    await fireEvent.focusIn(box);
    expect(tip.classList.contains('open')).toBe(true);
    await fireEvent.keyDown(box, { key: 'Escape' });
    expect(tip.classList.contains('open')).toBe(false);
  });
});

describe('ChoiceField', () => {
  it('lists every value by its plain name and sets the field', async () => {
    const { store, context } = setup();
    const { getByRole } = render(ChoiceField, { props: { path: 'attack.strategy' }, context });
    const select = getByRole('combobox', { name: 'Strategy' }) as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual([
      'random',
      'natural',
      'active',
      'jacobian',
    ]);
    expect(select.options[3]?.textContent).toBe('Jacobian augmentation');
    await fireEvent.change(select, { target: { value: 'jacobian' } });
    expect(store.getState().config.attack.strategy).toBe('jacobian');
  });
});

describe('LayersField', () => {
  it('reads "8x4", refuses a layer out of range and restores the text', async () => {
    const { store, context } = setup();
    const { getByRole } = render(LayersField, {
      props: { path: 'attack.student.hidden' },
      context,
    });
    const input = getByRole('textbox', { name: /Student layers/ }) as HTMLInputElement;
    expect(input.value).toBe('16x16');
    await fireEvent.change(input, { target: { value: '8x4' } });
    expect(store.getState().config.attack.student.hidden).toEqual([8, 4]);
    await fireEvent.change(input, { target: { value: '8x64' } });
    expect(store.getState().config.attack.student.hidden).toEqual([8, 4]);
    expect(getByRole('alert').textContent).toMatch(/Student layers must be 1 to 3 layer sizes/);
    expect(input.value).toBe('8x4');
  });
});

describe('SeedField', () => {
  it('draws a new valid seed', async () => {
    const { store, context } = setup();
    const { getByRole } = render(SeedField, { context });
    await fireEvent.click(getByRole('button', { name: 'New seed' }));
    const seed = store.getState().config.seed;
    expect(Number.isInteger(seed) && seed >= 1 && seed <= 2147483647).toBe(true);
    expect(seed).not.toBe(1);
    expect((getByRole('spinbutton', { name: /Seed/ }) as HTMLInputElement).value).toBe(
      String(seed),
    );
  });
});
