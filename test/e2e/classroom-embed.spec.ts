// Embedding: a plain host page (test/e2e/embed-host.html) frames the built lab in embed mode; the
// frame shows only the chosen parts, honours lock and hide, and its height follows the lab's
// postMessage. The Embed dialog writes a snippet whose link opens the same view.
import { readFileSync } from 'node:fs';
import { expect, seriousAxeViolations, test } from './classroom-fixture';

const HOST = readFileSync('test/e2e/embed-host.html', 'utf8');

test('a host page frames the lab: chosen parts only, locks, hides, and the height follows', async ({
  page,
}) => {
  await page.route('**/embed-host.html', (route) =>
    route.fulfill({ body: HOST, contentType: 'text/html' }),
  );
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('./embed-host.html');
  const frame = page.frameLocator('#extraction-lab');
  await expect(frame.getByTestId('maps')).toBeVisible({ timeout: 30_000 });
  await expect(frame.locator('[data-tour="curve"]')).toBeVisible();
  await expect(frame.getByRole('heading', { name: 'Defender' })).toBeVisible();
  // No page chrome and none of the other parts.
  await expect(frame.getByRole('heading', { level: 1 })).toBeHidden();
  await expect(frame.locator('[data-tour="attacker-panel"]')).toBeHidden();
  await expect(frame.locator('[data-tour="ledger"]')).toBeHidden();
  await expect(frame.locator('[data-tour="frontier"]')).toBeHidden();
  // lock= and hide= from the link.
  await expect(frame.getByRole('combobox', { name: 'API answers' })).toBeDisabled();
  await expect(frame.getByText('Fixed by this course')).toBeVisible();
  await expect(frame.getByRole('switch', { name: 'Watermark' })).toBeHidden();
  await expect(frame.getByRole('switch', { name: 'Rate limit' })).toBeVisible();

  // The frame grows from its 300 px to the lab's height, as posted.
  const sized = async () => {
    const heights = await page.evaluate(() => (window as unknown as { heights: number[] }).heights);
    const frameHeight = await page.locator('#extraction-lab').evaluate((el) => el.clientHeight);
    const inner = await page
      .frameLocator('#extraction-lab')
      .locator('body')
      .evaluate((body) => Math.ceil(body.getBoundingClientRect().height));
    return { last: heights[heights.length - 1] ?? 0, frameHeight, inner };
  };
  await expect
    .poll(async () => (await sized()).frameHeight, { timeout: 15_000 })
    .toBeGreaterThan(600);
  await expect.poll(sized).toEqual(expect.objectContaining({ frameHeight: (await sized()).last }));
  const wide = await sized();
  expect(wide.frameHeight).toBe(wide.inner);

  // Narrow the frame: the maps stack, the lab gets taller, and the frame follows.
  await page
    .locator('#extraction-lab')
    .evaluate((el) => ((el as HTMLIFrameElement).style.width = '480px'));
  await expect
    .poll(async () => (await sized()).frameHeight, { timeout: 15_000 })
    .toBeGreaterThan(wide.frameHeight + 100);
  const narrow = await sized();
  expect(narrow.frameHeight).toBe(narrow.last);
  expect(narrow.frameHeight).toBe(narrow.inner);
  await page.screenshot({
    path: 'test-results/screenshots/classroom/embed-host.png',
    fullPage: true,
  });
});

test('the Embed dialog writes an iframe snippet whose link opens that view', async ({ page }) => {
  await page.goto('./#v=1&q=300');
  await page.getByRole('button', { name: 'Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed in a course page' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('checkbox', { name: 'the ledger of costs and verdicts' }).check();
  await dialog.getByRole('checkbox', { name: 'the learning curve' }).uncheck();
  // Locks and hides come from a checklist of the registry's controls (no typed paths).
  await dialog.getByRole('checkbox', { name: 'Lock API answers' }).check();
  await dialog.getByRole('checkbox', { name: 'Hide Accounts' }).check();
  const snippet = await dialog.getByLabel('Paste this into the course page').inputValue();
  expect(snippet).toMatch(
    /^<iframe id="extraction-lab" src="http:\/\/127\.0\.0\.1:\d+\/#v=2&amp;q=300&amp;embed=maps,ledger&amp;lock=defense\.output\.mode&amp;hide=attack\.accounts"/,
  );
  expect(snippet).toContain("event.data.type === 'extraction-lab:height'");
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/classroom/embed-dialog.png' });

  const link = snippet.match(/src="([^"]+)"/)?.[1]?.replace(/&amp;/g, '&') ?? '';
  await page.goto(link);
  await expect(page.getByTestId('maps')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('[data-tour="ledger"]')).toBeVisible();
  await expect(page.locator('[data-tour="curve"]')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
});
