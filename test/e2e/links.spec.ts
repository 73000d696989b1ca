// Share links and Play on the built page: a copied link reopens the same run with the same numbers,
// a broken or future link keeps its valid part and says what it dropped, and Play walks the
// student's map through every slice to the final state.
import {
  currentHash,
  expect,
  fingerprint,
  openLab,
  readLedger,
  settled,
  test,
} from './lab-fixture';
import type { Page } from '@playwright/test';

async function studentCanvas(page: Page): Promise<string> {
  return page
    .getByTestId('maps')
    .locator('canvas')
    .nth(1)
    .evaluate((canvas) => (canvas as HTMLCanvasElement).toDataURL());
}

test('a copied share link reopens the same run with the same numbers', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openLab(page);
  await page.getByRole('combobox', { name: 'Strategy' }).selectOption('active');
  const budget = page.getByRole('spinbutton', { name: 'Query budget, exact value' });
  await budget.fill('600');
  await budget.press('Enter');
  await page.getByRole('combobox', { name: 'API answers' }).selectOption('noise');
  await page.getByRole('switch', { name: /^Rate limit/ }).press('Space');
  await settled(page);
  const before = await fingerprint(page);
  // The address bar follows within a quarter second (history writes are throttled).
  const hash = '#v=2&a=active&q=600&om=noise&rl=1';
  await expect.poll(() => currentHash(page)).toBe(hash);

  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied.')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(link).hash).toBe(hash);

  const other = await context.newPage();
  await other.goto(link);
  await settled(other);
  expect(await fingerprint(other)).toBe(before);
  await expect(other.getByRole('spinbutton', { name: 'Query budget, exact value' })).toHaveValue(
    '600',
  );
  await expect(other.getByRole('switch', { name: /^Rate limit/ })).toBeChecked();
  await expect(other.getByRole('alert')).toHaveCount(0);
});

test('editing settings rewrites the fragment without adding history entries', async ({ page }) => {
  await openLab(page);
  const length = await page.evaluate(() => history.length);
  const slider = page.getByRole('slider', { name: /^Query budget/ });
  for (let i = 0; i < 5; i++) await slider.press('ArrowRight');
  await settled(page);
  await expect.poll(() => currentHash(page)).toMatch(/^#v=2&q=\d+$/);
  expect(await page.evaluate(() => history.length)).toBe(length);
});

test('Reset settings leaves one Back step to the previous settings', async ({ page }) => {
  await openLab(page, '#v=1&q=300');
  await page.getByRole('button', { name: 'Reset settings' }).click();
  await settled(page);
  await expect.poll(() => currentHash(page)).toBe('#v=2');
  await page.goBack();
  await expect.poll(() => currentHash(page)).toBe('#v=2&q=300');
  await settled(page);
  expect((await readLedger(page))['Queries asked']).toBe('300');
});

test('a broken link keeps its valid part and names each bad field in a dismissable alert', async ({
  page,
}) => {
  await openLab(page, '#v=1&q=99999&n=0.2&zz=1&om=label');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('2 settings in this link could not be used');
  await expect(alert.getByRole('listitem')).toHaveText([
    /^Query budget \(q="99999"\) must be an integer from 10 to 10000; kept the default 1000/,
    /^"zz" is not a setting this lab knows; ignored/,
  ]);
  await expect(page.getByRole('spinbutton', { name: 'Noise, exact value' })).toHaveValue('0.2');
  await expect(page.getByRole('combobox', { name: 'API answers' })).toHaveValue('label');
  await expect.poll(() => currentHash(page)).toBe('#v=2&n=0.2&om=label');
  await page.getByRole('button', { name: 'Dismiss this notice' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a link from a future version says so and keeps what it can read', async ({ page }) => {
  await openLab(page, '#v=3&q=500&wobble=3');
  await expect(page.getByRole('alert')).toContainText(
    'this link comes from a newer version of the lab (v=3, this is v=2)',
  );
  expect((await readLedger(page))['Queries asked']).toBe('500');
});

test('Step and Play walk the student map through every slice to the final state', async ({
  page,
}) => {
  await openLab(page);
  const position = page.getByTestId('play-position');
  await expect(position).toHaveText(/^Final: 1,000 queries sent$/);
  const finalMap = await studentCanvas(page);

  await page.getByRole('button', { name: 'Step' }).click();
  await expect(position).toHaveText(/^Slice 1 of (\d+): 100 queries sent$/);
  const slices = Number(/of (\d+)/.exec((await position.textContent()) ?? '')?.[1]);
  expect(slices).toBeGreaterThan(2);
  await expect.poll(() => studentCanvas(page)).not.toBe(finalMap);
  const firstMap = await studentCanvas(page);

  const seen = new Set<string>();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect
    .poll(
      async () => {
        seen.add((await position.textContent()) ?? '');
        return position.textContent();
      },
      { timeout: 30_000, intervals: [50] },
    )
    .toMatch(/^Final/);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const sliceTexts = [...seen].filter((t) => t.startsWith('Slice'));
  expect(sliceTexts.length).toBeGreaterThanOrEqual(slices - 2);
  await expect.poll(() => studentCanvas(page)).toBe(finalMap);
  expect(firstMap).not.toBe(finalMap);

  await page.getByRole('button', { name: 'Reset to the first slice' }).click();
  await expect(position).toHaveText(/^Slice 1 of/);
  await expect.poll(() => studentCanvas(page)).toBe(firstMap);
});
