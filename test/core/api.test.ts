// The prediction API's order of defenses (src/core/api.ts): refusals (a ban, then each gate in
// order) before the victim, observers on every answered query (an alarm bans from the next query
// on), answer stages in order, each seeing the previous one's output. First with fake stages whose
// every call is recorded, then with the real registered stages in their declared order.
import { describe, expect, it } from 'vitest';
import { PredictionApi, type ApiStage } from '../../src/core/api';
import { defaultConfig, setPath, type Config } from '../../src/core/config';
import { watermarkDecision } from '../../src/core/defenses/watermark/dawn';
import { noise } from '../../src/core/defenses/output/modes/noise';
import { argmax } from '../../src/core/math/vector';
import type { DefenseStage } from '../../src/core/registry/runtime-types';
import { activeDefenses, attachDefenses } from '../../src/core/registry/runtime';
import { createRng } from '../../src/core/rng';
import { QUERY_STATUS, type Classifier } from '../../src/core/types';

const DIMS = 2;
const CLASSES = 3;

/** The fake victim's clean answer: [0.6, 0.3, 0.1] where x0 >= 0, else [0.1, 0.2, 0.7]. */
function cleanOf(x0: number): number[] {
  return x0 >= 0 ? [0.6, 0.3, 0.1] : [0.1, 0.2, 0.7];
}

/** A 2-D, 3-class victim that counts the rows it was asked to predict. */
function fakeVictim(): Classifier & { rows: number } {
  const victim = {
    inputDims: DIMS,
    classes: CLASSES,
    rows: 0,
    predict(inputs: Float64Array, count: number, out: Float64Array, offset = 0) {
      for (let r = 0; r < count; r++) {
        victim.rows++;
        out.set(cleanOf(inputs[(offset + r) * DIMS]!), r * CLASSES);
      }
    },
  };
  return victim;
}

/** One query point per row: row i is (x0[i], i). */
function points(x0: number[]): Float64Array {
  return Float64Array.from(x0.flatMap((x, i) => [x, i]));
}

const stage = (id: string, s: DefenseStage): ApiStage => ({ id, stage: s });

describe('PredictionApi with fake stages', () => {
  it('answers with the clean probabilities when no stage is attached, and logs them', () => {
    const victim = fakeVictim();
    const api = new PredictionApi(victim, []);
    const inputs = points([0.5, -0.5]);
    const served = new Float64Array(2 * CLASSES);
    expect(api.query(3, 2, inputs, 0, served, 0)).toBe(QUERY_STATUS.answered);
    expect(api.query(3, 2, inputs, 1, served, 1)).toBe(QUERY_STATUS.answered);
    expect([...served]).toEqual([0.6, 0.3, 0.1, 0.1, 0.2, 0.7]);
    expect(api.log.count).toBe(2);
    expect([...api.log.served.subarray(0, 6)]).toEqual([...served]);
    expect([...api.log.clean.subarray(0, 6)]).toEqual([...served]);
    expect([...api.log.inputs.subarray(0, 4)]).toEqual([0.5, 0, -0.5, 1]);
    expect([api.log.account[1], api.log.day[1], api.log.status[1]]).toEqual([3, 2, 0]);
    expect(victim.rows).toBe(2);
  });

  it('a refusing gate stops the query before the victim, later gates and every other stage', () => {
    const victim = fakeVictim();
    const calls: string[] = [];
    // Gate 1 refuses account 7; gate 2 refuses day 9; both record what they see.
    const stages = [
      stage('first', {
        gate: (account, day) => {
          calls.push(`gate1 ${account}/${day}`);
          return account === 7 ? QUERY_STATUS.rateLimited : null;
        },
      }),
      stage('second', {
        gate: (account, day) => {
          calls.push(`gate2 ${account}/${day}`);
          return day === 9 ? QUERY_STATUS.rateLimited : null;
        },
      }),
      stage('watch', {
        observe: (account) => {
          calls.push(`observe ${account}`);
          return false;
        },
      }),
      stage('answer', {
        answer: () => {
          calls.push('answer');
        },
      }),
    ];
    const api = new PredictionApi(victim, stages);
    const inputs = points([0.5]);
    const served = new Float64Array(CLASSES).fill(-1);

    expect(api.query(7, 0, inputs, 0, served, 0)).toBe(QUERY_STATUS.rateLimited);
    expect(calls).toEqual(['gate1 7/0']); // gate 2, the observer and the answer never ran
    expect(victim.rows).toBe(0);
    expect([...served]).toEqual([-1, -1, -1]); // the caller's buffer is untouched

    calls.length = 0;
    expect(api.query(1, 9, inputs, 0, served, 0)).toBe(QUERY_STATUS.rateLimited);
    expect(calls).toEqual(['gate1 1/9', 'gate2 1/9']);
    expect(victim.rows).toBe(0);

    calls.length = 0;
    expect(api.query(1, 0, inputs, 0, served, 0)).toBe(QUERY_STATUS.answered);
    expect(calls).toEqual(['gate1 1/0', 'gate2 1/0', 'observe 1', 'answer']);
    expect(victim.rows).toBe(1);

    // Refused queries are logged with their status, account, day and input; answers zero.
    expect(api.log.count).toBe(3);
    expect([...api.log.status.subarray(0, 3)]).toEqual([
      QUERY_STATUS.rateLimited,
      QUERY_STATUS.rateLimited,
      QUERY_STATUS.answered,
    ]);
    expect([...api.log.account.subarray(0, 3)]).toEqual([7, 1, 1]);
    expect([...api.log.day.subarray(0, 3)]).toEqual([0, 9, 0]);
    expect([...api.log.inputs.subarray(0, 2)]).toEqual([0.5, 0]);
    expect([...api.log.served.subarray(0, 2 * CLASSES)]).toEqual([0, 0, 0, 0, 0, 0]);
    expect(api.bannedCount).toBe(0);
  });

  it('an observer alarm answers the alarming query and bans the account from the next one on', () => {
    const victim = fakeVictim();
    let gateCalls = 0;
    const seen: string[] = [];
    // Bans account 1 on its second answered query.
    const answeredOf = new Map<number, number>();
    const stages = [
      stage('gate', {
        gate: () => {
          gateCalls++;
          return null;
        },
      }),
      stage('detector', {
        observe: (account, inputs, offset, cleanLabel) => {
          seen.push(`${account}:${inputs[offset]},${inputs[offset + 1]}:${cleanLabel}`);
          const n = (answeredOf.get(account) ?? 0) + 1;
          answeredOf.set(account, n);
          return account === 1 && n === 2;
        },
      }),
    ];
    const api = new PredictionApi(victim, stages);
    const inputs = points([0.5, -0.5, 0.25, 0.75, 0.1]);
    const served = new Float64Array(5 * CLASSES);
    const statuses = [
      api.query(1, 0, inputs, 0, served, 0), // entry 0
      api.query(2, 0, inputs, 1, served, 1), // entry 1
      api.query(1, 0, inputs, 2, served, 2), // entry 2: alarm, still answered
      api.query(1, 1, inputs, 3, served, 3), // entry 3: banned (another day changes nothing)
      api.query(2, 1, inputs, 4, served, 4), // entry 4: the other account is still served
    ];
    expect(statuses).toEqual([
      QUERY_STATUS.answered,
      QUERY_STATUS.answered,
      QUERY_STATUS.answered,
      QUERY_STATUS.banned,
      QUERY_STATUS.answered,
    ]);
    // The observer saw each answered query's own row (offset = row * dims) and its clean top-1.
    expect(seen).toEqual(['1:0.5,0:0', '2:-0.5,1:2', '1:0.25,2:0', '2:0.1,4:0']);
    expect(api.isBanned(1)).toBe(true);
    expect(api.isBanned(2)).toBe(false);
    expect(api.bannedCount).toBe(1);
    expect(api.alarms).toEqual([2]); // the log index of the alarming query
    expect(victim.rows).toBe(4); // the banned query never reached the victim
    expect(gateCalls).toBe(4); // nor the gates: a ban is checked first
    expect([...served.subarray(3 * CLASSES, 4 * CLASSES)]).toEqual([0, 0, 0]);
    expect([...api.log.status.subarray(0, 5)]).toEqual(statuses);
  });

  it('several observers alarming on one query ban the account once and record one alarm', () => {
    const always = stage('a', { observe: () => true });
    const api = new PredictionApi(fakeVictim(), [always, stage('b', { observe: () => true })]);
    const inputs = points([0.5, 0.5]);
    const served = new Float64Array(2 * CLASSES);
    expect(api.query(4, 0, inputs, 0, served, 0)).toBe(QUERY_STATUS.answered);
    expect(api.query(4, 0, inputs, 1, served, 1)).toBe(QUERY_STATUS.banned);
    expect(api.alarms).toEqual([0]);
    expect(api.bannedCount).toBe(1);
  });

  it('answer stages run in the given order, each on the previous output; stageLabels follow', () => {
    const victim = fakeVictim();
    const seenBySecond: number[][] = [];
    const firstArgs: unknown[] = [];
    const stages = [
      // Swaps classes 0 and 2 and notes it in the log (as the watermark does).
      stage('swap', {
        answer: (probs, inputs, offset, cleanLabel, log, entry, scratch) => {
          firstArgs.push([inputs[offset], cleanLabel, entry, scratch.length]);
          const p0 = probs[0]!;
          probs[0] = probs[2]!;
          probs[2] = p0;
          log.planted[entry] = 2;
        },
      }),
      // Records what it sees, then halves class 2 and renormalises.
      stage('halve', {
        answer: (probs) => {
          seenBySecond.push([...probs]);
          probs[2] = probs[2]! / 2;
          const sum = probs[0]! + probs[1]! + probs[2]!;
          for (let c = 0; c < CLASSES; c++) probs[c] = probs[c]! / sum;
        },
      }),
    ];
    const api = new PredictionApi(victim, stages);
    const inputs = points([-1, 0.5]);
    const served = new Float64Array(3 * CLASSES).fill(9);
    const labels = new Uint8Array(2).fill(255);
    // Row 1 of the inputs, written at row 2 of the served buffer.
    expect(api.query(0, 0, inputs, 1, served, 2, labels)).toBe(QUERY_STATUS.answered);
    // Clean [0.6, 0.3, 0.1] -> swap [0.1, 0.3, 0.6] -> halve [0.1, 0.3, 0.3] / 0.7.
    expect(seenBySecond).toEqual([[0.1, 0.3, 0.6]]);
    const expected = [0.1 / 0.7, 0.3 / 0.7, 0.3 / 0.7];
    expected.forEach((v, c) => expect(served[2 * CLASSES + c]).toBeCloseTo(v, 15));
    expect([...served.subarray(0, 2 * CLASSES)]).toEqual(Array(6).fill(9)); // other rows untouched
    // After the swap the top-1 is class 2; after halving, 0.3/0.7 ties and argmax takes class 1.
    expect([...labels]).toEqual([2, 1]);
    // The first stage saw the queried row, the clean top-1, the log entry and a scratch buffer.
    expect(firstArgs).toEqual([[0.5, 0, 0, CLASSES]]);
    // The log keeps the clean answer and the served one separately, and the stage's note.
    expect([...api.log.clean.subarray(0, CLASSES)]).toEqual([0.6, 0.3, 0.1]);
    expect([...api.log.served.subarray(0, CLASSES)]).toEqual([
      ...served.subarray(2 * CLASSES, 3 * CLASSES),
    ]);
    expect(api.log.planted[0]).toBe(2);
  });

  it('the API runs stages in the order it is given, not by id; a stage may have several hooks', () => {
    const calls: string[] = [];
    const both = (id: string): ApiStage =>
      stage(id, {
        gate: () => {
          calls.push(`gate ${id}`);
          return null;
        },
        answer: () => {
          calls.push(`answer ${id}`);
        },
      });
    const api = new PredictionApi(fakeVictim(), [both('z'), both('a')]);
    api.query(0, 0, points([0.5]), 0, new Float64Array(CLASSES), 0);
    expect(calls).toEqual(['gate z', 'gate a', 'answer z', 'answer a']);
  });
});

/** The default config with some fields changed. */
function configWith(entries: Record<string, unknown>): Config {
  return Object.entries(entries).reduce((c, [p, v]) => setPath(c, p, v), defaultConfig());
}

describe('PredictionApi.admit (the gate alone, for kinds that answer themselves)', () => {
  it('refuses as query() would, counts admitted requests at the gates, never asks the victim', () => {
    const victim = fakeVictim();
    const config = setPath(
      setPath(defaultConfig(), 'defense.rateLimit.on', true),
      'defense.rateLimit.perDay',
      2,
    );
    const api = new PredictionApi(
      victim,
      attachDefenses(config, { dims: DIMS, classes: CLASSES, watermarkKey: 1, rng: createRng(1) }),
    );
    const statuses = [0, 0, 0, 1, 1, 0].map((account, i) => api.admit(account, i < 5 ? 0 : 1));
    expect(statuses).toEqual([
      QUERY_STATUS.answered,
      QUERY_STATUS.answered,
      QUERY_STATUS.rateLimited, // account 0's third request on day 0
      QUERY_STATUS.answered,
      QUERY_STATUS.answered,
      QUERY_STATUS.answered, // day 1: a new day's quota
    ]);
    expect(victim.rows).toBe(0);
    expect(api.log.count).toBe(0);
    // query() shares the counts: account 1 has used its two answers of day 0
    const served = new Float64Array(CLASSES);
    expect(api.query(1, 0, new Float64Array([1, 0]), 0, served, 0)).toBe(QUERY_STATUS.rateLimited);
  });
});

describe('PredictionApi with the registered stages', () => {
  const ALL_ON = {
    'defense.rateLimit.on': true,
    'defense.detection.on': true,
    'defense.watermark.on': true,
    'defense.output.mode': 'noise',
  };

  it('attaches the defenses in the declared order: rate limit, detection, watermark, output', () => {
    const config = configWith(ALL_ON);
    expect(activeDefenses(config).map((d) => d.id)).toEqual([
      'rateLimit',
      'detection',
      'watermark',
      'output',
    ]);
    const orders = activeDefenses(config).map((d) => d.meta.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    const stages = attachDefenses(config, {
      dims: DIMS,
      classes: CLASSES,
      watermarkKey: 1,
      rng: createRng(1),
    });
    expect(stages.map((s) => s.id)).toEqual(['rateLimit', 'detection', 'watermark', 'output']);
    // Defenses that are off are not attached.
    expect(
      attachDefenses(defaultConfig(), { dims: 2, classes: 3, watermarkKey: 1, rng: createRng(1) }),
    ).toEqual([]);
  });

  it('the rate limit refuses before the victim; detection bans; both in one API', () => {
    // perDay 3; PRADA with minQueries 3 and delta 1: an account repeating one point has every
    // distance 0, so W = 0 < delta once it has 3 distances, i.e. on its 4th answered query.
    const config = configWith({
      'defense.rateLimit.on': true,
      'defense.rateLimit.perDay': 3,
      'defense.detection.on': true,
      'defense.detection.minQueries': 3,
      'defense.detection.delta': 1,
    });
    const victim = fakeVictim();
    const api = new PredictionApi(
      victim,
      attachDefenses(config, { dims: DIMS, classes: CLASSES, watermarkKey: 1, rng: createRng(1) }),
    );
    const same = Float64Array.from([0.5, 0.5]);
    const served = new Float64Array(CLASSES);
    const ask = (account: number, day: number) => api.query(account, day, same, 0, served, 0);
    const { answered, rateLimited, banned } = QUERY_STATUS;

    // Day 0: three answers, then the limit refuses without asking the victim.
    expect([ask(0, 0), ask(0, 0), ask(0, 0)]).toEqual([answered, answered, answered]);
    expect(victim.rows).toBe(3);
    expect(ask(0, 0)).toBe(rateLimited);
    expect(victim.rows).toBe(3);
    expect(api.bannedCount).toBe(0); // refused queries are not observed
    // Day 1: the 4th answered query raises the alarm (still answered), the next is banned,
    // whatever the day: a ban precedes the rate limit.
    expect(ask(0, 1)).toBe(answered);
    expect(api.alarms).toEqual([4]);
    expect(ask(0, 1)).toBe(banned);
    expect(ask(0, 2)).toBe(banned);
    expect(victim.rows).toBe(4);
    // Another account has its own limit and its own record.
    expect(ask(1, 0)).toBe(answered);
    expect([...api.log.status.subarray(0, api.log.count)]).toEqual([
      answered,
      answered,
      answered,
      rateLimited,
      answered,
      banned,
      banned,
      answered,
    ]);
  });

  it('the watermark acts on the answer before output perturbation (noise on the watermarked answer)', () => {
    const config = configWith({
      'defense.watermark.on': true,
      'defense.watermark.rate': 0.5,
      'defense.output.mode': 'noise',
      'defense.output.sigma': 0.05,
    });
    const key = 12345;
    const victim = fakeVictim();
    const api = new PredictionApi(
      victim,
      attachDefenses(config, {
        dims: DIMS,
        classes: CLASSES,
        watermarkKey: key,
        rng: createRng(9),
      }),
    );
    const rows = 40;
    const rowRng = createRng(3);
    const inputs = Float64Array.from({ length: rows * DIMS }, () => rowRng.uniform(-1, 1));
    const served = new Float64Array(rows * CLASSES);
    const labels = new Uint8Array(rows * 2);
    for (let i = 0; i < rows; i++) {
      expect(api.query(0, 0, inputs, i, served, i, labels.subarray(2 * i, 2 * i + 2))).toBe(
        QUERY_STATUS.answered,
      );
    }

    // The same pipeline by hand, in both orders, with the noise stream replayed.
    const inOrder = createRng(9);
    const reversed = createRng(9);
    let planted = 0;
    let orderMatters = false;
    for (let i = 0; i < rows; i++) {
      const clean = Float64Array.from(cleanOf(inputs[i * DIMS]!));
      const top = argmax(clean);
      const wrong = watermarkDecision(key, inputs, i * DIMS, DIMS, 0.5, CLASSES, top);
      const swap = (p: Float64Array) => {
        if (wrong < 0) return p;
        const q = Float64Array.from(p);
        const t = argmax(q);
        [q[t], q[wrong]] = [q[wrong]!, q[t]!];
        return q;
      };
      // Watermark, then noise (the declared order).
      const expected = new Float64Array(CLASSES);
      noise.perturb(swap(clean), config.defense.output, inOrder, expected);
      expect([...served.subarray(i * CLASSES, (i + 1) * CLASSES)]).toEqual([...expected]);
      // The watermark stage's label is the planted one; the log notes it.
      expect(api.log.planted[i]).toBe(wrong);
      if (wrong >= 0) {
        planted++;
        expect(labels[2 * i]).toBe(wrong);
      } else expect(labels[2 * i]).toBe(top);
      expect(labels[2 * i + 1]).toBe(argmax(expected));
      // Noise, then watermark (the wrong order) would serve something else on some query.
      const other = new Float64Array(CLASSES);
      noise.perturb(clean, config.defense.output, reversed, other);
      const otherServed = swap(other);
      if (otherServed.some((v, c) => v !== expected[c])) orderMatters = true;
    }
    expect(planted).toBeGreaterThan(5); // rate 0.5 of 40 queries: the watermark did act
    expect(planted).toBeLessThan(35);
    expect(orderMatters).toBe(true); // so the check above can tell the orders apart
  });
});
