/**
 * The C reference of the reference workload (scripts/reference-mlp.c), built with the machine's C
 * compiler and timed side by side with the JavaScript trainer: `npm run bench` calls
 * `compareWithC`, which alternates the trainers under test (the TypeScript path, the WebAssembly
 * kernels) and C several times in one process so the machine's load hits all alike, and reports
 * the median of the per-round ratios (sample-steps/s over C's). Without a compiler: a note.
 *
 *   npx tsx scripts/reference.ts    prints the comparison alone
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { referenceWorkload, type Throughput } from './throughput';

const SOURCE = new URL('./reference-mlp.c', import.meta.url).pathname;
/** -ffp-contract=off: no fused multiply-add, so C rounds every + and * as JavaScript does. */
const FLAGS = ['-O2', '-ffp-contract=off'];

/** The first of cc, gcc, clang that answers --version, or null. */
export function findCompiler(): string | null {
  for (const name of ['cc', 'gcc', 'clang']) {
    const probe = spawnSync(name, ['--version'], { encoding: 'utf8' });
    if (probe.status === 0) return name;
  }
  return null;
}

/** Compiles the reference into `dir`; returns the binary's path and the command used. */
export function buildReference(compiler: string, dir: string): { binary: string; command: string } {
  const binary = join(dir, 'reference-mlp');
  const args = [...FLAGS, '-o', binary, SOURCE, '-lm'];
  const result = spawnSync(compiler, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${compiler} failed: ${result.stderr}`);
  return { binary, command: `${compiler} ${args.join(' ')}` };
}

/** The SGD reference workload serialised in the layout reference-mlp.c reads (see its header). */
export function workloadBytes(reps: number): {
  bytes: Buffer;
  sampleSteps: number;
  finalParams: () => Float64Array;
} {
  const w = referenceWorkload('sgd');
  const { spec } = w.model;
  const ints = [spec.inputDims, spec.hidden.length, ...spec.hidden, spec.classes];
  const header = Buffer.alloc(4 * (2 + ints.length + 3) + 8);
  let at = 0;
  for (const v of [w.count, ...ints, w.batchSize, w.epochs, reps]) at = header.writeInt32LE(v, at);
  at = header.writeUInt32LE(w.batchSeed, at);
  header.writeDoubleLE(w.learningRate, at);
  const doubles = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  return {
    sampleSteps: w.count * w.epochs,
    bytes: Buffer.concat([
      header,
      doubles(w.inputs.subarray(0, w.count * spec.inputDims)),
      doubles(w.targets),
      doubles(w.initialParams),
    ]),
    // The JavaScript trainer's weights after the same workload, for the bit-for-bit check.
    finalParams: () => {
      w.trainer.train(w.inputs, w.targets, w.count, { epochs: w.epochs });
      return w.model.params;
    },
  };
}

/** Runs the C binary: `reps` timings (seconds each) and its final weights' bits (hex). */
export function runReference(binary: string, input: Buffer): { seconds: number[]; bits: string[] } {
  const result = spawnSync(binary, [], { input, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`reference-mlp failed: ${result.stderr}`);
  const lines = result.stdout.trim().split('\n');
  const bits = lines.pop()!.split(' ');
  return { seconds: lines.map(Number), bits };
}

/** Hex of a double's bits, as reference-mlp.c prints them. */
function hexBits(value: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  return view.getBigUint64(0).toString(16).padStart(16, '0');
}

/** One trainer timed against C: a label and a function timing one run of the workload. */
export interface Contender {
  label: string;
  run: () => Throughput;
}

export interface CComparison {
  /** the compile command, or null when no compiler was found (then every ratio is NaN) */
  command: string | null;
  /** per contender: median over rounds of (its sample-steps/s) / (C's in the same round) */
  ratios: { label: string; ratio: number; sampleStepsPerSecond: number }[];
  cSampleStepsPerSecond: number;
  /** whether C's final weights equal the JavaScript trainer's bit for bit */
  identical: boolean;
  note: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const fmt = (rate: number) => Math.round(rate).toLocaleString('en-US');

/**
 * `rounds` rounds of: for each contender `reps` runs (median), then one C process of `reps` runs
 * (median), so the machine's load falls on all alike; each round gives each contender a ratio.
 */
export function compareWithC(contenders: Contender[], rounds = 5, reps = 3): CComparison {
  const compiler = findCompiler();
  if (compiler === null) {
    return {
      command: null,
      ratios: contenders.map(({ label }) => ({
        label,
        ratio: Number.NaN,
        sampleStepsPerSecond: Number.NaN,
      })),
      cSampleStepsPerSecond: Number.NaN,
      identical: false,
      note: 'no C compiler (cc, gcc, clang) found: ratio to C skipped',
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'extraction-lab-c-'));
  try {
    const { binary, command } = buildReference(compiler, dir);
    const { bytes, sampleSteps, finalParams } = workloadBytes(reps);
    for (const { run } of contenders) run(); // warm-up
    const ratios = contenders.map(() => [] as number[]);
    const rates = contenders.map(() => [] as number[]);
    const cRates: number[] = [];
    let bits: string[] = [];
    for (let round = 0; round < rounds; round++) {
      const roundRates = contenders.map(({ run }) =>
        median(Array.from({ length: reps }, () => run().sampleStepsPerSecond)),
      );
      const c = runReference(binary, bytes);
      bits = c.bits;
      const cRate = sampleSteps / median(c.seconds);
      cRates.push(cRate);
      roundRates.forEach((rate, i) => {
        rates[i]!.push(rate);
        ratios[i]!.push(rate / cRate);
      });
    }
    const identical = Array.from(finalParams(), hexBits).join(' ') === bits.join(' ');
    const rows = contenders.map(({ label }, i) => ({
      label,
      ratio: median(ratios[i]!),
      sampleStepsPerSecond: median(rates[i]!),
    }));
    return {
      command,
      ratios: rows,
      cSampleStepsPerSecond: median(cRates),
      identical,
      note:
        `${rows.map((r) => `${r.label} ${fmt(r.sampleStepsPerSecond)}`).join(', ')} vs C ` +
        `${fmt(median(cRates))} sample-steps/s, ${rounds} alternating rounds of ${reps}; ` +
        `C weights ${identical ? 'bit-identical' : 'DIFFER'}; ${command}`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { timeRun } = await import('./throughput');
  const result = compareWithC([{ label: 'JS', run: () => timeRun('sgd') }]);
  console.log(`JS / C = ${result.ratios[0]!.ratio.toFixed(3)}  (${result.note})`);
}
