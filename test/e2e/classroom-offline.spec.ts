// Offline: after one visit the service worker holds the whole build, so with the network cut the
// page reloads, runs the simulator in its worker, opens the classroom's dialogs (chunks loaded on
// demand) and a lesson.
import { expect, firstResult, test } from './classroom-fixture';

test('with the network cut after the first visit, a reload still works', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await page.goto('./#v=1&q=200');
  await firstResult(page);
  // The worker is installed and has cached every file of the build.
  const cached = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const manifest = (await (await fetch('./precache-manifest.json')).json()) as {
      files: string[];
    };
    const names = await caches.keys();
    const cache = await caches.open(
      names.find((n) => /^extraction-lab-[0-9a-f]{16}$/.test(n)) ?? '',
    );
    const keys = new Set((await cache.keys()).map((request) => request.url));
    const missing = manifest.files.filter((file) => !keys.has(new URL(file, location.href).href));
    return { active: registration.active !== null, files: manifest.files.length, missing };
  });
  expect(cached.active).toBe(true);
  expect(cached.files).toBeGreaterThan(5);
  expect(cached.missing).toEqual([]);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Extraction Lab/);
  await firstResult(page);
  await expect(page.getByRole('spinbutton', { name: 'Query budget, exact value' })).toHaveValue(
    '200',
  );
  await page.getByRole('combobox', { name: 'API answers' }).selectOption('label');
  // The simulator's worker runs offline too: the new run's answers are distorted.
  await expect(
    page.locator('table.ledger tr', { hasText: 'Answer distortion' }).locator('td').last(),
  ).not.toHaveText('0.000', { timeout: 30_000 });
  // The classroom's dialogs load on demand (src/components/classroom/lazy.ts): from the cache too.
  const dialogs = [
    ['Policy cards', 'Policy cards'],
    ['Export', 'Export'],
    ['Embed', 'Embed in a course page'],
    ['Keyboard shortcuts', 'Keyboard shortcuts'],
  ] as const;
  for (const [button, title] of dialogs) {
    await page.getByRole('button', { name: button }).click();
    await expect(page.getByRole('dialog', { name: title })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: title })).toBeHidden();
  }
  await page.getByRole('button', { name: 'Lessons' }).click();
  await page.getByRole('button', { name: 'Start the lesson: Why confidence scores leak' }).click();
  await expect(page.getByTestId('lesson-bar')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/classroom/offline-reload.png' });
  await context.setOffline(false);
});
