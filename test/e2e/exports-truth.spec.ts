// Exports that stand on their own (issue 10): each exported chart carries its legend (A vs B,
// solid vs dashed, class colours) and a caption with the run's key settings; the printed report
// uses the controls' words, shows run A's settings, leaves out charts with nothing drawn and
// prints charts large enough to read; the sweep CSV is rounded. Every export is rendered at the
// three screen sizes and saved for review.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { expect, openLab, settled, test } from './lab-fixture';

const SHOTS = '/tmp/shots-embeds';
const SIZES = [
  [1280, 800],
  [1920, 1080],
  [390, 844],
] as const;

async function save(page: Page, click: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return readFileSync(await (download as Download).path(), 'utf8');
}

/** Texts of an SVG file, as the page's DOMParser reads them. */
async function textsOf(page: Page, svg: string): Promise<string[]> {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    return [...doc.querySelectorAll('text')].map((t) => t.textContent ?? '');
  }, svg);
}

/** Shows an exported SVG alone in a page at each size and screenshots it. */
async function shoot(page: Page, svg: string, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(`${SHOTS}/export-${name}.svg`, svg);
  const viewer = await page.context().newPage();
  for (const [width, height] of SIZES) {
    await viewer.setViewportSize({ width, height });
    const data = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    await viewer.setContent(
      `<body style="margin:0;background:#fff"><img src="${data}" style="max-width:100%"></body>`,
    );
    await viewer.screenshot({ path: `${SHOTS}/export-${name}-${width}x${height}.png` });
  }
  await viewer.close();
}

async function pinAThenLabelOnly(page: Page): Promise<void> {
  await openLab(page, '#v=2&q=300');
  await page.getByRole('button', { name: 'Pin this run as A' }).click();
  await page.getByRole('combobox', { name: 'API answers' }).selectOption('label');
  await settled(page);
}

test('exported charts carry their legend and the run settings, run A included', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await pinAThenLabelOnly(page);
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });

  const curve = await save(page, () =>
    dialog.getByRole('button', { name: 'Save Learning curve as SVG' }).click(),
  );
  const curveTexts = (await textsOf(page, curve)).join('\n');
  for (const words of [
    'Learning curve',
    'on held-out inputs',
    'on uniform inputs',
    '(pinned)',
    '(current)',
    'Query budget: 300 queries',
    'API answers: Label only',
    'Run A (pinned): API answers: Full probabilities (no defense)',
  ])
    expect(curveTexts, words).toContain(words);
  await shoot(page, curve, 'learning-curve-A-B');

  const victim = await save(page, () =>
    dialog.getByRole('button', { name: /Save Victim.* as SVG/ }).click(),
  );
  const victimTexts = (await textsOf(page, victim)).join('\n');
  for (const words of ['class 0', 'class 1', 'query (colour: label the API gave)', 'Seed: 1'])
    expect(victimTexts, words).toContain(words);
  await shoot(page, victim, 'victim-map');

  const student = await save(page, () =>
    dialog.getByRole('button', { name: /Save Student.* as SVG/ }).click(),
  );
  expect((await textsOf(page, student)).join('\n')).toContain('differs from victim');
  await shoot(page, student, 'student-map');
});

test('the report speaks the controls’ words, shows run A, leaves out empty charts, prints charts large', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await pinAThenLabelOnly(page);
  // a chart with nothing drawn (as the frontier is before any sweep) is marked by its empty note
  await page
    .locator('[data-tour="frontier"] svg.chart-svg')
    .first()
    .evaluate((svg) =>
      svg.insertAdjacentHTML('beforeend', '<text class="chart-empty">No sweep yet</text>'),
    );
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('button', { name: 'One-page report…' }).click();
  const report = page.getByRole('dialog', { name: 'Run report' });
  await expect(report).toBeVisible();
  const settings = report.locator('table').first();
  await expect(settings.locator('th')).toContainText([
    'Setting',
    'Run A (pinned)',
    'Run B (this run)',
  ]);
  const row = settings.locator('tr', { hasText: 'API answers' });
  await expect(row).toContainText('Full probabilities (no defense)');
  await expect(row).toContainText('Label only');
  // no raw config values in any settings cell
  const cells = await settings.locator('td').allInnerTexts();
  for (const raw of ['label', 'probabilities', 'true', 'false', 'natural'])
    expect(cells, raw).not.toContain(raw);
  // the empty frontier is left out; the others are there, two a row
  const images = report.locator('.charts img');
  const alts = await images.evaluateAll((imgs) => imgs.map((i) => i.getAttribute('alt')));
  expect(alts).not.toContain('What each defense costs');
  expect(alts.some((a) => a?.startsWith('Victim'))).toBe(true);
  const reportWidth = (await report.locator('article').boundingBox())!.width;
  const firstImage = (await images.first().boundingBox())!.width;
  expect(firstImage / reportWidth).toBeGreaterThan(0.45);
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/report-${width}x${height}.png` });
  }
  // print media: the report alone, charts still two a row
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.evaluate(() => (document.documentElement.dataset.printing = 'report'));
  await page.emulateMedia({ media: 'print' });
  const printed = page.locator('.print-area[data-print="report"]');
  await expect(printed).toBeVisible();
  const printedWidth = (await printed.locator('article').boundingBox())!.width;
  const printedImage = (await printed.locator('.charts img').first().boundingBox())!.width;
  expect(printedImage / printedWidth).toBeGreaterThan(0.45);
  await page.screenshot({ path: `${SHOTS}/report-print.png`, fullPage: true });
});

test('the sweep CSV is rounded to each measure’s resolution', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openLab(page, '#v=2&q=300');
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  const button = dialog.getByRole('button', { name: 'Save the sweeps as CSV' });
  await expect(button).toBeEnabled({ timeout: 60_000 });
  const csv = await save(page, () => button.click());
  const [header, ...rows] = csv
    .trim()
    .split('\n')
    .map((line) => line.split(','));
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows)
    row.forEach((cell, i) => {
      const name = header![i] ?? '';
      if (!/_(mean|std)$/.test(name) || cell === '') return;
      expect(Number.isFinite(Number(cell)), `${name} = ${cell}`).toBe(true);
      expect(cell.split('.')[1]?.length ?? 0, `${name} = ${cell}`).toBeLessThanOrEqual(4);
    });
  writeFileSync(`${SHOTS}/export-sweeps.csv`, csv);
});
