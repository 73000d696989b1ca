// Charts that tell the truth (issue 10): the detection timeline shows every attacker account and
// says which count "query N" is; refused queries leave the victim map readable; the scoreboard
// neither jumps nor blinks when a setting changes; on a phone the controls are in reach and a
// control's tooltip does not cover the next control.
import { expect, openLab, settled, test } from './lab-fixture';
import { seriousAxeViolations } from './classroom-fixture';

const SHOTS = '/tmp/shots-embeds';

test('with 10 Jacobian accounts the timeline shows every banned account and the alarm count is unambiguous', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openLab(page, '#v=2&a=jacobian&ac=10&dt=1');
  const board = page.getByTestId('scoreboard');
  const timeline = page.locator('[data-tour="detection"]');
  const banned = Number((await board.innerText()).match(/(\d+) of 10 accounts banned/)?.[1]);
  expect(banned, 'the scoreboard names the banned accounts').toBeGreaterThan(0);
  // every banned account's alarm is on the timeline, and every account is drawn
  await expect(timeline.locator('g.trace.attacker')).toHaveCount(10);
  await expect(timeline.locator('g.trace.attacker g.alarm')).toHaveCount(banned);
  // "query N" says it counts all the attacker's queries, and which account's own query it was
  await expect(board).toContainText(
    /first at query [\d,]+ of all the attacker's queries \(account \d+'s \d+(st|nd|rd|th)\)/,
  );
  await expect(timeline.locator('.chart-legend')).toContainText("of all the attacker's queries");
  await expect(timeline).toContainText('its own count');
  await timeline.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/detection-10-accounts-1280x800.png` });
});

test('when most queries are refused the victim map stays readable', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  // 10,000 queries over one account at 100 a day for a day: 9,900 refused
  await openLab(page, '#v=2&q=10000&rl=1&rd=100');
  const victim = page.getByTestId('maps').locator('figure').first();
  const crosses = await victim
    .locator('path.crosses')
    .first()
    .evaluate((el) => ((el.getAttribute('d') ?? '').match(/M/g) ?? []).length / 2);
  expect(crosses, 'crosses drawn').toBeGreaterThan(0);
  expect(crosses, 'crosses drawn').toBeLessThanOrEqual(300);
  // drawn under the answered dots
  const order = await victim
    .locator('svg.chart-svg')
    .evaluate((svg) =>
      [...svg.querySelectorAll('path.crosses, path.dots')].map((p) => p.getAttribute('class')),
    );
  expect(order[0]).toContain('crosses');
  await expect(victim.locator('.chart-legend')).toContainText(
    /refused \(1 in \d+ drawn, of 9,9\d\d\)/,
  );
  await page.screenshot({ path: `${SHOTS}/refused-map-1280x800.png` });
});

test('the scoreboard neither pushes the maps nor blinks its comparison when settings change', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openLab(page, '#v=2&q=300');
  const maps = page.getByTestId('maps');
  const board = page.getByTestId('scoreboard');
  const top = async () => Math.round((await maps.boundingBox())?.y ?? 0);
  const rateLimit = page.getByRole('switch', { name: 'Rate limit' });
  const watermark = page.getByRole('switch', { name: 'Watermark' });
  // One round to meet each layout, then every further change must leave the maps where they are.
  for (const toggle of [rateLimit, watermark, watermark, rateLimit]) {
    await toggle.click();
    await settled(page);
  }
  const tops: number[] = [await top()];
  for (const toggle of [rateLimit, watermark, rateLimit, watermark]) {
    await toggle.click();
    await settled(page);
    tops.push(await top());
  }
  expect(
    Math.max(...tops) - Math.min(...tops),
    `maps top over changes: ${tops}`,
  ).toBeLessThanOrEqual(1);

  // With a defense on, change a setting the comparison depends on: the "without defenses" line
  // keeps its previous value until the new one arrives, never vanishing in between.
  await rateLimit.click();
  await settled(page);
  await expect(board).toContainText('without defenses', { timeout: 30_000 });
  const budget = page.getByRole('spinbutton', { name: 'Query budget' });
  await budget.fill('400');
  await budget.press('Enter');
  const samples: boolean[] = [];
  const start = Date.now();
  while (Date.now() - start < 2500) {
    samples.push((await board.innerText()).includes('without defenses'));
    await page.waitForTimeout(15);
  }
  expect(
    samples.every(Boolean),
    `samples without the line: ${samples.filter((s) => !s).length}`,
  ).toBe(true);
});

test('on a phone the controls are one tap away and a tooltip does not cover the next control', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openLab(page, '#v=2&q=300');
  const hashBefore = await page.evaluate(() => location.hash);
  // a jump bar is on the first screen; it brings the attacker's controls into view
  const jump = page.getByRole('navigation', { name: 'Jump to' });
  await expect(jump).toBeInViewport();
  await page.screenshot({ path: `${SHOTS}/phone-first-screen-390x844.png` });
  await jump.getByRole('button', { name: 'Attacker settings' }).click();
  const budget = page.getByRole('spinbutton', { name: 'Query budget' });
  await expect(budget).toBeInViewport();
  // the settings in the link are untouched by the jump
  expect(await page.evaluate(() => location.hash)).toBe(hashBefore);
  await jump.getByRole('button', { name: 'Defender settings' }).click();
  await expect(page.getByRole('switch', { name: 'Rate limit' })).toBeInViewport();
  await jump.getByRole('button', { name: 'Charts' }).click();
  await expect(page.getByTestId('maps')).toBeInViewport();

  // focus a field: its tip opens and the next field's control stays uncovered
  await jump.getByRole('button', { name: 'Attacker settings' }).click();
  await budget.focus();
  const tip = page.getByRole('tooltip').filter({ visible: true }).first();
  await expect(tip).toBeVisible();
  const tipBox = await tip.boundingBox();
  const next = page.getByRole('spinbutton', { name: 'Accounts' });
  const nextBox = await next.boundingBox();
  expect(tipBox && nextBox).toBeTruthy();
  const overlap =
    Math.min(tipBox!.y + tipBox!.height, nextBox!.y + nextBox!.height) -
    Math.max(tipBox!.y, nextBox!.y);
  expect(overlap, 'tooltip over the next control').toBeLessThanOrEqual(0);
  // the jump bar does not cover the focused control either
  const bar = await jump.boundingBox();
  const field = await budget.boundingBox();
  expect(field!.y + field!.height).toBeLessThanOrEqual(bar!.y);
  await page.screenshot({ path: `${SHOTS}/phone-tooltip-390x844.png` });
  expect(await seriousAxeViolations(page)).toEqual([]);
});
