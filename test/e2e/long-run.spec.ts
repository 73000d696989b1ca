// Runs that take a minute (issue 15): a long run shows its estimate and can be cancelled (the
// worker is stopped and restarted; the previous result stays, marked stale), and the largest run
// the page supports finishes and shows a result. That last one takes minutes: it runs only with
// LAB_SLOW=1 (`npm run bench -- --e2e`).
import { applyAssignments, defaultConfig } from '../../src/core/config';
import { formatShareHash } from '../../src/state/url';
import { EVERYTHING_AT_MAXIMUM } from '../fixtures/largestRun';
import { expect, openLab, settled, test } from './lab-fixture';

function hashOf(assignments: readonly string[]): string {
  const { config, issues } = applyAssignments(defaultConfig(), assignments);
  if (issues.length > 0) throw new Error(issues.map((i) => i.message).join('; '));
  return `#${formatShareHash(config)}`;
}

/** A run of tens of seconds: a large student trained long on 10,000 answers. */
const SLOW = hashOf([
  'attack.queries=10000',
  'attack.student.hidden=32x32x32',
  'attack.student.epochs=500',
]);

test('a long run shows its estimate; Cancel stops it and keeps the previous result, marked stale', async ({
  page,
}) => {
  await openLab(page);
  let started = 0;
  page.on('worker', () => started++);
  const status = page.locator('[data-status]');
  await page.evaluate((hash) => (location.hash = hash), SLOW);
  await expect(status).toHaveAttribute('data-status', 'running');
  await expect(status).toContainText(/Running… \d+% of about \d+ (s|min)/);
  const estimate = Number(await status.getAttribute('data-estimate-ms'));
  expect(estimate).toBeGreaterThan(10_000);
  // Under the query budget: the largest supported run, and these settings' estimate.
  const limits = page.getByTestId('run-limits');
  await expect(limits).toContainText('Largest supported run: every setting at its maximum');
  await expect(limits).toContainText(/These settings: about \d+ (s|min)\./);
  // A run estimated this long marks the previous result at once.
  await expect(page.getByTestId('stale-label')).toHaveCount(3);
  await page.getByRole('button', { name: 'Cancel run' }).click();
  await expect(status).toHaveAttribute('data-status', 'cancelled');
  await expect(status).toContainText('Cancelled. The charts show the previous settings');
  await expect(page.getByRole('button', { name: 'Cancel run' })).toHaveCount(0);
  await expect(page.getByTestId('stale-label')).toHaveCount(3);
  // The busy worker was replaced, and the lab answers the next change at once.
  await expect.poll(() => started).toBeGreaterThanOrEqual(1);
  await page.evaluate(() => (location.hash = '#v=1&q=300'));
  await settled(page);
  await expect(page.getByTestId('stale-label')).toHaveCount(0);
});

test('the largest supported run (every setting at its maximum) finishes and shows its result', async ({
  page,
}) => {
  test.skip(!process.env.LAB_SLOW, 'minutes long: run with LAB_SLOW=1 (npm run bench -- --e2e)');
  test.setTimeout(15 * 60_000);
  const hash = hashOf(EVERYTHING_AT_MAXIMUM);
  const t0 = Date.now();
  await page.goto(`./${hash}`);
  const status = page.locator('[data-status]');
  await expect(status).toContainText(/of about \d+ (s|min)/);
  console.log(`[largest] estimate ${await status.getAttribute('data-estimate-ms')} ms`);
  await page.waitForFunction(
    () => {
      const el = document.querySelector<HTMLElement>('[data-status]');
      return el?.dataset.status === 'done' && el.dataset.result === el.dataset.config;
    },
    undefined,
    { timeout: 14 * 60_000, polling: 1000 },
  );
  console.log(`[largest] result on screen after ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  await expect(page.getByTestId('scoreboard')).toContainText('Stolen copy');
  await expect(page.locator('.notice[data-kind="worker"]')).toHaveCount(0);
});
