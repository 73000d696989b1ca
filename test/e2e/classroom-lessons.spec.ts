// Every guided lesson, walked to its end in presenter mode: predictions locked in, the reveal
// filled from the real run (no placeholder left, no expectation broken), a screenshot per step
// under test-results/screenshots/lessons/, and the presenter keys moving between steps.
import { readFileSync } from 'node:fs';
import { expect, seriousAxeViolations, test } from './classroom-fixture';

const index = JSON.parse(readFileSync('public/lessons/index.json', 'utf8')) as {
  lessons: { id: string }[];
};
const SHOTS = 'test-results/screenshots/lessons';

for (const { id } of index.lessons) {
  test(`lesson "${id}" walks to its end in presenter mode`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 1920, height: 1080 });
    // Reduced motion: highlights scroll into view at once, so screenshots show where they land.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`./#lesson=${id}&present=1`);
    const bar = page.getByTestId('lesson-bar');
    await expect(bar).toBeVisible({ timeout: 15_000 });
    await expect(page.locator('html')).toHaveAttribute('data-present', '');
    const total = Number((await bar.locator('.where').textContent())?.match(/of (\d+)/)?.[1]);
    // Three steps at least (a prediction, a reveal, a cost): "Proving a copy" has three.
    expect(total).toBeGreaterThanOrEqual(3);

    for (let step = 1; step <= total; step++) {
      await expect(bar).toHaveAttribute('data-step', String(step));
      const choices = bar.locator('fieldset.prediction input[type="radio"]');
      const count = await choices.count();
      if (count > 0) {
        // The prediction is recorded before the reveal: nothing of the run shows until it is locked in.
        await expect(bar.getByTestId('lesson-reveal')).toContainText('lock it in');
        await choices.nth(step % count).check();
        await bar.getByRole('button', { name: 'Lock in my prediction' }).click();
      }
      const reveal = bar.getByTestId('lesson-reveal');
      await expect(reveal).not.toContainText('Running the lab', { timeout: 90_000 });
      if (count > 0) await expect(bar.locator('.verdict')).toContainText('You predicted');
      await expect(reveal).not.toContainText('{');
      await expect(reveal).not.toContainText('–');
      await expect(bar.locator('.mismatch')).toHaveCount(0);
      await page.screenshot({ path: `${SHOTS}/${id}-step${step}.png` });
      if (step === 1) expect(await seriousAxeViolations(page)).toEqual([]);
      if (step < total) {
        // Presenter key: N (or →) for the next step, away from any field.
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await page.keyboard.press(step % 2 === 0 ? 'ArrowRight' : 'n');
      }
    }
    await expect(page).toHaveURL(new RegExp(`lesson=${id}&step=${total}`));
    await bar.getByRole('button', { name: 'Finish' }).click();
    // The end of the lesson: its summary, then Close lesson.
    await expect(bar.getByTestId('lesson-summary')).toBeVisible();
    await bar.getByRole('button', { name: 'Close lesson' }).click();
    await expect(bar).toHaveCount(0);
  });
}

test('a lesson opens at the step its link names, and Back and Reset step work', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('./#lesson=rate-limits&step=3');
  const bar = page.getByTestId('lesson-bar');
  await expect(bar).toHaveAttribute('data-step', '3', { timeout: 15_000 });
  // Step 3 pins step 2's run as A: the curve shows both runs.
  await expect(page.locator('[data-tour="curve"] .chart-legend')).toContainText('(pinned)', {
    timeout: 60_000,
  });
  await expect(page.getByRole('spinbutton', { name: 'Accounts, exact value' })).toHaveValue('50');
  await page.getByRole('spinbutton', { name: 'Accounts, exact value' }).fill('7');
  await page.getByRole('spinbutton', { name: 'Accounts, exact value' }).press('Enter');
  await expect(page.getByRole('spinbutton', { name: 'Accounts, exact value' })).toHaveValue('7');
  await bar.getByRole('button', { name: 'Reset step' }).click();
  await expect(page.getByRole('spinbutton', { name: 'Accounts, exact value' })).toHaveValue('50');
  await bar.getByRole('button', { name: 'Back' }).click();
  await expect(bar).toHaveAttribute('data-step', '2');
  await expect(page).toHaveURL(/lesson=rate-limits&step=2/);
  await expect(page.getByRole('spinbutton', { name: 'Accounts, exact value' })).toHaveValue('1');
});

test('a broken lesson link says what is wrong and the lab keeps working', async ({ page }) => {
  await page.goto('./#lesson=no-such-lesson&q=300');
  await expect(page.getByRole('alert').filter({ hasText: 'lesson in this link' })).toContainText(
    'there is no lesson "no-such-lesson"',
  );
  await page.getByRole('button', { name: 'Lessons' }).click();
  await expect(
    page.getByRole('dialog', { name: 'Guided lessons' }).getByRole('alert'),
  ).toContainText('there is no lesson "no-such-lesson"');
  await expect(page.getByRole('spinbutton', { name: 'Query budget, exact value' })).toHaveValue(
    '300',
  );
});
