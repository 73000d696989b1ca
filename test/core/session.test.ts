// The attack session (src/core/session.ts) that every kind shares, with a fake victim, fake
// defense stages and a fake trainer: the budget, the schedule and bans, fit()'s step count, the
// learning-curve checkpoints, and the attacker's pool.
import { describe, expect, it } from 'vitest';
import { PredictionApi, type ApiStage } from '../../src/core/api';
import type { StudentView } from '../../src/core/attacks/context';
import { defaultConfig, setPath, type Config } from '../../src/core/config';
import { createRng, type Rng } from '../../src/core/rng';
import { AttackSession, MIN_FIT_STEPS, STUDENT_BATCH } from '../../src/core/session';
import { QUERY_STATUS, type Classifier } from '../../src/core/types';

const victim: Classifier = {
  inputDims: 2,
  classes: 2,
  predict(inputs, count, out, offset = 0) {
    for (let r = 0; r < count; r++) {
      const p = inputs[(offset + r) * 2]! >= 0 ? 0.8 : 0.3;
      out[r * 2] = p;
      out[r * 2 + 1] = 1 - p;
    }
  },
};

const student: StudentView = {
  inputDims: 2,
  classes: 2,
  predict: (_inputs, count, out) => out.fill(0.5, 0, count * 2),
  inputGradient: (_inputs, _offset, _c, out) => out.fill(0),
};

function session(entries: Record<string, unknown>, stages: ApiStage[] = []) {
  const config = Object.entries(entries).reduce<Config>(
    (c, [p, v]) => setPath(c, p, v),
    defaultConfig(),
  );
  const trained: { count: number; steps: number }[] = [];
  const api = new PredictionApi(victim, stages);
  const s = new AttackSession({
    config,
    box: { min: [-1, -1], max: [1, 1] },
    dims: 2,
    classes: 2,
    api,
    student,
    train: (_inputs, _targets, count, steps) => trained.push({ count, steps }),
    pool: (count: number, rng: Rng) => Float64Array.from({ length: count * 2 }, () => rng.next()),
    measure: () => ({ fidelity: 0.5, fidelityUniform: 0.5, accuracy: 0.5 }),
    rng: createRng(1),
  });
  return { s, api, trained };
}

const rows = (n: number) => Float64Array.from({ length: n * 2 }, (_, i) => (i % 4) - 1.5);

describe('AttackSession', () => {
  it('cuts each ask to the remaining budget and records every query in the trace', () => {
    const { s } = session({ 'attack.queries': 10 });
    expect(s.ask(rows(6), 6).sent).toBe(6);
    expect(s.remaining()).toBe(4);
    const last = s.ask(rows(6), 6);
    expect(last.sent).toBe(4);
    expect(s.remaining()).toBe(0);
    expect(s.ask(rows(3), 3).sent).toBe(0);
    expect(s.trace.count).toBe(10);
    expect([...s.trace.status]).toEqual(new Array(10).fill(QUERY_STATUS.answered));
    expect(s.answered).toBe(10);
  });

  it('follows the schedule over accounts and days, and skips banned accounts', () => {
    // Every query of account 1 raises an alarm: it is banned after its first query.
    const ban1: ApiStage = { id: 'ban', stage: { observe: (account) => account === 1 } };
    const { s, api } = session({ 'attack.queries': 12, 'attack.accounts': 3, 'attack.days': 2 }, [
      ban1,
    ]);
    s.ask(rows(12), 12);
    // Plan: 2 queries per account-day, day 0 then day 1. Account 1's second query of day 0 goes
    // to account 2 (the next not banned), and so do its queries on day 1.
    expect([...s.trace.account]).toEqual([0, 0, 1, 2, 2, 2, 0, 0, 2, 2, 2, 2]);
    expect([...s.trace.day]).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
    expect(api.bannedCount).toBe(1);
    expect(s.answered).toBe(12);
    expect(s.accountsUsed).toBe(3);
  });

  it('fit() trains max(MIN_FIT_STEPS, ceil(epochs * new answers / batch)) steps, only on news', () => {
    const { s, trained } = session({ 'attack.queries': 1000, 'attack.student.epochs': 25 });
    s.fit();
    expect(trained).toEqual([]); // nothing stolen yet
    s.ask(rows(50), 50); // no checkpoint before 100 queries
    s.fit();
    s.fit();
    // 25 * 50 / 32 = 39.06 -> 40 steps, over the 50 answers; the second fit has nothing new.
    expect(trained).toEqual([{ count: 50, steps: Math.ceil((25 * 50) / STUDENT_BATCH) }]);
    s.ask(rows(10), 10);
    s.fit();
    expect(trained[1]).toEqual({ count: 60, steps: MIN_FIT_STEPS }); // 25 * 10 / 32 < 30
  });

  it('records a curve point after each tenth of the budget, and one at the end if cut short', () => {
    const { s } = session({ 'attack.queries': 25 });
    s.ask(rows(25), 25);
    s.finish();
    expect(s.curve.map((p) => p.queries)).toEqual([3, 5, 8, 10, 13, 15, 18, 20, 23, 25]);
    const short = session({ 'attack.queries': 100 }).s;
    short.ask(rows(15), 15);
    short.finish();
    expect(short.curve.map((p) => p.queries)).toEqual([10, 15]);
  });

  it('draws the pool from its own stream: a pool after some queries differs from the first', () => {
    const { s } = session({ 'attack.queries': 100 });
    const first = [...s.pool(5)];
    s.ask(rows(1), 1);
    expect([...s.pool(5)]).not.toEqual(first);
  });

  // Found by this suite and fixed: pool() once forked the attacker's stream only by the number of
  // queries sent (`pool:${sent}`), so two draws between the same two asks repeated each other.
  it('two pool() calls with no query between them give different points', () => {
    const { s } = session({ 'attack.queries': 100 });
    const first = [...s.pool(5)];
    expect([...s.pool(5)]).not.toEqual(first);
  });
});
