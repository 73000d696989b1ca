// What every registered attack owes the AttackContext (src/core/attacks/context.ts), checked on a
// fake context: it spends its budget (all of it when nothing is refused), never asks beyond
// remaining(), trains on its last answers, and draws only from its seeded streams.
import { describe, expect, it } from 'vitest';
import { ATTACKS } from '../../../src/core/attacks/index';
import { FakeContext, type FakeContextOptions } from './fakeContext';

const BUDGETS = [1, 2, 7, 64, 250];

const REFUSALS: Record<string, FakeContextOptions['refuse']> = {
  'nothing refused': undefined,
  'every third refused': (index) => index % 3 === 1,
  'everything refused': () => true,
};

// the AttackContext strategies (the chat kind's are prompt generators: test/core/scenarios/chat)
describe.each(ATTACKS.filter((a) => !a.kinds.includes('chat')).map((a) => [a.id, a] as const))(
  'attack %s',
  (id, attack) => {
    // A credit-only attack gets a context of its kind (2 classes: refuse, approve); it may stop
    // before its budget once the model is determined (d + 1 answers for a logistic model).
    const creditOnly = attack.kinds.every((k) => k === 'credit');
    const kindOptions = creditOnly ? { classes: 2, set: { 'scenario.kind': 'credit' } } : {};
    for (const [refusal, refuse] of Object.entries(REFUSALS)) {
      it(`spends at most its budget, never asks beyond remaining(), and fits last (${refusal})`, () => {
        for (const budget of BUDGETS) {
          const ctx = new FakeContext({ budget, refuse, ...kindOptions });
          attack.run(ctx);
          const where = `${id}, budget ${budget}, ${refusal}`;
          expect(ctx.sent, `queries sent by ${where}`).toBeLessThanOrEqual(budget);
          if (!refuse && !creditOnly) expect(ctx.sent, `queries sent by ${where}`).toBe(budget);
          for (const [k, call] of ctx.asks.entries()) {
            expect(call.requested, `ask #${k} of ${where}`).toBeLessThanOrEqual(
              call.remainingBefore,
            );
            expect(call.requested, `ask #${k} of ${where}`).toBeGreaterThan(0);
          }
          // fit() is called, and after the last ask: the last answers are trained on.
          expect(ctx.events.lastIndexOf('fit'), `fit after the last ask, ${where}`).toBeGreaterThan(
            ctx.events.lastIndexOf('ask'),
          );
          for (const x of ctx.sentRows) expect(x.every(Number.isFinite), where).toBe(true);
        }
      });
    }

    it('is deterministic: the same seeds give the same queries, other seeds other ones', () => {
      const run = (seed: number) => {
        const ctx = new FakeContext({
          budget: 50,
          seed,
          refuse: REFUSALS['every third refused'],
          ...kindOptions,
        });
        attack.run(ctx);
        return ctx.sentRows;
      };
      expect(run(3)).toEqual(run(3));
      expect(run(4)).not.toEqual(run(3));
    });
  },
);
