// Keyboard only: Tab reaches every control of every setting, and each one works from the keyboard
// (arrows move sliders, Space flips switches, arrows change selects, Enter opens sections).
import { FIELDS } from '../../src/core/config';
import { KINDS } from '../../src/core/registry/meta';
import { expect, openLab, settled, test } from './lab-fixture';
import type { Page } from '@playwright/test';

interface Focused {
  tag: string;
  role: string;
  name: string;
  /** value, checked state or value text, to see that a key did something */
  state: string;
  open: boolean | null;
}

async function focused(page: Page): Promise<Focused | null> {
  const active = page.locator(':focus');
  if ((await active.count()) === 0) return null;
  const snapshot = await active.ariaSnapshot().catch(() => '');
  const match = /^- (\w+)(?: "([^"]*)")?/.exec(snapshot.trim());
  const info = await active.evaluate((el) => ({
    tag: el.tagName.toLowerCase(),
    state:
      el instanceof HTMLInputElement
        ? el.type === 'checkbox'
          ? String(el.checked)
          : `${el.value}|${el.getAttribute('aria-valuetext') ?? ''}`
        : el instanceof HTMLSelectElement
          ? el.value
          : '',
    open: el.tagName === 'SUMMARY' ? (el.parentElement as HTMLDetailsElement).open : null,
  }));
  return { ...info, role: match?.[1] ?? '', name: match?.[2] ?? '' };
}

/** Presses a key on the focused control and returns its state afterwards. */
async function pressAndRead(page: Page, key: string): Promise<string> {
  await page.keyboard.press(key);
  return (await focused(page))?.state ?? '';
}

/** Operates the focused control from the keyboard and checks that it responded. */
async function operate(page: Page, at: Focused): Promise<void> {
  const what = `${at.role} "${at.name}"`;
  if (at.role === 'slider') {
    let after = await pressAndRead(page, 'ArrowRight');
    if (after === at.state) after = await pressAndRead(page, 'ArrowLeft');
    expect(after, `${what} moves with the arrow keys`).not.toBe(at.state);
  } else if (at.role === 'switch') {
    expect(await pressAndRead(page, 'Space'), `${what} flips with Space`).not.toBe(at.state);
    // Flip it back, so a defense's parameters stay in the walk.
    expect(await pressAndRead(page, 'Space')).toBe(at.state);
  } else if (at.role === 'combobox') {
    let after = await pressAndRead(page, 'ArrowDown');
    let back = 'ArrowUp';
    if (after === at.state) {
      after = await pressAndRead(page, 'ArrowUp');
      back = 'ArrowDown';
    }
    expect(after, `${what} changes with the arrow keys`).not.toBe(at.state);
    // Go back, so options that reveal other controls do not hide the ones still ahead.
    expect(await pressAndRead(page, back)).toBe(at.state);
  } else if (at.role === 'spinbutton' || at.role === 'textbox') {
    const value = at.state.split('|')[0] ?? '';
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(value);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert'), `${what} takes typed input`).toHaveCount(0);
  }
}

/**
 * Tabs through the whole page once, opening closed sections on the way; returns "role name" of
 * every control reached. With `operate`, works each form control from the keyboard.
 */
async function tabWalk(page: Page, work: boolean): Promise<Set<string>> {
  const seen = new Set<string>();
  await page.locator('body').focus();
  let first: string | null = null;
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const at = await focused(page);
    if (!at) continue;
    const key = `${at.role} ${at.name}`;
    if (first === key) break;
    first ??= key;
    seen.add(key);
    if (at.tag === 'summary' && at.open === false) {
      await page.keyboard.press('Enter');
      expect((await focused(page))?.open, `${at.name} opens with Enter`).toBe(true);
    } else if (work) {
      await operate(page, at);
    }
  }
  return seen;
}

/** The accessible names each field's controls must have. */
function expectedControls(): string[] {
  // The planar kind's controls (the walks below open planar links); the kind menu shows when the lab
  // has more than one kind.
  const planar = FIELDS.filter(
    (f) =>
      (!f.kinds || f.kinds.includes('planar')) && (f.path !== 'scenario.kind' || KINDS.length > 1),
  );
  return planar.flatMap((field) => {
    switch (field.kind) {
      case 'int':
      case 'number':
        return field.path === 'seed'
          ? ['spinbutton Seed']
          : [`spinbutton ${field.label}, exact value`];
      case 'enum':
        return [`combobox ${field.label}`];
      case 'bool':
        return [`switch ${field.label}`];
      case 'layers':
        return [`textbox ${field.label} (units per layer)`];
    }
  });
}

test('Tab reaches every control, and each works from the keyboard', async ({ page }) => {
  // Seven walks over every tab stop of the page (the glossary's term buttons among them): about
  // 3-6 minutes on a loaded 2-core machine (it ran out of a 6-minute budget once, 2026-11-30).
  test.setTimeout(600_000);
  const reached = new Set<string>();
  // The first walk works every control; the others reveal the strategy and mode knobs it hid.
  const walks: [string, boolean][] = [
    ['#v=1&a=jacobian&om=reverseSigmoid&rl=1&wm=1&dt=1', true],
    // working the scenario menu switches kinds, and a kind starts from its own strategy and format:
    // the jacobian and reverse-sigmoid knobs are walked again without working anything
    ['#v=1&a=jacobian&om=reverseSigmoid', false],
    ['#v=1&a=active&om=rounded', false],
    ['#v=1&a=natural&om=topk', false],
    ['#v=1&om=noise', false],
    ['#v=2&om=misinformation', false],
    ['#v=2&om=mad', false],
  ];
  for (const [hash, work] of walks) {
    await openLab(page, hash);
    for (const key of await tabWalk(page, work)) reached.add(key);
    await settled(page);
  }
  const missing = expectedControls().filter((name) => !reached.has(name));
  expect(missing).toEqual([]);
  for (const name of [
    'button Run',
    'button Step',
    'button Play',
    'button Copy link',
    'button New seed',
    'button Run sweep',
  ])
    expect(reached.has(name), name).toBe(true);
  // Sliders are reachable too (their names carry the unit).
  expect([...reached].filter((k) => k.startsWith('slider ')).length).toBeGreaterThan(20);
});
