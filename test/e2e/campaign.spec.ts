// Campaign detection on the page (issue 13, part 2): a chat run with 100 accounts, campaign
// detection on and half cover traffic draws the cluster picture: attacker squares and honest dots,
// flagged ones outlined, a keyboard probe with a tooltip, the data table, no serious axe violation.
// Screenshots at 1280x800 and 390x844 in test-results/ to open and look at.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './lab-fixture';

const CAMPAIGN = './#v=2&k=chat&q=2000&ac=100&dy=5&cg=1&mx=0.5';

for (const [name, width, height] of [
  ['desktop', 1280, 800],
  ['phone', 390, 844],
] as const) {
  test(`the cluster picture (${name})`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto(CAMPAIGN);
    const chart = page.getByTestId('campaign-clusters');
    await expect(chart).toBeVisible({ timeout: 90_000 });
    const plot = chart.locator('svg.chart-svg');
    await expect(plot.locator('rect.attacker')).toHaveCount(100);
    await expect(plot.locator('circle.honest')).toHaveCount(150);
    expect(await plot.locator('rect.attacker.flagged').count()).toBeGreaterThan(0);
    await expect(chart).toContainText("of the attacker's 100 accounts flagged");
    // the keyboard probe names the account under it
    const probe = chart.getByRole('slider');
    await probe.focus();
    await probe.press('End');
    await expect(chart.locator('.chart-tooltip')).toContainText(/account, (flagged|not flagged)/);
    // the chat kind has no PRADA detector: the page does not tell the person to switch it on
    await expect(page.getByText('in the Defender panel to watch how natural')).toHaveCount(0);
    // the text alternative: the summary table counts the accounts shown
    await expect(chart.locator('table').first()).toContainText("Attacker's");
    await chart.scrollIntoViewIfNeeded();
    await chart.screenshot({ path: `test-results/campaign-clusters-${name}.png` });
    await page.screenshot({ path: `test-results/campaign-page-${name}.png` });
    if (name === 'desktop') {
      const results = await new AxeBuilder({ page })
        .include('[data-testid="campaign-clusters"]')
        .analyze();
      const bad = results.violations.filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      );
      expect(bad.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    }
  });
}
