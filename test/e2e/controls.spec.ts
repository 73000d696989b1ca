// Every control of the lab changes what it should, by mouse-free Playwright actions on the built
// page: the setting reaches the share link, the run is redone with it, and (for all but a few
// settings whose effect may round away) a reported number or drawing changes.
import { FIELD_BY_PATH, FIELDS, type FieldSpec } from '../../src/core/config';
import { choiceLabel } from '../../src/core/config';
import { currentHash, expect, fingerprint, openLab, settled, test } from './lab-fixture';
import type { Page } from '@playwright/test';

interface Change {
  path: string;
  value: number | string | boolean;
  /** the setting may leave every reported number as it was (e.g. a significance threshold) */
  mayNotChange?: boolean;
}

interface Group {
  title: string;
  hash: string;
  /** collapsible sections to open first */
  open?: string[];
  changes: Change[];
}

const GROUPS: Group[] = [
  {
    title: 'attacker basics',
    hash: '',
    changes: [
      { path: 'seed', value: 7 },
      { path: 'scenario.dataset', value: 'circles' },
      { path: 'scenario.noise', value: 0.3 },
      { path: 'attack.strategy', value: 'natural' },
      { path: 'attack.queries', value: 300 },
      { path: 'attack.accounts', value: 5 },
      { path: 'attack.days', value: 3 },
      { path: 'attack.student.hidden', value: '8x4' },
    ],
  },
  {
    title: 'prices and training details',
    hash: '',
    open: ['Prices and training details'],
    changes: [
      { path: 'attack.pricePer1k', value: 5 },
      { path: 'attack.accountCost', value: 3 },
      { path: 'attack.student.epochs', value: 10 },
      { path: 'attack.student.activation', value: 'other' },
      { path: 'victim.hidden', value: '8' },
      { path: 'victim.epochs', value: 20 },
      { path: 'victim.activation', value: 'other' },
      { path: 'scenario.trainSize', value: 300 },
      { path: 'scenario.testSize', value: 500 },
    ],
  },
  {
    title: 'natural pool',
    hash: '#v=1&a=natural',
    changes: [{ path: 'attack.poolShift', value: 1 }],
  },
  { title: 'active rounds', hash: '#v=1&a=active', changes: [{ path: 'attack.rounds', value: 2 }] },
  {
    title: 'jacobian knobs',
    hash: '#v=1&a=jacobian',
    changes: [
      { path: 'attack.seedSize', value: 40 },
      { path: 'attack.lambda', value: 0.3 },
    ],
  },
  { title: 'answer format', hash: '', changes: [{ path: 'defense.output.mode', value: 'label' }] },
  {
    title: 'rounding',
    hash: '#v=1&om=rounded',
    changes: [{ path: 'defense.output.decimals', value: 1 }],
  },
  {
    title: 'top-k',
    hash: '#v=1&d=blobs&om=topk',
    changes: [{ path: 'defense.output.k', value: 2 }],
  },
  {
    title: 'noise',
    hash: '#v=1&om=noise',
    changes: [{ path: 'defense.output.sigma', value: 0.5 }],
  },
  {
    title: 'reverse sigmoid',
    hash: '#v=1&om=reverseSigmoid',
    changes: [
      { path: 'defense.output.beta', value: 3 },
      { path: 'defense.output.gamma', value: 1 },
    ],
  },
  {
    title: 'adaptive misinformation',
    hash: '#v=2&om=misinformation',
    changes: [
      { path: 'defense.output.tau', value: 0.9 },
      { path: 'defense.output.nu', value: 5, mayNotChange: true },
    ],
  },
  {
    title: 'prediction poisoning (MAD)',
    hash: '#v=2&om=mad',
    changes: [
      { path: 'defense.output.epsilon', value: 1.5 },
      { path: 'defense.output.keepTop1', value: false, mayNotChange: true },
    ],
  },
  { title: 'scenario kind', hash: '', changes: [{ path: 'scenario.kind', value: 'credit' }] },
  {
    title: 'rate limit',
    hash: '',
    changes: [
      { path: 'defense.rateLimit.on', value: true },
      { path: 'defense.rateLimit.perDay', value: 50 },
    ],
  },
  {
    title: 'watermark',
    hash: '#v=1&a=natural',
    changes: [
      { path: 'defense.watermark.on', value: true },
      { path: 'defense.watermark.rate', value: 0.1 },
      { path: 'defense.watermark.alpha', value: 1e-6, mayNotChange: true },
    ],
  },
  {
    title: 'detection',
    hash: '#v=1&a=jacobian',
    changes: [
      { path: 'defense.detection.on', value: true },
      { path: 'defense.detection.delta', value: 0.99 },
      { path: 'defense.detection.minQueries', value: 10 },
    ],
  },
  {
    title: 'honest users',
    hash: '#v=1&rl=1&rd=50&om=noise&dt=1',
    open: ['Honest users'],
    changes: [
      { path: 'benign.accounts', value: 50 },
      { path: 'benign.medianPerDay', value: 300 },
      { path: 'benign.spread', value: 2 },
      { path: 'benign.days', value: 2 },
    ],
  },
];

/** A regular expression matching text that starts with `text` literally. */
const startsWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

function spec(path: string): FieldSpec {
  const found = FIELD_BY_PATH.get(path);
  if (!found) throw new Error(`no field ${path}`);
  return found;
}

/** Sets a field through its control, like a person would (without a mouse). Returns the link text. */
async function setControl(page: Page, path: string, value: Change['value']): Promise<string> {
  const field = spec(path);
  switch (field.kind) {
    case 'int':
    case 'number': {
      const name = path === 'seed' ? 'Seed' : `${field.label}, exact value`;
      const box = page.getByRole('spinbutton', { name, exact: true });
      await box.fill(String(value));
      await box.press('Enter');
      return `${field.key}=${value}`;
    }
    case 'enum': {
      const select = page.getByRole('combobox', { name: field.label, exact: true });
      let next = String(value);
      if (next === 'other') {
        const current = await select.inputValue();
        next = field.values.find((v) => v !== current) ?? current;
      }
      await select.selectOption(next);
      return `${field.key}=${next}`;
    }
    case 'bool': {
      const toggle = page.getByRole('switch', { name: startsWith(field.label) });
      if ((await toggle.isChecked()) !== value) await toggle.press('Space');
      return `${field.key}=${value ? 1 : 0}`;
    }
    case 'layers': {
      const input = page.getByRole('textbox', { name: startsWith(field.label) });
      await input.fill(String(value));
      await input.press('Enter');
      return `${field.key}=${value}`;
    }
  }
}

test.describe('every control changes what it should', () => {
  test('the groups below cover every field of the 2-D scenario', () => {
    // Other kinds' own fields are driven by their own specs (test/e2e/credit.spec.ts).
    const covered = new Set(GROUPS.flatMap((g) => g.changes.map((c) => c.path)));
    const planar = FIELDS.filter((f) => !f.kinds || f.kinds.includes('planar'));
    expect(planar.map((f) => f.path).filter((p) => !covered.has(p))).toEqual([]);
  });

  for (const group of GROUPS) {
    test(group.title, async ({ page }) => {
      await openLab(page, group.hash);
      for (const summary of group.open ?? [])
        await page.locator('summary', { hasText: summary }).press('Enter');
      for (const change of group.changes) {
        const before = await fingerprint(page);
        const part = await setControl(page, change.path, change.value);
        await expect.poll(() => currentHash(page), { timeout: 5_000 }).toContain(part);
        await settled(page);
        await expect(page.locator('[data-status]')).toHaveAttribute(
          'data-result',
          new RegExp(`[#&]${startsWith(part).source.slice(1)}(&|$)`),
        );
        if (!change.mayNotChange)
          expect(await fingerprint(page), `${change.path} changed the report`).not.toBe(before);
      }
    });
  }

  test('an enum control shows plain names', async ({ page }) => {
    await openLab(page);
    await expect(
      page.getByRole('combobox', { name: 'Strategy' }).locator('option:checked'),
    ).toHaveText(choiceLabel('attack.strategy', 'random'));
  });

  test('an out-of-range number names the field and range and keeps the last value', async ({
    page,
  }) => {
    await openLab(page);
    const box = page.getByRole('spinbutton', { name: 'Query budget, exact value' });
    await box.fill('50000');
    await box.press('Enter');
    await expect(page.getByRole('alert')).toHaveText(
      'Query budget must be an integer from 10 to 10000; kept 1000.',
    );
    await expect(box).toHaveValue('1000');
    expect(await currentHash(page)).not.toContain('q=');
  });
});
