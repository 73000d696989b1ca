// Lessons that do not give the answer away, keep the chart they talk about in view, say when the
// learner changed the settings, and end with a summary (issue 10, "Lessons" and "Words"). Each
// test names the problem it guards against; screenshots go to /tmp/shots-words/.
import type { Locator, Page } from '@playwright/test';
import { expect, seriousAxeViolations, test } from './classroom-fixture';

const SHOTS = process.env.WORDS_SHOTS ?? 'test-results/screenshots/lessons-truth';

const SIZES = [
  { name: '1280x800', width: 1280, height: 800, present: false },
  { name: '1280x800-presenter', width: 1280, height: 800, present: true },
  { name: '1920x1080', width: 1920, height: 1080, present: false },
  { name: '390x844', width: 390, height: 844, present: false },
];

/** Waits until the step's run is on screen (the reveal no longer says it is running). */
async function stepRun(page: Page): Promise<void> {
  await expect(page.getByTestId('play-position')).toContainText(/Final|Slice/, {
    timeout: 60_000,
  });
  await page.waitForFunction(
    () => {
      const el = document.querySelector<HTMLElement>('[data-status]');
      return el?.dataset.status === 'done' && el.dataset.result === el.dataset.config;
    },
    undefined,
    { timeout: 60_000 },
  );
}

/**
 * The part of `chart` a person sees: inside the window and outside the lesson bar (a column on
 * the right when docked, a sheet along the bottom otherwise), as a height and a width in px.
 */
async function uncovered(page: Page, chart: Locator): Promise<{ height: number; width: number }> {
  const view = page.viewportSize()!;
  const c = (await chart.boundingBox())!;
  const b = (await page.getByTestId('lesson-bar').boundingBox())!;
  const docked = b.x > 0 && b.y <= 1;
  const bottom = docked ? view.height : b.y;
  const right = docked ? b.x : view.width;
  return {
    height: Math.min(c.y + c.height, bottom) - Math.max(c.y, 0),
    width: Math.min(c.x + c.width, right) - Math.max(c.x, 0),
  };
}

/** The chart is in view beside the lesson text: its top and most of it (or 300 px) uncovered. */
async function expectBeside(page: Page, region: string): Promise<void> {
  const chart = page.locator(`[data-tour="${region}"]`).first();
  const box = (await chart.boundingBox())!;
  const seen = await uncovered(page, chart);
  // (a chart a little wider than a phone's window is the page's own overflow, not the bar's)
  const view = page.viewportSize()!;
  expect(seen.width, `${region} width`).toBeGreaterThanOrEqual(
    Math.min(box.width, view.width) - 16,
  );
  expect(seen.height, `${region} height`).toBeGreaterThanOrEqual(Math.min(box.height, 300) - 2);
}

/** The button is wholly in the window and nothing covers its centre. */
async function expectReachable(page: Page, button: Locator): Promise<void> {
  const view = page.viewportSize()!;
  const box = (await button.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(view.height);
  expect(box.x + box.width).toBeLessThanOrEqual(view.width);
  const onTop = await button.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return hit === el || el.contains(hit);
  });
  expect(onTop).toBe(true);
}

test.describe('predictions are not given away', () => {
  test('lesson 1 step 1: the copy, the curve, the ledger and the counts are veiled until Lock in, with no jump', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('./#lesson=confidence&step=1');
    await stepRun(page);
    const bar = page.getByTestId('lesson-bar');
    // Nothing that answers "how closely will the student agree?" is readable.
    for (const region of ['scoreboard', 'curve', 'ledger']) {
      const part = page.locator(`[data-tour="${region}"] [data-veiled]`).first();
      await expect(part, region).toBeVisible();
      await expect(part.locator('.veiled-content')).toHaveCSS('visibility', 'hidden');
    }
    await expect(page.getByText("The attacker's copy: shown once you lock in")).toBeVisible();
    await expect(page.getByTestId('play-position')).toHaveText('Final: – queries sent');
    // innerText: what is rendered visibly (veiled parts are visibility: hidden)
    expect(await page.getByTestId('scoreboard').innerText()).not.toContain('agreement');
    // The victim's map and what the attacker sees stay: they are what the step asks about.
    await expect(page.locator('[data-tour="attacker-sees"]')).toContainText(
      'What the attacker sees',
    );
    /** where a part sits on the page (not in the window: the reveal may scroll) */
    const place = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => {
          const r = el.getBoundingClientRect();
          return { top: r.top + window.scrollY, height: r.height };
        });
    const mapsBefore = await place('[data-testid="maps"]');
    const curveBefore = await place('[data-tour="curve"]');
    await page.screenshot({ path: `${SHOTS}/veil-before.png` });
    await bar.getByRole('radio').first().check();
    await bar.getByRole('button', { name: 'Lock in my prediction' }).click();
    await expect(page.locator('[data-veiled]')).toHaveCount(0);
    await expect.poll(() => page.getByTestId('scoreboard').innerText()).toContain('agreement');
    await expect(page.getByTestId('play-position')).toHaveText(/^Final: \d[\d,]* queries sent$/);
    // Revealing moves nothing.
    for (const [selector, before] of [
      ['[data-testid="maps"]', mapsBefore],
      ['[data-tour="curve"]', curveBefore],
    ] as const) {
      const after = await place(selector);
      expect(Math.abs(after.top - before.top), selector).toBeLessThan(1);
      expect(Math.abs(after.height - before.height), selector).toBeLessThan(1);
    }
  });

  test('rate limits step 2: the answered count, the ledger and the cost badge wait for the prediction', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.goto('./#lesson=rate-limits&step=2');
    await stepRun(page);
    await expect(page.getByTestId('play-position')).not.toContainText('10,000');
    await expect(page.locator('[data-tour="ledger"] [data-veiled]')).toBeVisible();
    const panel = page.locator('[data-tour="defender-panel"]');
    await expect(panel).toContainText('after your prediction');
    expect(await panel.innerText()).not.toMatch(/\d% hit the daily limit/);
    const bar = page.getByTestId('lesson-bar');
    await bar.getByRole('radio').first().check();
    await bar.getByRole('button', { name: 'Lock in my prediction' }).click();
    await expect.poll(() => panel.innerText()).toMatch(/\d% hit the daily limit/);
    await expect(page.getByTestId('run-sentence')).toContainText(
      /of honest accounts hit the daily limit in a week/,
    );
  });
});

test.describe('the lesson bar leaves the chart in view', () => {
  for (const size of SIZES) {
    test(`at ${size.name}: the step's chart beside its text, Lock in reachable`, async ({
      page,
    }) => {
      test.setTimeout(180_000);
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.emulateMedia({ reducedMotion: 'reduce' });
      const present = size.present ? '&present=1' : '';
      const bar = page.getByTestId('lesson-bar');
      // Lesson 1 step 3 ("the faint curve"), lesson 4 step 1 (the detection timeline), rate
      // limits step 3 (the curve with run A).
      for (const [lesson, step, first, last] of [
        ['confidence', 3, 'maps', 'curve'],
        ['detection', 1, 'detection', 'detection'],
        ['rate-limits', 3, 'curve', 'ledger'],
      ] as const) {
        await page.goto(`./#lesson=${lesson}&step=${step}${present}`);
        await expect(bar).toHaveAttribute('data-step', String(step), { timeout: 15_000 });
        await stepRun(page);
        await page.waitForTimeout(300); // the bar scrolls the chart in on the next frame
        if (size.width < 1000) {
          // A phone: the bar takes well under half the screen.
          const box = (await bar.boundingBox())!;
          expect(box.height).toBeLessThanOrEqual(size.height * 0.42);
        }
        await expectBeside(page, first);
        const lock = bar.getByRole('button', { name: 'Lock in my prediction' });
        await expectReachable(page, lock);
        await page.screenshot({ path: `${SHOTS}/${lesson}-${step}-${size.name}.png` });
        await bar.getByRole('radio').first().check();
        await lock.click();
        await expect(bar.getByTestId('lesson-reveal')).toContainText('You predicted', {
          timeout: 60_000,
        });
        await page.waitForTimeout(300);
        // The chart the reveal quotes comes into view.
        await expectBeside(page, last);
        await page.screenshot({ path: `${SHOTS}/${lesson}-${step}-${size.name}-revealed.png` });
      }
      if (size.width < 1000) {
        // Folded down to its heading.
        await bar.getByRole('button', { name: 'Fold down' }).click();
        expect((await bar.boundingBox())!.height).toBeLessThanOrEqual(130);
        await bar.getByRole('button', { name: 'Show the step' }).click();
      }
      expect(await seriousAxeViolations(page)).toEqual([]);
    });
  }

  test('lesson 4 step 1 scrolls to the detection timeline it highlights', async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('./#lesson=detection&step=1');
    await stepRun(page);
    await page.waitForTimeout(300);
    const timeline = page.locator('[data-tour="detection"]');
    await expect(timeline).toHaveAttribute('data-highlight', '');
    await expect(timeline).toBeInViewport({ ratio: 0.5 });
  });
});

test.describe('a changed control, and the keyboard', () => {
  test('changing a setting shows the mismatch note with a way back, not "Running…" forever', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.goto('./#lesson=rate-limits&step=3');
    const bar = page.getByTestId('lesson-bar');
    await stepRun(page);
    await bar.getByRole('radio').first().check();
    await bar.getByRole('button', { name: 'Lock in my prediction' }).click();
    const accounts = page.getByRole('spinbutton', { name: 'Accounts, exact value' });
    await accounts.fill('7');
    await accounts.press('Enter');
    const note = bar.getByTestId('lesson-changed');
    await expect(note).toContainText('Accounts');
    await expect(note).toContainText('7 (the step: 50)');
    await stepRun(page);
    const reveal = bar.getByTestId('lesson-reveal');
    await expect(reveal).not.toContainText('Running the lab', { timeout: 30_000 });
    await expect(reveal).toContainText('With your settings');
    await page.screenshot({ path: `${SHOTS}/changed-settings.png` });
    await note.getByRole('button', { name: "Back to this step's settings" }).click();
    await expect(accounts).toHaveValue('50');
    await expect(note).toHaveCount(0);
    await expect(reveal).toContainText('You predicted', { timeout: 60_000 });
  });

  test('after Lock in by keyboard, focus moves to the revealed result', async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto('./#lesson=confidence&step=1');
    await stepRun(page);
    const bar = page.getByTestId('lesson-bar');
    await bar.getByRole('radio').first().focus();
    await page.keyboard.press('Space');
    const lock = bar.getByRole('button', { name: 'Lock in my prediction' });
    await lock.focus();
    await page.keyboard.press('Enter');
    await expect(bar.getByTestId('lesson-reveal')).toBeFocused();
    await expect(bar.getByTestId('lesson-reveal')).toContainText('You predicted');
  });
});

test('lesson 1 inspects a point where probabilities and label-only differ, and says how to move it', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto('./#lesson=confidence&step=1');
  await stepRun(page);
  const sees = page.locator('[data-tour="attacker-sees"]');
  await expect(sees).toContainText('Click a point on either map');
  const values = async () =>
    (await sees.locator('tbody .value').allTextContents()).map((t) => parseFloat(t));
  // [class 0 clean, class 0 served, class 1 clean, class 1 served]
  const [c0 = 0, , c1 = 0] = await values();
  const top = Math.max(c0, c1);
  expect(top).toBeGreaterThan(55);
  expect(top).toBeLessThan(95);
  // Step 2: label only; the same kind of point shows 100% served against an unsure clean answer.
  const bar = page.getByTestId('lesson-bar');
  await bar.getByRole('radio').first().check();
  await bar.getByRole('button', { name: 'Lock in my prediction' }).click();
  await bar.getByRole('button', { name: 'Next step' }).click();
  await expect(bar).toHaveAttribute('data-step', '2');
  await stepRun(page);
  await expect(sees).toContainText('Label only');
  const [d0 = 0, s0 = 0, d1 = 0, s1 = 0] = await values();
  expect(Math.max(s0, s1)).toBe(100);
  expect(Math.max(d0, d1)).toBeLessThan(95);
});

test.describe('the end of a lesson', () => {
  test('a summary, a lesson-completed message to the host page, and resuming where one left off', async ({
    page,
  }) => {
    test.setTimeout(150_000);
    const host = `<!doctype html><html lang="en"><head><title>Course</title></head><body>
      <iframe id="lab" title="Extraction Lab" src="./#lesson=confidence&step=3" width="1280" height="760"></iframe>
      <script>window.messages = []; addEventListener('message', (e) => {
        if (e.data && e.data.type === 'extraction-lab:lesson-completed') window.messages.push(e.data);
      });</script></body></html>`;
    await page.route('**/course.html', (route) =>
      route.fulfill({ body: host, contentType: 'text/html' }),
    );
    await page.setViewportSize({ width: 1300, height: 800 });
    await page.goto('./course.html');
    const frame = page.frameLocator('#lab');
    const bar = frame.getByTestId('lesson-bar');
    await expect(bar).toHaveAttribute('data-step', '3', { timeout: 20_000 });
    await bar.getByRole('radio').first().check();
    await bar.getByRole('button', { name: 'Lock in my prediction' }).click();
    await bar.getByRole('button', { name: 'Next step' }).click();
    await expect(bar).toHaveAttribute('data-step', '4');
    await bar.getByRole('button', { name: 'Finish' }).click();
    const summary = bar.getByTestId('lesson-summary');
    await expect(summary).toContainText('You made 1 of 3 predictions');
    await expect(summary).toContainText('Step 3: A harder task, a smaller budget');
    await page.screenshot({ path: `${SHOTS}/summary.png` });
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { messages: unknown[] }).messages))
      .toEqual([
        {
          type: 'extraction-lab:lesson-completed',
          lesson: 'confidence',
          title: 'Why confidence scores leak',
          steps: 4,
          predictions: { asked: 3, made: 1, right: expect.any(Number) },
        },
      ]);
  });

  test('a lesson reopened without a step resumes where the learner left off; bad stored data is ignored', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.goto('./#lesson=confidence&step=2');
    const bar = page.getByTestId('lesson-bar');
    await expect(bar).toHaveAttribute('data-step', '2', { timeout: 15_000 });
    await bar.getByRole('radio').first().check();
    await bar.getByRole('button', { name: 'Lock in my prediction' }).click();
    await bar.getByRole('button', { name: 'Next step' }).click();
    await expect(bar).toHaveAttribute('data-step', '3');
    await page.goto('about:blank');
    await page.goto('./#lesson=confidence');
    await expect(bar).toHaveAttribute('data-step', '3', { timeout: 15_000 });
    await expect(bar).toContainText('Welcome back: you left off at step 3');
    // Step 2's prediction came back with it.
    await bar.getByRole('button', { name: 'Back' }).click();
    await expect(bar.getByRole('radio', { checked: true })).toHaveCount(1);
    // Garbage in storage: the lesson opens at step 1, no error.
    await page.evaluate(() =>
      localStorage.setItem('extraction-lab:lesson:confidence', '{"step": 99, "predictions": [1'),
    );
    await page.goto('about:blank');
    await page.goto('./#lesson=confidence');
    await expect(bar).toHaveAttribute('data-step', '1', { timeout: 15_000 });
    await page.evaluate(() =>
      localStorage.setItem(
        'extraction-lab:lesson:confidence',
        JSON.stringify({ step: 2, predictions: { 0: 'no-such-choice', 1: 'little' } }),
      ),
    );
    await page.goto('about:blank');
    await page.goto('./#lesson=confidence');
    await expect(bar).toHaveAttribute('data-step', '3', { timeout: 15_000 });
  });
});

test.describe('words', () => {
  test('glossary terms open their explanation by mouse and keyboard, and lead to the glossary', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.goto('./#lesson=detection&step=1');
    await stepRun(page);
    const bar = page.getByTestId('lesson-bar');
    const term = bar.getByRole('button', { name: 'Shapiro-Wilk W' });
    await term.click();
    const pop = page.getByRole('dialog', { name: 'Shapiro-Wilk W' });
    await expect(pop).toBeVisible();
    await expect(pop).toContainText('bell curve');
    await page.keyboard.press('Escape');
    await expect(pop).toBeHidden();
    // Keyboard: focus the term, Enter opens it.
    await bar.getByRole('button', { name: 'delta' }).focus();
    await page.keyboard.press('Enter');
    const delta = page.getByRole('dialog', { name: 'Threshold δ (delta)' });
    await expect(delta).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await delta.getByRole('button', { name: 'Every term in the glossary' }).click();
    const glossary = page.getByRole('dialog', { name: 'Glossary' });
    await expect(glossary).toBeVisible();
    await expect(glossary.locator('#glossary-delta')).toBeInViewport();
    await page.screenshot({ path: `${SHOTS}/glossary.png` });
    await page.keyboard.press('Escape');
    // Every term on screen resolves (a Term with an unknown id renders no button at all).
    const terms = page.locator('button[data-term]');
    expect(await terms.count()).toBeGreaterThan(3);
    // The setting's tooltip carries its glossary entry.
    await page.getByRole('spinbutton', { name: 'Threshold delta, exact value' }).focus();
    await expect(page.locator('[data-glossary="delta"]')).toBeVisible();
  });

  test('the sentence under the scoreboard states what the run shows', async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto('./#v=1&rl=1&rd=20&ac=20');
    await stepRun(page);
    const sentence = page.getByTestId('run-sentence');
    await expect(sentence).toContainText('the copy agrees with the victim on');
    await expect(sentence).toContainText(/\d+\.\d% of honest accounts hit the daily limit/);
    await expect(page.getByTestId('scoreboard')).toContainText('hit the daily limit');
    await expect(page.getByTestId('scoreboard')).not.toContainText('blocked');
  });
});
