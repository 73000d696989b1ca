// Presenter mode on a small projector (1280x800): the settings columns stack on the left, the maps
// start above the fold and the learning curve sits beside them (issue 10: the curve was below the
// fold), so each map has two thirds of the centre column's half.
import { expect, openLab, test } from './lab-fixture';

test.use({ viewport: { width: 1280, height: 800 } });

test('presenter mode at 1280x800 keeps the maps large and above the fold', async ({ page }) => {
  await openLab(page, '#v=1&present=1');
  const maps = page.getByTestId('maps').getByRole('img');
  await expect(maps).toHaveCount(2);
  const first = await maps.first().boundingBox();
  expect(first?.width ?? 0, 'map width').toBeGreaterThan(270);
  // under the scoreboard and its plain sentence; the whole map is above the fold
  expect(first?.y ?? 1e9, 'map top').toBeLessThan(500);
  expect((first?.y ?? 1e9) + (first?.height ?? 0), 'map bottom').toBeLessThan(800);
  // both settings columns sit to the left of the charts, one above the other
  const attacker = await page
    .getByRole('complementary', { name: 'Attacker settings' })
    .boundingBox();
  const defender = await page
    .getByRole('complementary', { name: 'Defender settings' })
    .boundingBox();
  expect(defender?.x).toBe(attacker?.x);
  expect(defender?.y ?? 0).toBeGreaterThan((attacker?.y ?? 0) + (attacker?.height ?? 0) - 1);
});
