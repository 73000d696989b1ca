// Smoke: the built page loads, stays on its own origin, logs no error and passes axe.
import { expect, test } from './lab-fixture';
import AxeBuilder from '@axe-core/playwright';

// The guarded `test` of lab-fixture fails on any console error or request outside the origin.
test('the page loads with its title, no console error and no foreign request', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Extraction Lab/);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(1);
  await page.waitForLoadState('networkidle');
});

test('axe-core finds no serious or critical violation', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('the page has a sane height at 1280x800 (hidden tables and dialogs take no room)', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./#v=1&om=noise&rl=1&wm=1&dt=1&a=jacobian');
  await expect(page.getByText(/Done/).first()).toBeVisible({ timeout: 30_000 });
  const { height, width } = await page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    width: document.documentElement.scrollWidth,
  }));
  expect(width).toBeLessThanOrEqual(1280);
  expect(height).toBeLessThan(4000);
});
