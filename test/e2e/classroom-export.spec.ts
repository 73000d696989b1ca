// Export: every drawn chart as SVG (valid XML, parsed by the page's DOMParser, no style attribute)
// and PNG (a real PNG: signature, IHDR size, decodes with createImageBitmap); the run as JSON and
// CSV with the expected columns; the one-page report, checked on screen and in print media.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { expect, firstResult, seriousAxeViolations, test } from './classroom-fixture';

async function save(
  page: Page,
  click: () => Promise<void>,
): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await (download as Download).path();
  return { name: (download as Download).suggestedFilename(), bytes: readFileSync(path) };
}

test('every chart exports as SVG and PNG, and the run as JSON and CSV', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto('./#v=1&q=400&om=noise&dt=1');
  await firstResult(page);
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  const svgButtons = dialog.getByRole('button', { name: /as SVG$/ });
  const count = await svgButtons.count();
  expect(count).toBeGreaterThanOrEqual(4); // two maps, the learning curve, the frontier, ...
  expect(await seriousAxeViolations(page)).toEqual([]);

  for (let i = 0; i < count; i++) {
    const label = (await svgButtons.nth(i).getAttribute('aria-label')) ?? '';
    const title = label.replace(/^Save /, '').replace(/ as SVG$/, '');
    const svg = await save(page, () => svgButtons.nth(i).click());
    expect(svg.name).toMatch(/\.svg$/);
    const text = svg.bytes.toString('utf8');
    expect(text).not.toMatch(/\sstyle=/);
    const parsed = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      const root = doc.documentElement;
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        name: root.nodeName,
        width: Number(root.getAttribute('width')),
        height: Number(root.getAttribute('height')),
        images: root.querySelectorAll('image').length,
        filled: root.querySelectorAll('[fill]').length,
      };
    }, text);
    expect(parsed.error, title).toBeNull();
    expect(parsed.name).toBe('svg');
    expect(parsed.filled).toBeGreaterThan(3);
    if (/Victim|Student/.test(title)) expect(parsed.images, `${title}: heatmap`).toBe(1);

    const png = await save(page, () =>
      dialog.getByRole('button', { name: `Save ${title} as PNG` }).click(),
    );
    expect(png.name).toMatch(/\.png$/);
    mkdirSync('test-results/screenshots/classroom', { recursive: true });
    writeFileSync(`test-results/screenshots/classroom/export-${png.name}`, png.bytes);
    expect([...png.bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(png.bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect(png.bytes.readUInt32BE(16)).toBe(parsed.width * 2);
    expect(png.bytes.readUInt32BE(20)).toBe(parsed.height * 2);
    const decoded = await page.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      return [bitmap.width, bitmap.height];
    }, png.bytes.toString('base64'));
    expect(decoded).toEqual([parsed.width * 2, parsed.height * 2]);
    if (i === 0)
      await page.screenshot({ path: 'test-results/screenshots/classroom/export-dialog.png' });
  }

  const json = await save(page, () =>
    dialog.getByRole('button', { name: 'JSON', exact: true }).click(),
  );
  const run = JSON.parse(json.bytes.toString('utf8'));
  expect(run.config.attack.queries).toBe(400);
  expect(run.student.fidelity).toBeGreaterThan(0);
  expect(run.curve.length).toBeGreaterThan(2);
  expect(run.detection).not.toBeNull();

  const summary = await save(page, () =>
    dialog.getByRole('button', { name: 'CSV', exact: true }).click(),
  );
  const summaryLines = summary.bytes.toString('utf8').trim().split('\n');
  expect(summaryLines[0]).toBe('section,name,value');
  expect(summaryLines).toContain('setting,attack.queries,400');
  expect(summaryLines.some((l) => l.startsWith('student,fidelity,0.'))).toBe(true);

  const curve = await save(page, () =>
    dialog.getByRole('button', { name: 'Save the learning curve as CSV' }).click(),
  );
  const curveLines = curve.bytes.toString('utf8').trim().split('\n');
  expect(curveLines[0]).toBe('run,queries,answered,fidelity,fidelityUniform,studentAccuracy');
  expect(curveLines.length).toBe(run.curve.length + 1);

  const sweepsButton = dialog.getByRole('button', { name: 'Save the sweeps as CSV' });
  await expect(sweepsButton).toBeEnabled({ timeout: 60_000 });
  const sweeps = await save(page, () => sweepsButton.click());
  const sweepLines = sweeps.bytes.toString('utf8').trim().split('\n');
  expect(sweepLines[0]?.split(',').slice(0, 5)).toEqual([
    'knob',
    'level',
    'label',
    'fidelity_mean',
    'fidelity_std',
  ]);
  expect(sweepLines.length).toBeGreaterThan(1);
});

test('the one-page report shows settings, numbers, charts and link, and prints alone', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.addInitScript(() => {
    window.print = () => {
      (window as unknown as { printed: string | undefined }).printed =
        document.documentElement.dataset.printing;
    };
  });
  await page.goto('./#v=1&q=400&om=label');
  await firstResult(page);
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('button', { name: 'One-page report…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Run report' });
  await expect(dialog).toContainText('Query budget');
  await expect(dialog).toContainText('400 queries');
  await expect(dialog).toContainText('Student fidelity (held-out)');
  await expect(dialog).toContainText('#v=2&q=400&om=label');
  await expect(dialog.locator('img')).not.toHaveCount(0);
  await expect(dialog.locator('img').first()).toHaveJSProperty('complete', true);
  expect(
    await dialog
      .locator('img')
      .first()
      .evaluate((img: HTMLImageElement) => img.naturalWidth),
  ).toBeGreaterThan(0);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Print' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed?: string }).printed)).toBe(
    'report',
  );

  // In print media with the report marked, only the report's print area is laid out.
  await page.evaluate(() => (document.documentElement.dataset.printing = 'report'));
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#app')).toBeHidden();
  await expect(page.locator('.print-area[data-print="report"]')).toBeVisible();
  await page.screenshot({
    path: 'test-results/screenshots/classroom/report-print.png',
    fullPage: true,
  });
});
