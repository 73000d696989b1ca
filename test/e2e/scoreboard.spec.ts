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
  await expect(board).toContainText(/\d+\.\d%\shit the daily limit/);
  await expect(board).toContainText(/\d+\.\d%\sflagged/);
  const box = await board.boundingBox();
  expect(box, 'scoreboard drawn').not.toBeNull();
  expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(800);
  // every word inside its tile (a long bold word must not stick out of a narrow tile)
  const spills = await board.evaluate((el) =>
    [...el.querySelectorAll<HTMLElement>('.tile')].flatMap((tile) => {
      // the content edge: text running into the padding already touches the border
      const style = getComputedStyle(tile);
      const edge =
        tile.getBoundingClientRect().right -
        parseFloat(style.paddingRight) -
        parseFloat(style.borderRightWidth);
      return [...tile.querySelectorAll<HTMLElement>('dt, dd, strong, span')]
        .filter((part) => {
          const range = document.createRange();
          range.selectNodeContents(part);
          return range.getBoundingClientRect().right > edge + 1;
        })
        .map((part) => part.textContent ?? '');
    }),
  );
  expect(spills, 'text sticking out of its tile').toEqual([]);
  // The maps still start above the fold, below the scoreboard and the run's one-sentence summary
  // (issue 10: a plain sentence under the scoreboard; its height is the room it takes).
  const maps = await page.getByTestId('maps').boundingBox();
  const sentence = await page.getByTestId('run-sentence').boundingBox();
  expect(maps?.y ?? 1e9).toBeLessThan(400 + (sentence?.height ?? 0));
});

test('a lesson step that asks for a prediction veils the scoreboard until it is locked in', async ({
  page,
}) => {
  await page.goto('./#v=1&lesson=watermarks&step=2');
  const board = page.getByTestId('scoreboard');
  await expect(board).toContainText('once you lock in your prediction', { timeout: 30_000 });
  await expect(board.getByRole('term')).toHaveCount(0);
  await page.getByRole('radio', { name: 'Still not shown' }).check();
  await page.getByRole('button', { name: 'Lock in my prediction' }).click();
  await expect(board.getByRole('term').filter({ hasText: "Owner's evidence" })).toBeVisible();
  await expect(board).toContainText(/ownership (not )?shown/);
});
