// The rate-limit lesson's step "How many accounts beat each limit?" reads the limits-against-
// accounts grid (src/core/limitGrid.ts, drawn by src/components/panels/LimitsPanel.svelte). Its
// run's claims are checked with the other lessons (lessons.test.ts); this checks what the step
// and its reveal say about the grid itself, at the step's own settings.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accountsToBeat } from '../../src/charts/limits';
import { stepConfig } from '../../src/classroom/lessonRun';
import { validateLesson } from '../../src/classroom/lessonSchema';
import { cellConfig, createLimitGrid, GRID_ACCOUNTS } from '../../src/core/limitGrid';
import { simulate } from '../../src/core/simulate';

const parsed = validateLesson(JSON.parse(readFileSync('public/lessons/rate-limits.json', 'utf8')));
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const lesson = parsed.value;
const index = lesson.steps.findIndex((s) => s.highlight?.includes('limits'));

describe('rate-limits lesson: the limits-against-accounts step', () => {
  it('has the step, asks about 200/day and answers "a handful"', () => {
    expect(index).toBeGreaterThan(0);
    const step = lesson.steps[index]!;
    expect(step.prediction?.answer).toBe('few');
    expect(stepConfig(lesson, index).defense.rateLimit.perDay).toBe(200);
  });

  it(
    'its claims hold in the grid: a handful of accounts beat 200/day, tighter limits need more ' +
      'accounts yet are still beaten, and they catch nearly every honest account',
    { timeout: 240_000 },
    () => {
      const config = stepConfig(lesson, index);
      // the two columns the step talks about (the page computes all seven)
      const grid = createLimitGrid(config, { limits: [20, 200], accounts: GRID_ACCOUNTS });
      while (grid.step());
      const result = grid.result();
      const at200 = accountsToBeat(result, 200);
      const at20 = accountsToBeat(result, 20);
      // "A handful (10 or fewer)"
      expect(at200?.accounts).toBeLessThanOrEqual(10);
      // "a tighter limit needs more accounts, but a few dozen still beat even ... 20 a day"
      expect(at20).not.toBeNull();
      expect(at20!.accounts).toBeGreaterThan(at200!.accounts);
      expect(at20!.accounts).toBeLessThanOrEqual(50);
      // "the strip shows nearly every honest account hitting those limits"
      expect(result.honestLimited[0]).toBeGreaterThanOrEqual(0.9);
      expect(result.honestLimited[1]).toBeLessThan(0.25);
      // the step's own run is the grid's cell (5 accounts at 200/day): same numbers
      const cell = result.cells[GRID_ACCOUNTS.indexOf(config.attack.accounts) * 2 + 1];
      expect(cell?.accounts).toBe(5);
      expect(cell!.fidelity).toBeGreaterThan(0.97);
    },
  );

  it('the honest share depends on the limit alone, not on the attacker (one value per column)', () => {
    const config = {
      ...stepConfig(lesson, index),
      attack: { ...stepConfig(lesson, index).attack },
    };
    config.attack.queries = 200;
    const one = simulate(cellConfig(config, 50, 1), { lean: true });
    const many = simulate(cellConfig(config, 50, 20), { lean: true });
    expect(one.attacker.queriesAnswered).toBeLessThan(many.attacker.queriesAnswered);
    expect(one.defenseCost.benignBlocked).toBe(many.defenseCost.benignBlocked);
    expect(one.defenseCost.benignBlocked).toBeGreaterThan(0.5);
  });
});
