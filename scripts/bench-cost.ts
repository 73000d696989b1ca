/**
 * `npm run bench -- --cost`: measures the run-cost model's coefficients (src/core/runCost.ts).
 *
 * Each calibration config stresses one work count of the model; every config is timed cold (the
 * victim trained in the run), the minimum of `RUNS` runs after a warm-up (the minimum is the best
 * estimate of the cost on a shared machine), in CPU time (`--wall` for wall-clock time). The coefficients minimise the squared relative
 * error Σ_i (c·f_i / t_i - 1)^2 subject to c >= 0 (Lawson-Hanson active set on the normal
 * equations, a handful of unknowns), and the script prints them, ready to paste into
 * RUN_COST_COEFFICIENTS, with the error on held-out configs. `--max` also times "every setting at
 * its maximum" (about two minutes).
 */
import { performance } from 'node:perf_hooks';
import { applyAssignments, defaultConfig, type Config } from '../src/core/config';
import {
  estimateRunMs,
  runWork,
  WORK_TERMS,
  type CostCoefficients,
  type RunWork,
} from '../src/core/runCost';
import { simulate } from '../src/core/simulate';
import { EVERYTHING_AT_MAXIMUM } from '../test/fixtures/largestRun';

const RUNS = 3;

/** A config from `path=value` assignments over the defaults (throws on a bad one). */
export function configOf(assignments: readonly string[]): Config {
  const { config, issues } = applyAssignments(defaultConfig(), assignments);
  if (issues.length > 0) throw new Error(issues.map((i) => i.message).join('; '));
  return config;
}

/** Small everything, so each calibration config isolates its own count. */
const SMALL = [
  'scenario.trainSize=100',
  'scenario.testSize=200',
  'victim.epochs=5',
  'attack.queries=200',
  'attack.student.epochs=5',
];

export const CALIBRATION: Record<string, string[]> = {
  tiny: [...SMALL, 'attack.queries=10'],
  victimTrain: [...SMALL, 'scenario.trainSize=2000', 'victim.epochs=150', 'victim.hidden=32x32'],
  studentTrain: [
    ...SMALL,
    'attack.queries=3000',
    'attack.student.epochs=60',
    'attack.student.hidden=32x32',
  ],
  forward: [
    ...SMALL,
    'scenario.testSize=10000',
    'attack.queries=1000',
    'attack.strategy=active',
    'attack.rounds=20',
    'attack.student.hidden=32x32x32',
  ],
  detection: [
    ...SMALL,
    'defense.detection.on=true',
    'benign.accounts=32',
    'benign.medianPerDay=400',
    'benign.days=30',
    'attack.queries=2000',
  ],
  volumes: [...SMALL, 'defense.rateLimit.on=true', 'benign.accounts=10000', 'benign.days=365'],
  queries: [...SMALL, 'attack.queries=10000', 'attack.student.hidden=2', 'attack.student.epochs=5'],
  default: [],
};

export const HELD_OUT: Record<string, string[]> = {
  'default, every defense on': [
    'defense.output.mode=noise',
    'defense.rateLimit.on=true',
    'defense.watermark.on=true',
    'defense.detection.on=true',
  ],
  'jacobian, 5,000 queries': ['attack.strategy=jacobian', 'attack.queries=5000'],
  'student 32x32x32, 200 epochs': ['attack.student.hidden=32x32x32', 'attack.student.epochs=200'],
  'victim 32x32x32, 300 epochs, 3,000 points': [
    'victim.hidden=32x32x32',
    'victim.epochs=300',
    'scenario.trainSize=3000',
  ],
  'active, 4,000 queries, detection': [
    'attack.strategy=active',
    'attack.queries=4000',
    'defense.detection.on=true',
  ],
};

/** Milliseconds of CPU time this process has used (user + system). */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Minimum ms of `runs` cold runs after one warm-up, in CPU time: the simulation is
 * single-threaded, so its CPU time is what it takes on a core of its own, however many other
 * jobs share the machine (wall time under load is slower by the load; `wall` gives that instead).
 */
function timeRun(config: Config, runs = RUNS, clock: () => number = CLOCK): number {
  if (runs > 1) simulate(config);
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = clock();
    simulate(config);
    best = Math.min(best, clock() - start);
  }
  return best;
}

const CLOCK: () => number = process.argv.includes('--wall') ? () => performance.now() : cpuMs;

/** Solves A x = b (small, dense) by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]![col]!;
    if (Math.abs(p) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]! / p;
      for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  return m.map((row, i) => (Math.abs(row[i]!) < 1e-12 ? 0 : row[n]! / row[i]!));
}

/**
 * Non-negative least squares on relative error: minimises Σ_i (w_i·c / t_i - 1)^2, c >= 0, by
 * dropping the most negative coefficient until none is (Lawson-Hanson, simplified).
 */
export function fitCoefficients(samples: { work: RunWork; ms: number }[]): CostCoefficients {
  const terms = [...WORK_TERMS];
  // Scale each column to a maximum of 1 so the normal equations stay well conditioned.
  const scale = terms.map((t) => Math.max(1e-30, ...samples.map((s) => s.work[t] / s.ms)));
  const rows = samples.map((s) => terms.map((t, k) => s.work[t] / s.ms / scale[k]!));
  let free = terms.map((_, k) => k);
  let x = new Array<number>(terms.length).fill(0);
  for (;;) {
    const ata = free.map((i) => free.map((j) => rows.reduce((sum, r) => sum + r[i]! * r[j]!, 0)));
    const atb = free.map((i) => rows.reduce((sum, r) => sum + r[i]!, 0));
    const sol = solve(ata, atb);
    const worst = sol.reduce((best, v, k) => (v < (sol[best] ?? 0) ? k : best), 0);
    if ((sol[worst] ?? 0) >= 0) {
      x = new Array<number>(terms.length).fill(0);
      free.forEach((k, i) => (x[k] = sol[i]!));
      break;
    }
    free = free.filter((_, i) => i !== worst);
  }
  return Object.fromEntries(terms.map((t, k) => [t, x[k]! / scale[k]!])) as CostCoefficients;
}

export interface CostRow {
  name: string;
  measuredMs: number;
  estimatedMs: number;
}

/** Calibrates the model, then checks it on the held-out configs (and everything at maximum). */
export function benchCost(withMaximum: boolean): {
  coefficients: CostCoefficients;
  calibration: CostRow[];
  heldOut: CostRow[];
} {
  const samples = Object.entries(CALIBRATION).map(([name, sets]) => {
    const config = configOf(sets);
    return { name, config, work: runWork(config), ms: timeRun(config) };
  });
  const coefficients = fitCoefficients(samples);
  const row = (name: string, config: Config, ms: number): CostRow => ({
    name,
    measuredMs: ms,
    estimatedMs: estimateRunMs(config, { coefficients }),
  });
  const calibration = samples.map((s) => row(s.name, s.config, s.ms));
  const heldOut = Object.entries(HELD_OUT).map(([name, sets]) => {
    const config = configOf(sets);
    return row(name, config, timeRun(config));
  });
  if (withMaximum) {
    const config = configOf(EVERYTHING_AT_MAXIMUM);
    heldOut.push(row('every setting at its maximum', config, timeRun(config, 1)));
  }
  return { coefficients, calibration, heldOut };
}

if (process.argv[1]?.endsWith('bench-cost.ts')) {
  const { coefficients, calibration, heldOut } = benchCost(process.argv.includes('--max'));
  const show = (r: CostRow) =>
    `  ${r.name.padEnd(44)} measured ${r.measuredMs.toFixed(0).padStart(7)} ms  estimated ${r.estimatedMs.toFixed(0).padStart(7)} ms  (${((100 * (r.estimatedMs - r.measuredMs)) / r.measuredMs).toFixed(0)}%)`;
  console.log(`Run-cost model (Node ${process.version}, ${new Date().toISOString().slice(0, 10)})`);
  console.log('Calibration:');
  calibration.forEach((r) => console.log(show(r)));
  console.log('Held out:');
  heldOut.forEach((r) => console.log(show(r)));
  console.log('\nRUN_COST_COEFFICIENTS = {');
  for (const t of WORK_TERMS) console.log(`  ${t}: ${coefficients[t].toPrecision(3)},`);
  console.log('};');
}
