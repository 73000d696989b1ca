// The chat defenses on the page (issue 13): a logit-stealing link shows the singular-value
// spectrum with the drop at the teacher's hidden size; with noisy answers the drop is gone; no
// console error (the fixture fails on one). Screenshots in test-results/ to open and look at.
import { expect, test } from './lab-fixture';

const STEAL = './#v=2&k=chat&a=logitStealing&om=logprobs&q=300';
const NOISY = './#v=2&k=chat&a=logitStealing&om=noise&os=0.05&q=300';

test('logit stealing: the spectrum marks the drop at hidden size 48', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(STEAL);
  const chart = page.getByTestId('stealing-spectrum');
  await expect(chart).toBeVisible({ timeout: 60_000 });
  await expect(chart.locator('.drop')).toContainText('hidden size 48');
  // 55 of the 56 values: the last (always ~0 after centring) is not drawn
  await expect(chart.locator('circle.point')).toHaveCount(55);
  await chart.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/chat-stealing-spectrum.png' });
});

test('logit stealing against fixed logit noise: no drop marked', async ({ page }) => {
  await page.goto(NOISY);
  const chart = page.getByTestId('stealing-spectrum');
  await expect(chart).toBeVisible({ timeout: 60_000 });
  await expect(chart).toContainText('No sharp drop');
  await expect(chart.locator('.drop')).toHaveCount(0);
  await chart.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/chat-stealing-noise.png' });
});
