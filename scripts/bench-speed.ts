/**
 * The speed rows of `npm run bench` (issue 14): the reference workload against its C build
 * (scripts/reference.ts), the TypeScript path and the WebAssembly kernels alternating with C in
 * one process; and the default run, victim cached, with and without the kernels, alternating.
 */
import type { Config } from '../src/core/config';
import { installMlpKernels, type MlpKernelExports } from '../src/core/models/kernels';
import { createVictimCache, simulate } from '../src/core/simulate';
import { median, time, type Row } from './bench-row';
import { compareWithC } from './reference';
import { timeRun } from './throughput';

/** The rows; `kernels` null measures the TypeScript path alone. Leaves no kernels installed. */
export function speedRows(base: Config, kernels: MlpKernelExports | null): Row[] {
  const rows: Row[] = [];
  const using = <T>(on: boolean, fn: () => T): T => {
    installMlpKernels(on ? kernels : null);
    return fn();
  };
  const versusC = compareWithC([
    { label: 'TypeScript', run: () => using(false, () => timeRun('sgd')) },
    ...(kernels === null
      ? []
      : [{ label: 'WebAssembly', run: () => using(true, () => timeRun('sgd')) }]),
  ]);
  for (const { label, ratio } of versusC.ratios) {
    rows.push({
      name: `reference workload, SGD: ${label} / C -O2 (median of alternating rounds)`,
      median: ratio,
      unit: 'x C',
      goal: versusC.command === null ? '' : '>= 1.0',
      ok: versusC.command === null ? null : ratio >= 1,
      note: versusC.note,
    });
  }
  if (kernels !== null) {
    const cache = createVictimCache();
    const run = () => void simulate(base, { victimCache: cache });
    run();
    const off: number[] = [];
    const on: number[] = [];
    // Alternating rounds, each a warm-up run (the first run after switching paths pays for the
    // other path's garbage and the kernels' buffers) and the median of three timed runs.
    for (let round = 0; round < 7; round++) {
      off.push(using(false, () => time(run, 3, 1)));
      on.push(using(true, () => time(run, 3, 1)));
    }
    const ms = (name: string, value: number, goal: number | null): Row => ({
      name,
      median: value,
      unit: 'ms',
      goal: goal === null ? '' : `<= ${goal} ms`,
      ok: goal === null ? null : value <= goal,
    });
    rows.push(
      ms(
        'default run, victim cached: TypeScript path (alternating with the next)',
        median(off),
        null,
      ),
      ms(
        'default run, victim cached: WebAssembly kernels (7 alternating rounds, median of 3 each)',
        median(on),
        40,
      ),
    );
  }
  installMlpKernels(null);
  return rows;
}
