// The credit view over time and across features: Play steps the weight bars through the learning
// curve (a label-only run, where the recovered weights move), and the slice's two selects make the
// worker compute a new slice (the link keeps the choice). Screenshots of the credit view at three
// sizes, light and dark, go to /tmp/shots-credit2/ (or $SHOTS_DIR) to open and look at.
import type { Page } from '@playwright/test';
import { currentHash, expect, openLab, settled, test } from './lab-fixture';

const LINK = '#v=2&k=credit&a=random&om=label&q=400';
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-credit2';

/** The recovered bars' weights (their final values, not the gliding lengths) and the position. */
async function bars(page: Page): Promise<string> {
  const figure = page.getByTestId('weight-bars');
  const frame = await figure.getAttribute('data-frame');
  const weights = await figure
    .locator('rect.stolen[data-weight]')
    .evaluateAll((rects) => rects.map((r) => r.getAttribute('data-weight')).join(','));
  return `${frame}:${weights}`;
}

/** The lender's slice as an image (its canvas). */
async function lenderSlice(page: Page): Promise<string> {
  return page
    .getByTestId('credit-slice')
    .locator('canvas')
    .first()
    .evaluate((canvas) => (canvas as HTMLCanvasElement).toDataURL());
}

test('Play steps the weight bars through the curve, and they glide to each point', async ({
  page,
}) => {
  await openLab(page, LINK);
  const final = await bars(page);
  expect(final).toMatch(/^final:/);
  await page.getByRole('button', { name: 'Step' }).click();
  await expect.poll(() => bars(page)).toMatch(/^0:/);
  const first = await bars(page);
  expect(first.split(':')[1]).not.toBe(final.split(':')[1]);
  await expect(page.getByTestId('weight-bars')).toContainText('After 40 queries');

  const seen = new Set<string>();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect
    .poll(
      async () => {
        const now = await bars(page);
        seen.add(now);
        return now;
      },
      { timeout: 30_000, intervals: [50] },
    )
    .toMatch(/^final:/);
  // several positions, each with its own weights, then the final state's
  const positions = [...seen].filter((s) => !s.startsWith('final'));
  expect(positions.length).toBeGreaterThanOrEqual(5);
  expect(new Set(positions.map((s) => s.split(':')[1])).size).toBeGreaterThanOrEqual(5);
  expect(await bars(page)).toBe(final);
});

test('the slice selects pick two features; the worker draws the new slice; the link keeps it', async ({
  page,
}) => {
  await openLab(page, LINK);
  const slice = page.getByTestId('credit-slice');
  const across = slice.getByRole('combobox', { name: 'Across' });
  const up = slice.getByRole('combobox', { name: 'Up' });
  await expect(across).toHaveValue('0');
  await expect(up).toHaveValue('1');
  await expect(slice.getByRole('img').first()).toHaveAttribute('aria-label', /Annual income/);
  const before = await lenderSlice(page);

  // keyboard: focus the select and choose with the arrow keys
  await across.focus();
  await across.selectOption({ label: 'Late payments (2 years)' });
  await settled(page);
  await expect.poll(() => currentHash(page)).toContain('sx=4');
  await expect(slice.getByRole('img').first()).toHaveAttribute('aria-label', /Late payments/);
  await expect.poll(() => lenderSlice(page)).not.toBe(before);

  // choosing the other axis's feature swaps the two
  await up.selectOption({ label: 'Late payments (2 years)' });
  await settled(page);
  await expect(across).toHaveValue('1');
  await expect(up).toHaveValue('3');
  await expect.poll(() => currentHash(page)).toMatch(/sx=2.*sy=4|sy=4.*sx=2/);
  const hash = await currentHash(page);

  // the link reopens the same slice
  await page.goto(`./${hash}`);
  await page.reload();
  await settled(page);
  await expect(page.getByTestId('credit-slice').getByRole('combobox', { name: 'Up' })).toHaveValue(
    '3',
  );
});

for (const scheme of ['light', 'dark'] as const) {
  for (const [width, height] of [
    [1280, 800],
    [1920, 1080],
    [390, 844],
  ] as const) {
    test(`screenshot ${scheme} ${width}x${height}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height });
      await openLab(page, LINK);
      const { scrollWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
      }));
      expect(scrollWidth).toBeLessThanOrEqual(width);
      await page.getByTestId('credit').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/credit-${scheme}-${width}x${height}.png` });
      const slice = page.getByTestId('credit-slice');
      await slice.scrollIntoViewIfNeeded();
      // the maps' axes are drawn once the frame has measured itself
      await expect(slice.getByText('Annual income (k€/year)').first()).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/slice-${scheme}-${width}x${height}.png` });
      await page.screenshot({
        path: `${SHOTS}/full-${scheme}-${width}x${height}.png`,
        fullPage: true,
      });
    });
  }
}
