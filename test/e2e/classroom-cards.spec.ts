// Policy cards from the controls, presenter mode with its keys and help overlay, the lesson list:
// keyboard operable, axe-clean, printable, and no CSP violation on the way.
import { readFileSync } from 'node:fs';
import { POLICY_CARDS } from '../../src/classroom/policyCards';
import { expect, firstResult, seriousAxeViolations, test } from './classroom-fixture';

/** Every shipped lesson (public/lessons/index.json) and card: the lists grow with the plug-ins. */
const LESSON_INDEX = JSON.parse(
  readFileSync(new URL('../../public/lessons/index.json', import.meta.url), 'utf8'),
) as { lessons: unknown[] };

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective}: ${e.blockedURI}`),
    );
    window.print = () => {
      (window as unknown as { printed?: string }).printed =
        document.documentElement.dataset.printing;
    };
  });
});

test.afterEach(async ({ page }) => {
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(1);
  expect(
    await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
  ).toEqual([]);
});

test('each strategy and defense control opens its policy card, which prints alone', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto('./#v=1&a=jacobian&om=reverseSigmoid');
  await firstResult(page);
  await page.getByRole('button', { name: 'Policy card: Attack: Jacobian augmentation' }).click();
  const dialog = page.getByRole('dialog', { name: 'Policy card: Attack: Jacobian augmentation' });
  await expect(dialog).toContainText('AML.T0024.002');
  await expect(dialog).toContainText('ML05:2023 Model Theft');
  await expect(dialog).toContainText('NIST AI 100-2');
  await expect(dialog).toContainText('Article 15(5)');
  await expect(dialog).toContainText('6,400 queries');
  await expect(dialog).toContainText('Papernot et al. 2017');
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/classroom/policy-card.png' });
  await dialog.getByRole('button', { name: 'Print' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed?: string }).printed)).toBe(
    'cards',
  );
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  for (const [button, text] of [
    ['Policy card: Defense: reverse sigmoid', '64x more queries'],
    ['Policy card: Defense: rate limits and quotas', 'about 24,000 accounts, 16 million queries'],
    ['Policy card: Defense: watermarking answers (DAWN)', '1 - 2^-64'],
    ['Policy card: Defense: detecting extraction (PRADA)', 'AML.M0015'],
  ] as const) {
    await page.getByRole('button', { name: button }).click();
    await expect(page.getByRole('dialog')).toContainText(text);
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  }

  // All cards, printed on their own.
  await page.getByRole('button', { name: 'Policy cards', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Policy cards' }).locator('article')).toHaveCount(
    POLICY_CARDS.length,
  );
  await page.evaluate(() => (document.documentElement.dataset.printing = 'cards'));
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#app')).toBeHidden();
  await expect(page.locator('.print-area[data-print="cards"] article')).toHaveCount(
    POLICY_CARDS.length,
  );
  await page.screenshot({
    path: 'test-results/screenshots/classroom/cards-print.png',
    fullPage: true,
  });
});

test('presenter mode: large type, keys toggle the defenses, "?" lists the keys, Esc leaves', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('./');
  await firstResult(page);
  const body = await page.evaluate(() =>
    parseFloat(getComputedStyle(document.documentElement).fontSize),
  );
  // Keyboard only: Tab to the Presenter mode button and press it.
  const presenter = page.getByRole('button', { name: 'Presenter mode' });
  await presenter.focus();
  await page.keyboard.press('Enter');
  await expect(presenter).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/present=1/);
  const large = await page.evaluate(() =>
    parseFloat(getComputedStyle(document.documentElement).fontSize),
  );
  expect(large).toBeGreaterThanOrEqual(body * 1.2);

  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('2');
  await page.keyboard.press('3');
  await page.keyboard.press('4');
  await expect(page.getByRole('switch', { name: 'Rate limit' })).toBeChecked();
  await expect(page.getByRole('switch', { name: 'Watermark' })).toBeChecked();
  await expect(page.getByRole('switch', { name: 'Detection (PRADA)' })).toBeChecked();
  await page.keyboard.press('1');
  await expect(page.getByRole('combobox', { name: 'API answers' })).toHaveValue('label');
  await expect(page.getByTestId('play-position')).toContainText('Final', { timeout: 30_000 });
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/classroom/presenter.png' });

  // Keys never fire while typing in a field.
  const budget = page.getByRole('spinbutton', { name: 'Query budget, exact value' });
  await budget.focus();
  await page.keyboard.press('2');
  await expect(page.getByRole('switch', { name: 'Rate limit' })).toBeChecked();
  await budget.blur();

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('row')).toHaveCount(12);
  await expect(help).toContainText('Watermark on/off');
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/classroom/shortcuts-help.png' });
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(presenter).toHaveAttribute('aria-pressed', 'false');

  // Outside presenter mode single keys do nothing.
  await page.keyboard.press('2');
  await expect(page.getByRole('switch', { name: 'Rate limit' })).toBeChecked();
});

test('the lesson list opens by keyboard, is axe-clean, and Escape returns focus', async ({
  page,
}) => {
  await page.goto('./');
  const open = page.getByRole('button', { name: 'Lessons' });
  await open.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Guided lessons' });
  await expect(dialog.getByRole('listitem')).toHaveCount(LESSON_INDEX.lessons.length);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
});
