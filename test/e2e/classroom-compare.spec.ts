// Compare: pin a run as A, change a setting, and see both runs on the learning curve and in the
// ledger; the presenter key A pins and unpins.
import { expect, firstResult, test } from './classroom-fixture';

test('a pinned run A and the current run B show together on the curve and in the ledger', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto('./#v=1&q=300');
  await firstResult(page);
  const curve = page.locator('[data-tour="curve"]');
  await expect(curve.locator('path.run-a')).toHaveCount(0);
  await page.getByRole('button', { name: 'Pin this run as A' }).click();
  await page.getByRole('combobox', { name: 'API answers' }).selectOption('label');
  await expect(page.getByTestId('play-position')).toContainText('Final');
  // Two runs, each with its fidelity curves, and a legend that names them.
  await expect(curve.locator('path.run-a').first()).toBeVisible({ timeout: 30_000 });
  await expect(curve.locator('path.run-b').first()).toBeVisible();
  await expect(curve.locator('.chart-legend')).toContainText('A (pinned)');
  await expect(curve.locator('.chart-legend')).toContainText('B (current)');
  const ledger = page.locator('table.ledger');
  await expect(ledger.locator('thead')).toContainText('A (pinned)');
  await expect(ledger.locator('thead')).toContainText('B (current)');
  const answers = ledger.locator('tr', { hasText: 'Answer distortion' }).locator('td');
  await expect(answers).toHaveCount(2);
  await expect(answers.nth(0)).toHaveText('0.000'); // A: full probabilities
  await expect(answers.nth(1)).not.toHaveText('0.000'); // B: labels only
  await page.screenshot({ path: 'test-results/screenshots/classroom/compare.png', fullPage: true });

  // Presenter mode: the A key unpins.
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('a');
  await expect(curve.locator('path.run-a')).toHaveCount(0);
  await expect(ledger.locator('thead')).toHaveCount(0);
});
