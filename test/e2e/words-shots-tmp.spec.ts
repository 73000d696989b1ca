// Temporary: screenshots of every lesson step at three sizes, before and after Lock in.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
const index = JSON.parse(readFileSync('public/lessons/index.json', 'utf8')) as { lessons: { id: string }[] };
const SIZES = [
  { name: '1280', width: 1280, height: 800 },
  { name: '1920', width: 1920, height: 1080 },
  { name: '390', width: 390, height: 844 },
];
for (const { id } of index.lessons)
  for (const size of SIZES)
    test(`${id} ${size.name}`, async ({ page }) => {
      test.setTimeout(400_000);
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(`./#lesson=${id}`);
      const bar = page.getByTestId('lesson-bar');
      await expect(bar).toBeVisible({ timeout: 15_000 });
      const total = Number((await bar.locator('.where').textContent())?.match(/of (\d+)/)?.[1]);
      for (let step = 1; step <= total; step++) {
        await expect(bar).toHaveAttribute('data-step', String(step));
        await page.waitForFunction(() => {
          const el = document.querySelector<HTMLElement>('[data-status]');
          return el?.dataset.status === 'done' && el.dataset.result === el.dataset.config;
        }, undefined, { timeout: 120_000 });
        await page.waitForTimeout(400);
        const radios = bar.getByRole('radio');
        if ((await radios.count()) > 0) {
          await page.screenshot({ path: `/tmp/shots-words/steps/${id}-${step}-${size.name}-a.png` });
          await radios.first().check();
          await bar.getByRole('button', { name: 'Lock in my prediction' }).click();
        }
        await expect(bar.getByTestId('lesson-reveal')).not.toContainText('Running the lab', { timeout: 120_000 });
        await page.waitForTimeout(400);
        await page.screenshot({ path: `/tmp/shots-words/steps/${id}-${step}-${size.name}-b.png` });
        if (step < total) await bar.getByRole('button', { name: 'Next step' }).click();
      }
      await bar.getByRole('button', { name: 'Finish' }).click();
      await page.screenshot({ path: `/tmp/shots-words/steps/${id}-end-${size.name}.png` });
    });
