// How the lab looks and behaves as a page: axe-core finds no serious or critical violation in light
// and dark, screenshots at desktop, tablet and phone sizes (saved for a person to open), and the
// main thread stays free while runs, Play and a sweep go on.
import AxeBuilder from '@axe-core/playwright';
import { expect, openLab, settled, test } from './lab-fixture';

const SHOTS = 'test-results/screenshots';
/** A run with every panel populated: defenses on, a watermark, detection, three classes. */
const BUSY = '#v=1&d=blobs&a=jacobian&ac=4&om=noise&rl=1&wm=1&wr=0.05&dt=1';

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'tablet', width: 820, height: 1180 },
  { name: 'phone', width: 390, height: 844 },
] as const;

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe-core: no serious or critical violation (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await openLab(page, BUSY);
    for (const summary of ['Prices and training details', 'Honest users'])
      await page.locator('summary', { hasText: summary }).click();
    // A field error and a notice are part of the page too.
    const box = page.getByRole('spinbutton', { name: 'Query budget, exact value' });
    await box.fill('0');
    await box.press('Enter');
    await expect(page.getByRole('alert')).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`),
    ).toEqual([]);
  });

  for (const viewport of VIEWPORTS) {
    test(`screenshot ${viewport.name} ${colorScheme}`, async ({ page }) => {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await page.emulateMedia({ colorScheme });
      await openLab(page, viewport.name === 'desktop' ? '' : BUSY);
      await page.waitForTimeout(400); // let canvases paint and the first sweep report
      const file = `${SHOTS}/${viewport.name}-${colorScheme}`;
      await page.screenshot({ path: `${file}.png` });
      await page.screenshot({ path: `${file}-full.png`, fullPage: true });
      // Nothing wider than the viewport: no sideways scrolling on any device.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
}

test('runs, Play and a sweep complete from the worker while long tasks are recorded', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.addInitScript(() => {
    const w = window as unknown as { labLongTasks: number[]; labWatchFrom: number };
    w.labLongTasks = [];
    w.labWatchFrom = Infinity;
    // Entries arrive after their task: keep those that started once watching began.
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (e.startTime >= w.labWatchFrom) w.labLongTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  await openLab(page);
  // Page load and the first result's first drawing are not part of the budget: watch from here on.
  await page.evaluate(() => {
    (window as unknown as { labWatchFrom: number }).labWatchFrom = performance.now();
  });
  const slider = page.getByRole('slider', { name: /^Query budget/ });
  for (let i = 0; i < 6; i++) await slider.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
  await page.getByRole('combobox', { name: 'API answers' }).selectOption('noise');
  await settled(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('combobox', { name: 'Sweep' }).selectOption('defense.output.sigma');
  await page.getByRole('button', { name: 'Run sweep' }).click();
  await expect(page.getByText(/^Sweeping/)).toHaveCount(0, { timeout: 120_000 });
  await settled(page);
  const tasks = await page.evaluate(
    () => (window as unknown as { labLongTasks: number[] }).labLongTasks,
  );
  const longest = tasks.length ? Math.max(...tasks) : 0;
  test.info().annotations.push({
    type: 'longest main-thread task',
    description: `${longest.toFixed(0)} ms (${tasks.length} over 50 ms)`,
  });
  console.log(`[longtask] longest ${longest.toFixed(0)} ms; ${tasks.length} tasks over 50 ms`);
  // No timed assertion here (the machine is shared): `npm run bench -- --browser` checks the 50 ms
  // goal, and an eslint rule keeps the simulation modules out of the main-thread bundle.
  expect(tasks.every((duration) => Number.isFinite(duration))).toBe(true);
  await expect(page.getByRole('status').first()).toBeVisible();
});
