// The scoreboard: the copy's agreement, the attacker's spend and what honest users pay are on screen
// at 1280x800 without scrolling, with every defense on, and no tile's text spills out of it.
import { expect, openLab, test } from './lab-fixture';

test.use({ viewport: { width: 1280, height: 800 } });

test('with every defense on, the scoreboard sits above the fold and its tiles hold their text', async ({
  page,
}) => {
  await openLab(page, '#v=1&om=noise&rl=1&wm=1&dt=1&a=jacobian&ac=3');
  const board = page.getByTestId('scoreboard');
  await expect(board.getByRole('term')).toHaveText([
    'Stolen copy',
    'Attacker',
    'Honest users pay',
    "Owner's evidence",
  ]);
  await expect(board).toContainText(/−\d+\.\d pts\saccuracy/);
  await expect(board).toContainText(/\d+\.\d%\sblocked/);
  await expect(board).toContainText(/\d+\.\d%\sflagged/);
  const box = await board.boundingBox();
  expect(box, 'scoreboard drawn').not.toBeNull();
  expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(800);
  const spills = await board.evaluate(
    (el) =>
      [...el.querySelectorAll<HTMLElement>('.tile')].filter(
        (t) => t.scrollWidth > t.clientWidth + 1,
      ).length,
  );
  expect(spills, 'tiles whose text is wider than the tile').toBe(0);
  // The maps still start above the fold.
  const maps = await page.getByTestId('maps').boundingBox();
  expect(maps?.y ?? 1e9).toBeLessThan(400);
});
