/**
 * The chat rows of `npm run bench` (issues 12 and 14): the default chat run on the TypeScript path
 * and on the WebAssembly kernels (alternating, so the shared machine's load hits both alike), the
 * run with its teacher cached (as the page after its first run), the run's split into teacher
 * generation, student training, evaluation, honest users and the rest, the student's training
 * throughput on both paths, logit stealing, and the run with every chat defense on.
 *
 * The split re-runs the run's phases with its own inputs and schedule (the attacker's 1,000 answers;
 * ten training calls of 100 Adam steps on the answers so far, one Adam state; the ten partly trained
 * students, the teacher and the teacher's 200 training problems evaluated), timed in rounds that
 * alternate with the whole run; "other" is the run's median minus the phases' medians. The run's
 * row also notes the process's CPU time (less sensitive than wall time to the shared machine's load).
 */
import { performance } from 'node:perf_hooks';
import { setPath, type Config } from '../src/core/config';
import { installMlpKernels, type MlpKernelExports } from '../src/core/models/kernels';
import { createOptimizer } from '../src/core/models/optimizer';
import { createRng } from '../src/core/rng';
import { answerPrompt, type ChatAnswer } from '../src/core/scenarios/chat/chatApi';
import { statedResults } from '../src/core/scenarios/chat/evaluate';
import { honestChatRuns } from '../src/core/scenarios/chat/honestRuns';
import {
  chatApiOptions,
  EVALUATION_PROBLEMS,
  HONEST_REQUESTS,
  teacherAsset,
  TRAINING_PROBLEMS,
} from '../src/core/scenarios/chat/index';
import { WindowLm } from '../src/core/scenarios/chat/lm';
import { taskPrompts } from '../src/core/scenarios/chat/prompts';
import { studentOptions } from '../src/core/scenarios/chat/run';
import { studentExamples } from '../src/core/scenarios/chat/student';
import { drawTrainingProblem, heldOutProblems } from '../src/core/scenarios/chat/task';
import { CONTEXT_WINDOW, teacherFromBytes } from '../src/core/scenarios/chat/teacher';
import { trainWindowLm, type LmExamples } from '../src/core/scenarios/chat/train';
import { VOCAB_SIZE } from '../src/core/scenarios/chat/vocab';
import { createVictimCache, simulate } from '../src/core/simulate';
import { median, time, type Row } from './bench-row';

const ms = (name: string, value: number, goal: number | null, note?: string): Row => ({
  name,
  median: value,
  unit: 'ms',
  goal: goal === null ? '' : `<= ${goal} ms`,
  ok: goal === null ? null : value <= goal,
  note,
});

const once = (fn: () => void): number => {
  const start = performance.now();
  fn();
  return performance.now() - start;
};

/** The run's phases, with the run's inputs, ready to be timed one call each. */
function phases(config: Config, assets: Map<string, ArrayBuffer>) {
  const teacher = teacherFromBytes(assets.get(teacherAsset(4))!).model;
  const api = chatApiOptions(config);
  const options = studentOptions(config);
  const prompts = taskPrompts(4, config.attack.queries, createRng(1));
  let answers: ChatAnswer[] = [];
  const generate = () => {
    const rng = createRng(2);
    answers = prompts.map((prompt) => answerPrompt(teacher, prompt, api, rng));
  };
  generate();
  // the run's schedule: after each tenth of the prompts, train on the answers so far
  const chunks: { examples: LmExamples; steps: number }[] = [];
  for (let i = 1; i <= 10; i++) {
    const n = Math.ceil((i * prompts.length) / 10);
    chunks.push({
      examples: studentExamples(prompts.slice(0, n), answers.slice(0, n), true),
      steps: Math.round((options.steps * i) / 10) - Math.round((options.steps * (i - 1)) / 10),
    });
  }
  let snapshots: Float64Array[] = [];
  const spec = {
    vocab: VOCAB_SIZE,
    window: CONTEXT_WINDOW,
    hidden: options.hidden,
    activation: options.activation,
  };
  const train = () => {
    const rng = createRng(3);
    const student = WindowLm.create(spec, rng.fork('init'));
    const optimizer = createOptimizer('adam', student.params.length, options.learningRate);
    snapshots = [];
    for (const { examples, steps } of chunks) {
      trainWindowLm(student, examples, {
        steps,
        batchSize: options.batchSize,
        learningRate: options.learningRate,
        rng,
        optimizer,
      });
      snapshots.push(Float64Array.from(student.params));
    }
  };
  train();
  const problems = heldOutProblems(4, EVALUATION_PROBLEMS, createRng(4));
  const trainRng = createRng(5);
  const trainProblems = Array.from({ length: TRAINING_PROBLEMS }, () =>
    drawTrainingProblem(4, trainRng),
  );
  const evaluate = () => {
    statedResults(teacher, problems, false);
    statedResults(teacher, trainProblems, false);
    for (const params of snapshots) statedResults(new WindowLm(spec, params), problems, false);
  };
  const honest = () => void honestChatRuns(teacher, config, api, HONEST_REQUESTS, createRng(6));
  return {
    generate,
    train,
    evaluate,
    honest,
    sampleSteps: options.steps * options.batchSize,
    trainOnce: () => once(train),
  };
}

/** The chat rows; `kernels` null measures the TypeScript path alone. Leaves `kernels` installed. */
export function chatRows(
  chatConfig: Config,
  assets: Map<string, ArrayBuffer>,
  kernels: MlpKernelExports | null,
): Row[] {
  const rows: Row[] = [];
  const using = <T>(on: boolean, fn: () => T): T => {
    installMlpKernels(on ? kernels : null);
    return fn();
  };
  const paths = kernels === null ? [false] : [false, true];
  const label = (on: boolean) => (on ? 'WebAssembly kernels' : 'TypeScript path');
  let capability = 0;
  const run = () => {
    capability = simulate(chatConfig, { assets }).student.accuracy;
  };
  const parts = phases(chatConfig, assets);

  // 1. The default run and its phases, the paths alternating round by round.
  // The teacher-cached run (as the page's worker keeps its teacher) alternates with them.
  const phaseNames = ['generate', 'train', 'evaluate', 'honest'] as const;
  const samples = new Map<boolean, Record<'run' | 'cpu' | (typeof phaseNames)[number], number[]>>(
    paths.map((on) => [
      on,
      { run: [], cpu: [], generate: [], train: [], evaluate: [], honest: [] },
    ]),
  );
  const cache = createVictimCache();
  const cachedRun = () => void simulate(chatConfig, { assets, victimCache: cache });
  const cached: number[] = [];
  for (const on of paths) using(on, run); // warm-up
  if (kernels !== null) using(true, cachedRun);
  for (let round = 0; round < 5; round++) {
    for (const on of paths) {
      const into = samples.get(on)!;
      using(on, () => {
        const cpu = process.cpuUsage();
        into.run.push(once(run));
        const used = process.cpuUsage(cpu);
        into.cpu.push((used.user + used.system) / 1000);
        for (const phase of phaseNames) into[phase].push(once(parts[phase]));
      });
    }
    if (kernels !== null) cached.push(using(true, () => once(cachedRun)));
  }
  for (const on of paths) {
    const into = samples.get(on)!;
    const whole = median(into.run);
    const [g, t, e, h] = phaseNames.map((phase) => median(into[phase]));
    rows.push(
      ms(
        `chat: default run (k 4, 1,000 prompts, text, shown, 1,000 steps): ${label(on)}`,
        whole,
        on || kernels === null ? 1000 : null,
        `student capability ${capability.toFixed(3)}; process CPU ${median(into.cpu).toFixed(0)} ms; issue 14 goal <= 250 ms`,
      ),
      ms('  split: teacher generation (1,000 answers, sampled)', g!, null),
      ms('  split: student training (10 calls, 1,000 Adam steps x 32 tokens)', t!, null),
      ms(`  split: evaluation (10 students + teacher x ${EVALUATION_PROBLEMS}, + 200)`, e!, null),
      ms(`  split: honest users (${HONEST_REQUESTS} requests)`, h!, null),
      ms('  split: other (run minus the above)', whole - g! - t! - e! - h!, null),
    );
  }

  // 2. The teacher cached between runs (alternating with the rows above).
  if (kernels !== null) {
    rows.push(
      ms(
        'chat: default run, teacher cached (as the page after its first run): WebAssembly',
        median(cached),
        250,
      ),
    );
  }

  // 3. Training throughput, the paths alternating.
  const trains = new Map<boolean, number[]>(paths.map((p) => [p, []]));
  for (let round = 0; round < 5; round++) {
    for (const p of paths) trains.get(p)!.push(using(p, parts.trainOnce));
  }
  for (const p of paths) {
    rows.push({
      name: `chat: student training throughput, ${label(p)}`,
      median: parts.sampleSteps / (median(trains.get(p)!) / 1000),
      unit: 'sample-steps/s',
      goal: '',
      ok: null,
    });
  }

  // 4. The chat defenses (issue 13), on the fastest path.
  installMlpKernels(kernels);
  const stealing = setPaths(chatConfig, {
    'attack.strategy': 'logitStealing',
    'defense.output.mode': 'logprobs',
  });
  let estimate: number | null = null;
  rows.push(
    ms(
      'chat: logit stealing (1,000 prompts, all log-probabilities)',
      time(() => {
        estimate = simulate(stealing, { assets }).chat!.stealing!.estimate;
      }),
      100,
      `hidden size estimate ${estimate}`,
    ),
  );
  const everything = setPaths(chatConfig, {
    'defense.chat.reasoning': 'hidden',
    'defense.elicitation.on': true,
    'defense.output.mode': 'noise',
    'defense.output.sigma': 0.01,
    'defense.watermark.on': true,
    'defense.rateLimit.on': true,
    'defense.campaign.on': true,
  });
  let z = 0;
  rows.push(
    ms(
      'chat: default run with every chat defense on (watermark check with its control student)',
      time(
        () => {
          z = simulate(everything, { assets }).watermark!.text!.z;
        },
        5,
        1,
      ),
      1500,
      `student z ${z.toFixed(2)}`,
    ),
  );
  return rows;
}

function setPaths(config: Config, values: Record<string, unknown>): Config {
  let out = config;
  for (const [path, value] of Object.entries(values)) out = setPath(out, path, value);
  return out;
}
