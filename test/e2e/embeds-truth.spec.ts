// Embeds that hold (issue 10): every combination of embed parts lays out at every width, with no
// part drawn over another and no part squeezed below a readable width; the Embed dialog offers the
// controls as a checklist with a live preview; presenter-mode shortcuts keep working after a
// click on a switch; presenter mode fits the maps and the learning curve above the fold.
import type { Page } from '@playwright/test';
import { expect, openLab, test } from './lab-fixture';
import { seriousAxeViolations } from './classroom-fixture';
import { EMBED_PARTS } from '../../src/classroom/tour';

const SHOTS = '/tmp/shots-embeds';
const WIDTHS = [390, 700, 1000, 1100, 1280, 1600, 1920];
/** the narrowest a shown part may be, CSS px (or the frame's width less its padding, if smaller) */
const MIN_PART_WIDTH = 240;

/** Every non-empty subset of the embed parts (511 of them). */
function combinations(): string[][] {
  const out: string[][] = [];
  for (let mask = 1; mask < 1 << EMBED_PARTS.length; mask++)
    out.push(EMBED_PARTS.filter((_, i) => (mask >> i) & 1));
  return out;
}

/**
 * Lays the page out for each combination (by setting the embed attribute the page itself sets
 * from `embed=`) and returns the problems: parts overlapping, a part narrower than the minimum,
 * the page wider than the window.
 */
async function layoutProblems(page: Page, combos: string[][], minWidth: number) {
  return page.evaluate(
    ({ combos, parts, minWidth }) => {
      const root = document.documentElement;
      const problems: string[] = [];
      for (const combo of combos) {
        root.dataset.embed = combo.join(' ');
        const boxes = parts
          .map((name) => {
            const el = document.querySelector<HTMLElement>(`[data-tour="${name}"]`);
            const r = el?.getBoundingClientRect();
            return { name, r };
          })
          .filter((b) => b.r && b.r.width > 0 && b.r.height > 0);
        const want = Math.min(minWidth, window.innerWidth - 40);
        for (const b of boxes)
          if (b.r!.width < want)
            problems.push(`${combo.join(',')}: ${b.name} is ${Math.round(b.r!.width)} px wide`);
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i]!.r!;
            const c = boxes[j]!.r!;
            const w = Math.min(a.right, c.right) - Math.max(a.left, c.left);
            const h = Math.min(a.bottom, c.bottom) - Math.max(a.top, c.top);
            if (w > 1 && h > 1)
              problems.push(`${combo.join(',')}: ${boxes[i]!.name} overlaps ${boxes[j]!.name}`);
          }
        if (root.scrollWidth > window.innerWidth + 1)
          problems.push(`${combo.join(',')}: page ${root.scrollWidth} px wide`);
      }
      return problems;
    },
    { combos, parts: [...EMBED_PARTS] as string[], minWidth },
  );
}

test('every combination of embed parts lays out at every width', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openLab(page, '#v=2&q=300&embed=all');
  const combos = combinations();
  const problems: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    const found = await layoutProblems(page, combos, MIN_PART_WIDTH);
    problems.push(...found.slice(0, 5).map((p) => `${width} px: ${p}`));
  }
  expect(problems).toEqual([]);
});

// The combinations that include a settings panel, loaded for real (the charts measure their
// frame after the layout settles): nothing inside the charts column reaches into a panel.
const LOADED: string[] = [
  'all',
  'attacker-panel,maps',
  'attacker-panel,maps,curve',
  'defender-panel,maps,curve',
  'attacker-panel,defender-panel',
  'attacker-panel,curve,ledger',
  'maps,curve,attacker-sees,playback',
];
for (const embed of LOADED)
  test(`embed=${embed} holds at 1000-1600 px and on a phone`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: 1280, height: 800 });
    await openLab(page, `#v=2&q=300&embed=${embed}`);
    for (const [width, height] of [
      [1000, 800],
      [1280, 800],
      [1600, 900],
      [1920, 1080],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(250); // the charts re-measure their frames
      const overlaps = await page.evaluate(() => {
        const panels = [...document.querySelectorAll<HTMLElement>('[data-tour="lab"] > aside')]
          .map((el) => el.getBoundingClientRect())
          .filter((r) => r.width > 0);
        const drawn = [...document.querySelectorAll<SVGElement>('#lab-charts svg.chart-svg')]
          .map((el) => el.getBoundingClientRect())
          .filter((r) => r.width > 0);
        let hits = 0;
        for (const p of panels)
          for (const d of drawn)
            if (
              Math.min(p.right, d.right) - Math.max(p.left, d.left) > 1 &&
              Math.min(p.bottom, d.bottom) - Math.max(p.top, d.top) > 1
            )
              hits++;
        return { hits, narrowest: Math.min(...panels.map((p) => p.width), 1e9) };
      });
      expect(overlaps.hits, `${embed} at ${width} px: charts over a panel`).toBe(0);
      expect(overlaps.narrowest, `${embed} at ${width} px`).toBeGreaterThan(
        Math.min(MIN_PART_WIDTH, width - 40),
      );
      await page.screenshot({
        path: `${SHOTS}/embed-${embed.replace(/,/g, '+')}-${width}x${height}.png`,
        fullPage: true,
      });
    }
  });

test('the Embed dialog offers the controls as a checklist and previews the embed live', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openLab(page, '#v=2&q=300');
  await page.getByRole('button', { name: 'Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed in a course page' });
  await expect(dialog).toBeVisible();
  // No typed paths and no command line.
  await expect(dialog).not.toContainText('npm run sim');
  await expect(dialog.getByRole('textbox', { name: /Lock these settings/ })).toHaveCount(0);
  // Controls by their labels, from the field registry: lock the answer format, hide accounts.
  await dialog.getByRole('checkbox', { name: 'Lock API answers' }).check();
  await dialog.getByRole('checkbox', { name: 'Hide Accounts' }).check();
  const snippet = dialog.getByLabel('Paste this into the course page');
  await expect(snippet).toHaveValue(/lock=defense\.output\.mode/);
  await expect(snippet).toHaveValue(/hide=attack\.accounts/);
  // The live preview is the snippet's own link (after a short pause), and shows the chosen view.
  const preview = dialog.locator('iframe');
  const linked = (await snippet.inputValue()).match(/src="([^"]+)"/)?.[1]?.replace(/&amp;/g, '&');
  await expect.poll(() => preview.getAttribute('src')).toBe(linked);
  const inner = page.frameLocator('iframe[title^="Preview"]');
  await expect(inner.getByTestId('maps')).toBeVisible({ timeout: 30_000 });
  await dialog.getByRole('checkbox', { name: "the attacker's settings" }).check();
  await expect(inner.locator('[data-tour="attacker-panel"]')).toBeVisible({ timeout: 30_000 });
  await expect(inner.getByRole('spinbutton', { name: 'Accounts' })).toHaveCount(0);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/embed-dialog-1280x800.png` });
});

test('presenter shortcuts keep working after a click on a switch', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openLab(page, '#v=2&q=300&present=1');
  const watermark = page.getByRole('switch', { name: 'Watermark' });
  await watermark.click();
  await expect(watermark).toBeChecked();
  await expect(watermark).toBeFocused();
  // "2" switches the rate limit on although the focus is still on the watermark's switch.
  await page.keyboard.press('2');
  await expect(page.getByRole('switch', { name: 'Rate limit' })).toBeChecked();
  await page.keyboard.press('3');
  await expect(watermark).not.toBeChecked();
});

for (const [width, height] of [
  [1920, 1080],
  [1280, 800],
] as const)
  test(`presenter mode at ${width}x${height}: larger type, maps and curve above the fold`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await openLab(page, '#v=2&q=300&present=1');
    const rootPx = await page.evaluate(() =>
      parseFloat(getComputedStyle(document.documentElement).fontSize),
    );
    expect(rootPx, 'root font size').toBeGreaterThanOrEqual(width >= 1920 ? 22 : 19);
    const maps = page.getByTestId('maps').getByRole('img');
    const curve = page.locator('[data-tour="curve"] svg.chart-svg');
    for (const chart of [maps.first(), maps.last(), curve]) {
      const box = await chart.boundingBox();
      expect(box, 'drawn').not.toBeNull();
      expect(box!.y + box!.height, 'bottom above the fold').toBeLessThanOrEqual(height);
      expect(box!.width, 'width').toBeGreaterThan(250);
    }
    await page.screenshot({ path: `${SHOTS}/presenter-${width}x${height}.png` });
  });
