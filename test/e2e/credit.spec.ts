// The credit kind on the page: a link with k=credit shows the applicant form with both decisions,
// the weight bars and the query count instead of the maps, with no console error; screenshots at
// 1280x800 and 390x844 (test-results/credit-*.png) to open and look at.
import { expect, test } from './lab-fixture';
import AxeBuilder from '@axe-core/playwright';

const LINK = './#v=2&k=credit&a=equationSolving';

for (const [width, height] of [
  [1280, 800],
  [390, 844],
] as const) {
  test(`credit run at ${width}x${height}: form, decisions, weights, queries`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto(LINK);
    const credit = page.getByTestId('credit');
    await expect(credit).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('maps')).toHaveCount(0);
    await expect(credit.getByText('Approve').or(credit.getByText('Refuse')).first()).toBeVisible();
    await expect(credit.getByText(/answered queries/)).toContainText('10 answered queries');
    await expect(credit.getByText('Same decision.')).toBeVisible();
    await expect(credit.getByRole('slider')).toHaveCount(8);
    const { scrollWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(width);
    await credit.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/credit-${width}x${height}.png` });
  });
}

test('moving a slider moves both decisions together; axe finds nothing serious', async ({
  page,
}) => {
  await page.goto(LINK);
  const credit = page.getByTestId('credit');
  await expect(credit).toBeVisible({ timeout: 30_000 });
  const late = credit.getByRole('slider', { name: /Late payments/ });
  await late.fill('12');
  await expect(credit.getByText('Refuse')).toHaveCount(2);
  await expect(credit.getByText('Same decision.')).toBeVisible();
  const results = await new AxeBuilder({ page }).include('[data-testid="credit"]').analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
