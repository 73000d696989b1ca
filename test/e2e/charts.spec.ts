// Charts on the real page: painted maps, drawn curves, keyboard crosshair, text alternatives, and
// screenshots (light and dark) in test-results/charts/ for a person to open and check.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const SHOTS = 'test-results/charts';

/** Three classes, Jacobian attack over four accounts, noisy answers, watermark and detection on. */
const DEFENDED = '#v=1&d=blobs&a=jacobian&ac=4&om=noise&wm=1&wr=0.05&dt=1';

async function openLab(page: Page, hash = '') {
  await page.goto(`./${hash}`);
  const maps = page.getByTestId('maps');
  await expect(maps.locator('figure.decision-map')).toHaveCount(2, { timeout: 30_000 });
  await expect(page.locator('.learning-curve path.series.run-b').first()).toBeVisible();
  return maps;
}

test('the decision maps are painted, with queries, text alternatives and a keyboard crosshair', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const maps = await openLab(page);
  // without a detector the page says where to switch one on, by the control's own name
  await expect(page.getByText('Switch on Detection (PRADA) in the Defender panel')).toBeVisible();

  // The canvas holds a real picture: many distinct colours, none transparent.
  const stats = await maps
    .locator('canvas')
    .first()
    .evaluate((canvas: HTMLCanvasElement) => {
      const context = canvas.getContext('2d');
      if (!context) return null;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      const colours = new Set<number>();
      let transparent = 0;
      for (let i = 0; i < data.length; i += 4 * 37) {
        colours.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
        if (data[i + 3] === 0) transparent++;
      }
      return { colours: colours.size, transparent, width: canvas.width, css: canvas.clientWidth };
    });
  expect(stats).not.toBeNull();
  expect(stats?.colours).toBeGreaterThan(20);
  expect(stats?.transparent).toBe(0);
  // backing store follows devicePixelRatio
  const ratio = await page.evaluate(() => devicePixelRatio);
  expect(stats?.width).toBe(Math.round((stats?.css ?? 0) * ratio));

  const victim = maps.locator('figure.decision-map').first();
  await expect(victim.locator('svg[role="img"]')).toHaveAttribute('aria-label', /queries shown/);
  await expect(victim.locator('path.dots').first()).toBeAttached();

  const widget = victim.getByRole('application');
  await widget.focus();
  await page.keyboard.press('ArrowRight');
  await expect(victim.locator('.crosshair')).toBeAttached();
  await expect(victim.locator('.readout')).toHaveText(/^x₁ .+, x₂ .+: class \d \(\d+%\)$/);
  expect(errors).toEqual([]);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`screenshots of the charts (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width: 1440, height: 1000 });
    await openLab(page);
    await page.waitForTimeout(300);
    await page
      .locator('#lab-charts')
      .screenshot({ path: `${SHOTS}/lab-charts-${colorScheme}.png` });
    await page.screenshot({ path: `${SHOTS}/page-${colorScheme}.png`, fullPage: true });
  });
}

test('screenshot of a defended three-class run (light)', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  const maps = await openLab(page, DEFENDED);
  await expect(maps.locator('path.dots[data-label="2"]').first()).toBeAttached();
  await expect(maps.locator('path.rings').first()).toBeAttached();
  await page.waitForTimeout(300);
  await page.locator('#lab-charts').screenshot({ path: `${SHOTS}/lab-charts-defended.png` });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no serious violation in the drawn charts (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await openLab(page, DEFENDED);
    await page.locator('figure.decision-map').first().getByRole('application').focus();
    await page.keyboard.press('ArrowUp');
    const results = await new AxeBuilder({ page }).include('#lab-charts').analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`),
    ).toEqual([]);
  });
}
