// The chat model's WebAssembly kernels (assembly/lm.ts via chat/lmKernels.ts) against the
// TypeScript oracle (lm.ts, train.ts, generate.ts): the stated tolerance is zero. The kernels keep
// every sum in the oracle's order and use the ported portable exp, log and tanh, so the trained
// weights, Adam's moments, the reported loss, the logits and the decoded tokens are equal bit for bit.
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadNodeKernels } from '../../../../src/cli/kernels';
import { installMlpKernels, type MlpKernelExports } from '../../../../src/core/models/kernels';
import { Adam, createOptimizer } from '../../../../src/core/models/optimizer';
import { exp } from '../../../../src/core/math/portable';
import { createRng } from '../../../../src/core/rng';
import { capability, statedResults } from '../../../../src/core/scenarios/chat/evaluate';
import { decode, greedyDecodeMany } from '../../../../src/core/scenarios/chat/generate';
import { WindowLm, type WindowLmSpec } from '../../../../src/core/scenarios/chat/lm';
import { LogitsSession } from '../../../../src/core/scenarios/chat/lmKernels';
import { addLogitNoise } from '../../../../src/core/scenarios/chat/logitNoise';
import { heldOutProblems } from '../../../../src/core/scenarios/chat/task';
import { teacherFromBytes } from '../../../../src/core/scenarios/chat/teacher';
import { trainWindowLm, type LmExamples } from '../../../../src/core/scenarios/chat/train';
import { TOKEN } from '../../../../src/core/scenarios/chat/vocab';
import { shippedTeacher, shippedTeacherBytes } from './helpers';

const loaded = loadNodeKernels();
if (loaded === null) throw new Error('the kernels did not build (scripts/build-wasm.mjs)');
const kernels: MlpKernelExports = loaded;
// test/setup-kernels.ts installs the kernels for every test; these tests choose per call
afterEach(() => installMlpKernels(null));
afterAll(() => installMlpKernels(loadNodeKernels()));

interface Job {
  spec: WindowLmSpec;
  count: number;
  batchSize: number;
  steps: number;
  soft: boolean;
  /** multiplies the initial weights: large values saturate tanh and push logits far apart */
  scale: number;
  seed: number;
}

/** Random examples for `spec`: windows, tokens and (soft) distributions with zeros among them. */
function randomExamples(job: Job): LmExamples {
  const { vocab: V, window: W } = job.spec;
  const rng = createRng(job.seed).fork('data');
  const contexts = Int32Array.from({ length: job.count * W }, () => rng.int(V));
  const tokens = Int32Array.from({ length: job.count }, () => rng.int(V));
  let distributions: Float64Array | null = null;
  if (job.soft) {
    distributions = new Float64Array(job.count * V);
    for (let i = 0; i < job.count; i++) {
      let total = 0;
      for (let v = 0; v < V; v++) {
        const t = rng.next() < 0.3 ? 0 : rng.next();
        distributions[i * V + v] = t;
        total += t;
      }
      if (total === 0) distributions[i * V + tokens[i]!] = total = 1;
      for (let v = 0; v < V; v++) distributions[i * V + v]! /= total;
    }
  }
  return { contexts, tokens, distributions, count: job.count, window: W, vocab: V };
}

/** Trains a fresh model twice (the second call continues the first's Adam), kernels on or off. */
function train(job: Job, withKernels: boolean) {
  installMlpKernels(withKernels ? kernels : null);
  const rng = createRng(job.seed);
  const model = WindowLm.create(job.spec, rng.fork('init'));
  for (let i = 0; i < model.params.length; i++) model.params[i]! *= job.scale;
  const examples = randomExamples(job);
  const optimizer = createOptimizer('adam', model.params.length, 0.02) as Adam;
  const options = { steps: job.steps, batchSize: job.batchSize, learningRate: 0.02, optimizer };
  const order = rng.fork('order');
  const losses = [
    trainWindowLm(model, examples, { ...options, rng: order }),
    trainWindowLm(model, examples, { ...options, rng: order }),
  ];
  return {
    losses,
    params: Array.from(model.params),
    moments: [...optimizer.m, ...optimizer.v],
    steps: optimizer.steps,
  };
}

const jobs = fc.record({
  spec: fc.record({
    vocab: fc.integer({ min: 2, max: 23 }),
    window: fc.integer({ min: 1, max: 7 }),
    hidden: fc.integer({ min: 1, max: 21 }),
    activation: fc.constantFrom('tanh' as const, 'relu' as const),
  }),
  count: fc.integer({ min: 1, max: 60 }),
  batchSize: fc.integer({ min: 1, max: 37 }),
  steps: fc.integer({ min: 1, max: 12 }),
  soft: fc.boolean(),
  scale: fc.constantFrom(1, 30, 1e4),
  seed: fc.integer({ min: 0, max: 1e6 }),
});

describe('chat model kernels against the TypeScript path', () => {
  it('train random shapes (odd and even), batches, hard and soft targets to the same bits', () => {
    fc.assert(
      fc.property(jobs, (job) => {
        const oracle = train(job, false);
        const kernel = train(job, true);
        expect(kernel.params).toEqual(oracle.params);
        expect(kernel.moments).toEqual(oracle.moments);
        expect(kernel.steps).toBe(oracle.steps);
        expect(kernel.losses).toEqual(oracle.losses);
      }),
      { numRuns: 150 },
    );
  });

  it('trains the default student shape for 200 steps to the same bits, and the weights move', () => {
    const job: Job = {
      spec: { vocab: 56, window: 6, hidden: 48, activation: 'relu' },
      count: 500,
      batchSize: 32,
      steps: 100,
      soft: false,
      scale: 1,
      seed: 3,
    };
    const oracle = train(job, false);
    expect(train(job, true)).toEqual(oracle);
    const fresh = WindowLm.create(job.spec, createRng(3).fork('init'));
    expect(oracle.params).not.toEqual(Array.from(fresh.params));
  });

  it('gives the logits of random windows (1 to 300 rows, and one by one) to the same bits', () => {
    fc.assert(
      fc.property(jobs, fc.integer({ min: 1, max: 300 }), (job, rows) => {
        const rng = createRng(job.seed);
        const model = WindowLm.create(job.spec, rng.fork('init'));
        for (let i = 0; i < model.params.length; i++) model.params[i]! *= job.scale;
        const { vocab: V, window: W } = job.spec;
        const windows = Int32Array.from({ length: rows * W }, () => rng.int(V));
        const session = new LogitsSession(kernels, model, 128);
        const out = new Float64Array(rows * V);
        for (let first = 0; first < rows; first += 128) {
          const n = Math.min(128, rows - first);
          const block = new Float64Array(n * V);
          session.logits(windows.subarray(first * W), n, block);
          out.set(block, first * V);
        }
        const expected = new Float64Array(rows * V);
        for (let r = 0; r < rows; r++) {
          model.forwardLogits(windows, r * W);
          expected.set(model.logits, r * V);
        }
        expect(Array.from(out)).toEqual(Array.from(expected));
        // one window per call (the output layer's lanes on tokens, lmForwardOne)
        const one = new Float64Array(V);
        for (let r = 0; r < Math.min(rows, 5); r++) {
          session.logits(windows.subarray(r * W), 1, one);
          expect(Array.from(one)).toEqual(Array.from(expected.subarray(r * V, r * V + V)));
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("the softmax's two-lane exp", () => {
  it('equals the portable exp bit for bit, at the branch edges and on random arguments', () => {
    const rng = createRng(5);
    const edges = [
      0,
      -0,
      -1e-300,
      -3.725290298461914e-9,
      -3.7e-9,
      -0.34657359027997264,
      -0.3465735902799727,
      -1.0397207708399179,
      -1.03972077083992,
      -1,
      -2,
      -700,
      -707.9,
      -708,
      -708.1,
      -720,
      -744.4,
      -745.1332191019411,
      -745.2,
      -1000,
      -Infinity,
      Number.NaN,
      0.5,
      3,
    ];
    const values = [
      ...edges,
      ...Array.from({ length: 2000 }, () => -rng.next() * 800),
      ...Array.from({ length: 2000 }, () => -rng.next() * 2),
    ];
    if (values.length % 2) values.push(-1.5);
    const at = (kernels.heapBase() + 15) & ~15;
    const bytes = at + 8 * values.length;
    if (bytes > kernels.memory.buffer.byteLength) {
      kernels.memory.grow(Math.ceil((bytes - kernels.memory.buffer.byteLength) / 65536));
    }
    const view = new Float64Array(kernels.memory.buffer, at, values.length);
    view.set(values);
    kernels.lmExpInPlace(at, values.length);
    const got = Array.from(new Float64Array(kernels.memory.buffer, at, values.length));
    expect(got).toEqual(values.map((x) => exp(x)));
  });
});

describe('batched greedy decoding', () => {
  const { model: teacher } = shippedTeacher(4);
  const problems = heldOutProblems(4, 150, createRng(11));
  const prompts = problems.map((p) => [TOKEN.bos, ...p, TOKEN.equals]);

  it('decodes every prompt as decode does, with and without kernels', () => {
    const one = prompts.map((p) => decode(teacher, p, { maxTokens: 12, temperature: 0 }));
    for (const on of [false, true]) {
      installMlpKernels(on ? kernels : null);
      expect(greedyDecodeMany(teacher, prompts, 12)).toEqual(one);
    }
  });

  it('samples as decode does without kernels: the same tokens and distributions, any temperature', () => {
    const noisy = (logits: Float64Array, window: Int32Array) =>
      addLogitNoise(logits, window, 0.5, 9);
    for (const temperature of [0.3, 1, 2.5]) {
      for (const adjustLogits of [undefined, noisy]) {
        const run = (on: boolean) => {
          installMlpKernels(on ? kernels : null);
          const rng = createRng(21);
          const seen: number[] = [];
          const tokens = prompts
            .slice(0, 60)
            .map((p) =>
              decode(
                teacher,
                p,
                { maxTokens: 12, temperature, rng, ...(adjustLogits ? { adjustLogits } : {}) },
                (distribution) => seen.push(...distribution!),
              ),
            );
          return { tokens, seen };
        };
        const oracle = run(false);
        expect(run(true)).toEqual(oracle);
        expect(oracle.seen.length).toBeGreaterThan(60 * 6 * 56);
      }
    }
  });

  it('stops an answer where `enough` says, leaving a prefix of the whole answer', () => {
    installMlpKernels(kernels);
    const whole = greedyDecodeMany(teacher, prompts, 12);
    const short = greedyDecodeMany(teacher, prompts, 12, (answer) => answer.length >= 3);
    short.forEach((answer, i) => {
      expect(answer).toEqual(whole[i]!.slice(0, 3));
    });
  });

  it('states the same results as decoding each whole answer: the teacher is right on all', () => {
    installMlpKernels(kernels);
    const withKernels = statedResults(teacher, problems, false);
    installMlpKernels(null);
    expect(statedResults(teacher, problems, false)).toEqual(withKernels);
    expect(capability(problems, withKernels)).toBe(1);
  });
});

describe('the frozen teacher', () => {
  it('keeps its weights in the module until another call lays the memory out, then copies them again', () => {
    installMlpKernels(kernels);
    const { model: teacher } = shippedTeacher(4);
    const prompt = [TOKEN.bos, 4, 3, 2, 1, TOKEN.equals];
    const sample = () =>
      decode(teacher, prompt, { maxTokens: 12, temperature: 1, rng: createRng(8) });
    const first = sample();
    // training lays its own buffers out over the teacher's copy
    const job: Job = {
      spec: { vocab: 56, window: 6, hidden: 40, activation: 'relu' },
      count: 300,
      batchSize: 32,
      steps: 2,
      soft: false,
      scale: 1,
      seed: 1,
    };
    trainWindowLm(WindowLm.create(job.spec, createRng(1)), randomExamples(job), {
      steps: 2,
      batchSize: 32,
      learningRate: 0.02,
      rng: createRng(2),
    });
    expect(sample()).toEqual(first);
    installMlpKernels(null);
    expect(sample()).toEqual(first);
  });

  it('is named by its file: the same bytes share results, other bytes do not', () => {
    const k4 = shippedTeacherBytes(4);
    const a = teacherFromBytes(k4.slice().buffer).model;
    const b = teacherFromBytes(k4.slice().buffer).model;
    const c = teacherFromBytes(shippedTeacherBytes(3).slice().buffer).model;
    expect(a.frozen).toBe(true);
    expect(a.frozenIdentity).toBe(b.frozenIdentity);
    expect(c.frozenIdentity).not.toBe(a.frozenIdentity);
    const fresh = WindowLm.create(
      { vocab: 5, window: 2, hidden: 3, activation: 'relu' },
      createRng(1),
    );
    expect(fresh.frozen).toBe(false);
    expect(fresh.freeze().frozenIdentity).not.toBe(
      WindowLm.create(fresh.spec, createRng(1)).freeze().frozenIdentity,
    );
  });

  it("keeps a frozen model's results per problem set; callers get copies", () => {
    installMlpKernels(kernels);
    const { model: teacher } = shippedTeacher(4);
    const problems = heldOutProblems(4, 50, createRng(31));
    const first = statedResults(teacher, problems, false);
    first[0] = null;
    const again = statedResults(teacher, problems, false);
    expect(again[0]).not.toBeNull();
    // the same problems asked with [steps] are another set, decoded afresh
    const withSteps = statedResults(teacher, problems, true);
    expect(capability(problems, again)).toBe(1);
    expect(withSteps).toHaveLength(50);
  });
});

describe('chat kernel memory', () => {
  it('stops growing: 500 runs (train, decode) of varied sizes leave it at its first high mark', () => {
    const fresh = loadNodeKernels()!;
    installMlpKernels(fresh);
    const { model: teacher } = shippedTeacher(4);
    const sizes: number[] = [];
    for (let run = 0; run < 500; run++) {
      const rng = createRng(run);
      const spec: WindowLmSpec = {
        vocab: 56,
        window: 6,
        hidden: 8 + (run % 5) * 4,
        activation: 'relu',
      };
      const model = WindowLm.create(spec, rng);
      const job: Job = {
        spec,
        count: 40 + (run % 7) * 30,
        batchSize: 16,
        steps: 3,
        soft: run % 2 === 1,
        scale: 1,
        seed: run,
      };
      trainWindowLm(model, randomExamples(job), {
        steps: 3,
        batchSize: 16,
        learningRate: 0.02,
        rng,
      });
      greedyDecodeMany(model, [[TOKEN.bos, 1, 2, 3, 4, TOKEN.equals]], 4);
      decode(teacher, [TOKEN.bos, 4, 3, 2, 1, TOKEN.equals], {
        maxTokens: 4,
        temperature: 1,
        rng,
      });
      sizes.push(fresh.memory.buffer.byteLength);
    }
    // the 35 shapes repeat every 35 runs: after the first cycle the memory never grows again
    expect(sizes[0]).toBeGreaterThan(0);
    expect(new Set(sizes.slice(35)).size).toBe(1);
    expect(sizes[499]).toBe(sizes[34]);
  });
});
