// Issue 10, "The cost chart says rate limits and detection are free": the frontier as one panel
// per honest-user cost, level labels, click-to-apply, the limits-against-accounts chart, and one
// progress over the "Every defense" sweep. Screenshots go to /tmp/shots-costs/.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openLab, settled, test } from './lab-fixture';

const SHOTS = '/tmp/shots-costs';
/** A small budget so a whole "Every defense" sweep fits a test on a shared machine. */
const SMALL = '#v=1&q=300';

/** Runs "Every defense" and records the overall progress the page shows until it is done. */
async function sweepEveryDefense(page: Page): Promise<{ done: number; total: number }[]> {
  await page.getByRole('combobox', { name: 'Sweep' }).selectOption('all');
  await page.getByRole('button', { name: 'Run sweep' }).click();
  const seen: { done: number; total: number }[] = [];
  const status = page.getByTestId('sweep-status');
  for (let i = 0; i < 1200; i++) {
    const text = (await status.textContent()) ?? '';
    const m = /\((\d+)\s+of\s+(\d+)\s+runs\)/.exec(text);
    if (m) seen.push({ done: Number(m[1]), total: Number(m[2]) });
    if (/Every defense swept/.test(text)) break;
    await page.waitForTimeout(100);
  }
  await expect(status).toContainText('Every defense swept', { timeout: 5000 });
  return seen;
}

test.describe('what each defense costs', () => {
  test.setTimeout(300_000);

  test('each defense sits in the panel of its own cost, with level labels, and progress only grows', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openLab(page, SMALL);
    const seen = await sweepEveryDefense(page);
    // one progress over every defense: never back to 0 when the next defense starts
    expect(seen.length).toBeGreaterThan(3);
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]!.done).toBeGreaterThanOrEqual(seen[i - 1]!.done);
      expect(seen[i]!.total).toBe(seen[0]!.total);
    }
    const frontier = page.locator('[data-tour="frontier"]');
    for (const [w, h] of [
      [1280, 800],
      [1920, 1080],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(300);
      await frontier.screenshot({ path: `${SHOTS}/frontier-${w}x${h}.png` });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    const accuracy = frontier.locator('[data-cost="accuracyDrop"]');
    const blocked = frontier.locator('[data-cost="benignBlocked"]');
    const flagged = frontier.locator('[data-cost="falsePositives"]');
    // the rate limit and detection are not drawn on the accuracy axis at all...
    await expect(accuracy.locator('g.series[data-knob="defense.output.sigma"]')).toHaveCount(1);
    await expect(accuracy.locator('g.series[data-knob="defense.rateLimit.perDay"]')).toHaveCount(0);
    await expect(accuracy.locator('g.series[data-knob="defense.detection.delta"]')).toHaveCount(0);
    // ...but in the panels of their own costs, where a tight limit is far from x = 0
    const rate = blocked.locator('g.series[data-knob="defense.rateLimit.perDay"]');
    await expect(rate).toHaveCount(1);
    await expect(flagged.locator('g.series[data-knob="defense.detection.delta"]')).toHaveCount(1);
    const xs = await rate
      .locator('path.marker')
      .evaluateAll((els) =>
        els.map((el) =>
          Number(/translate\(([-\d.e]+),/.exec(el.getAttribute('transform') ?? '')?.[1]),
        ),
      );
    expect(Math.max(...xs)).toBeGreaterThan(100);
    // level labels beside the points, in the words of the setting
    const labels = await blocked.locator('text.level-label').allTextContents();
    expect(labels).toContain('10/day');
    expect(labels.every((l) => /^(off|\d+\/day)$/.test(l))).toBe(true);
    // where points crowd, a label that would cover another is left to the tooltip and the table
    const sigma = accuracy.locator('g.series[data-knob="defense.output.sigma"] path.marker');
    expect(
      await sigma.evaluateAll((els) => els.map((el) => el.getAttribute('data-level'))),
    ).toContain('σ 0.1');
    // the tooltip names the defense and the level once
    const probe = blocked.getByRole('slider');
    await probe.focus();
    await probe.press('End');
    await expect(blocked.locator('.chart-tooltip')).toContainText('Rate limit: 10/day');
    await expect(blocked.locator('.chart-tooltip')).not.toContainText('per day');

    const results = await new AxeBuilder({ page }).include('#lab-charts').analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`),
    ).toEqual([]);
  });

  test('clicking a frontier point applies that setting to the matching control', async ({
    page,
  }) => {
    await openLab(page, SMALL);
    await page.getByRole('combobox', { name: 'Sweep' }).selectOption('defense.rateLimit.perDay');
    await page.getByRole('button', { name: 'Run sweep' }).click();
    const blocked = page.locator('[data-tour="frontier"] [data-cost="benignBlocked"]');
    const marker = blocked.locator('path.marker[data-level="50/day"]');
    await expect(marker).toHaveCount(1, { timeout: 120_000 });
    await marker.scrollIntoViewIfNeeded();
    const box = (await marker.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect(page.getByRole('switch', { name: 'Rate limit' })).toBeChecked();
    await expect(
      page.getByRole('spinbutton', { name: 'Per account per day, exact value' }),
    ).toHaveValue('50');
    await settled(page);
    // Enter on a focused point applies it too
    const probe = blocked.getByRole('slider');
    await probe.focus();
    await probe.press('Home');
    await probe.press('ArrowRight');
    await probe.press('Enter');
    await expect(
      page.getByRole('spinbutton', { name: 'Per account per day, exact value' }),
    ).toHaveValue('1000');
  });

  test('limits against accounts: fidelity heatmap, honest accounts limited, dollars, click applies', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openLab(page, SMALL);
    const limits = page.getByTestId('limits');
    await limits.scrollIntoViewIfNeeded();
    // computed as soon as it is on screen, coarse cells first
    await expect(limits.locator('g.cell')).toHaveCount(49, { timeout: 180_000 });
    await expect(limits.getByTestId('honest-strip').locator('rect.strip-bar')).toHaveCount(7);
    // a tight limit catches honest users, a loose one does not
    const tight = await limits.locator('rect.strip-bar[data-limit="10"]').getAttribute('height');
    const loose = await limits.locator('rect.strip-bar[data-limit="1000"]').getAttribute('height');
    expect(Number(tight)).toBeGreaterThan(Number(loose));
    // (the sentence waits for the 200/day column and the no-limit run)
    await expect(limits.getByTestId('limits-sentence')).toContainText(/At 200\/day, \d+ account/, {
      timeout: 60_000,
    });
    await expect(limits.getByTestId('limits-sentence')).toContainText('honest accounts');
    // the tooltip carries the dollars
    const probe = limits.getByRole('slider');
    await probe.focus();
    await expect(limits.locator('.chart-tooltip')).toContainText('$');
    const cell = limits.locator('g.cell[data-limit="100"][data-accounts="20"] rect').first();
    const box = (await cell.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect(page.getByRole('switch', { name: 'Rate limit' })).toBeChecked();
    await expect(
      page.getByRole('spinbutton', { name: 'Per account per day, exact value' }),
    ).toHaveValue('100');
    await expect(page.getByRole('spinbutton', { name: 'Accounts, exact value' })).toHaveValue('20');
    await expect(limits.locator('rect.current')).toHaveCount(1);

    const results = await new AxeBuilder({ page }).include('[data-testid="limits"]').analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    for (const [w, h] of [
      [1280, 800],
      [1920, 1080],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(300);
      await limits.screenshot({ path: `${SHOTS}/limits-${w}x${h}.png` });
    }
  });
});
