/**
 * The chat scenario's standalone experiment (issue "Distilling a chat model"): times a default run
 * (k = 4, 1,000 prompts) split into teacher generation, student training and evaluation, with the
 * student's training speed in sample-steps per second; then, for k = 4 and 5 seeds, the student's
 * capability at 300, 1,000 and 3,000 prompts for every arm of ISSUE_ARMS
 * (src/core/scenarios/chat/experiment.ts).
 *
 *   npx tsx scripts/chat-experiment.ts                      timing and the full table
 *   npx tsx scripts/chat-experiment.ts --timing             timing only
 *   npx tsx scripts/chat-experiment.ts --seeds 2 --queries 300,1000 --arms 0,3 --steps 3000
 *     (--steps: the student's Adam updates in the table, default STUDENT_DEFAULTS.steps)
 *   npx tsx scripts/chat-experiment.ts --operands 5        another k (default 4)
 *
 * Times are medians over repeated runs after a warm-up; the machine may be shared, so CPU time
 * (user + system of this process) is printed beside wall time.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createRng } from '../src/core/rng';
import {
  collectTranscript,
  distillStudent,
  DISTILL_DEFAULTS,
  experimentGrid,
  ISSUE_ARMS,
  scoreStudent,
} from '../src/core/scenarios/chat/experiment';
import { teacherFileName, teacherFromBytes } from '../src/core/scenarios/chat/teacher';

/** where `npm run train-teacher` writes the teachers */
const MODELS_DIR = fileURLToPath(new URL('../public/models/', import.meta.url));

function option(argv: string[], name: string): string | null {
  const at = argv.indexOf(name);
  return at >= 0 ? (argv[at + 1] ?? null) : null;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Wall and CPU milliseconds of fn(). */
function measure<T>(fn: () => T): { value: T; wall: number; cpu: number } {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  const value = fn();
  const wall = performance.now() - wall0;
  const cpu = process.cpuUsage(cpu0);
  return { value, wall, cpu: (cpu.user + cpu.system) / 1000 };
}

const argv = process.argv.slice(2);
const k = Number(option(argv, '--operands') ?? DISTILL_DEFAULTS.operands);
const defaults = { ...DISTILL_DEFAULTS, operands: k };
const bytes = readFileSync(MODELS_DIR + teacherFileName(k));
const teacher = teacherFromBytes(
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
).model;

// Timing of the default run, phase by phase.
const phases = { generation: [] as number[], training: [] as number[], evaluation: [] as number[] };
const cpuPhases = {
  generation: [] as number[],
  training: [] as number[],
  evaluation: [] as number[],
};
const runs = Number(option(argv, '--runs') ?? 5);
let examples = 0;
for (let run = -1; run < runs; run++) {
  const rng = createRng(run + 2);
  const generation = measure(() => collectTranscript(teacher, defaults, rng));
  const training = measure(() => distillStudent(generation.value, defaults, rng));
  const evaluation = measure(() => scoreStudent(teacher, training.value.student, defaults, rng));
  examples = training.value.examples.count;
  if (run < 0) continue; // warm-up
  phases.generation.push(generation.wall);
  phases.training.push(training.wall);
  phases.evaluation.push(evaluation.wall);
  cpuPhases.generation.push(generation.cpu);
  cpuPhases.training.push(training.cpu);
  cpuPhases.evaluation.push(evaluation.cpu);
}
const { steps, batchSize } = defaults.student;
const wall = Object.fromEntries(Object.entries(phases).map(([key, v]) => [key, median(v)]));
const cpu = Object.fromEntries(Object.entries(cpuPhases).map(([key, v]) => [key, median(v)]));
const totalWall = wall.generation! + wall.training! + wall.evaluation!;
const totalCpu = cpu.generation! + cpu.training! + cpu.evaluation!;
console.log(
  `Default chat run (k = ${k}, ${defaults.queries} prompts, ${examples} training ` +
    `examples, student ${steps} Adam steps x ${batchSize}), median of ${runs} runs, ms wall (cpu):`,
);
for (const key of ['generation', 'training', 'evaluation'] as const) {
  console.log(`  ${key.padEnd(11)} ${wall[key]!.toFixed(0).padStart(5)} (${cpu[key]!.toFixed(0)})`);
}
console.log(
  `  total       ${totalWall.toFixed(0).padStart(5)} (${totalCpu.toFixed(0)})  goal <= 1000`,
);
const sampleSteps = steps * batchSize;
console.log(
  `  student training: ${((sampleSteps / wall.training!) * 1000).toFixed(0)} sample-steps/s wall, ` +
    `${((sampleSteps / cpu.training!) * 1000).toFixed(0)} per cpu-second`,
);

if (!argv.includes('--timing')) {
  const seeds = Number(option(argv, '--seeds') ?? 5);
  const queryCounts = (option(argv, '--queries') ?? '300,1000,3000').split(',').map(Number);
  const armIndices = option(argv, '--arms')?.split(',').map(Number);
  const arms = armIndices ? ISSUE_ARMS.filter((_, i) => armIndices.includes(i)) : ISSUE_ARMS;
  const steps = Number(option(argv, '--steps') ?? defaults.student.steps);
  const base = { ...defaults, student: { ...defaults.student, steps } };
  console.log(
    `\nStudent capability, k = ${k}, ${steps} Adam steps, seeds 1..${seeds} (mean, min-max):\n`,
  );
  console.log(`| arm | ${queryCounts.map((q) => `${q} prompts`).join(' | ')} |`);
  console.log(`|---|${queryCounts.map(() => '---').join('|')}|`);
  let row: string[] = [];
  experimentGrid(teacher, base, arms, queryCounts, seeds, (cell) => {
    const low = Math.min(...cell.capabilities);
    const high = Math.max(...cell.capabilities);
    row.push(
      `${(100 * cell.mean).toFixed(1)}% (${(100 * low).toFixed(0)}-${(100 * high).toFixed(0)})`,
    );
    if (row.length === queryCounts.length) {
      console.log(`| ${cell.arm} | ${row.join(' | ')} |`);
      row = [];
    }
  });
}
