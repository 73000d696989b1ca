/**
 * One line of `npm run bench` and the timing helpers the bench's parts share (bench.ts,
 * bench-speed.ts, lighthouse.ts).
 */
import { performance } from 'node:perf_hooks';

export interface Row {
  name: string;
  median: number;
  unit: string;
  goal: string;
  ok: boolean | null;
  note?: string;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median milliseconds of `runs` timed calls after `warmup` untimed ones. */
export function time(fn: () => void, runs = 7, warmup = 2): number {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/**
 * What benign traffic adds to a run, from two medians timed apart: `added` is benign / (run -
 * benign), the goal's measure ("adds no more than 30% to a run"); the note also gives its share
 * of the whole run (benign / run). The two medians are timed separately, so on a busy machine the
 * benign part can come out as long as the run: then `added` is Infinity and the note says so.
 * @param benignMs median ms of measuring benign traffic alone
 * @param runMs median ms of a whole run (benign traffic included)
 */
export function benignNumbers(benignMs: number, runMs: number): { added: number; note: string } {
  const rest = runMs - benignMs;
  const share = `${benignMs.toFixed(1)} ms of a ${runMs.toFixed(1)} ms run (${(
    (100 * benignMs) /
    runMs
  ).toFixed(0)} % of it)`;
  if (!(rest > 0)) return { added: Infinity, note: `${share}; timing too noisy for the rest` };
  return { added: benignMs / rest, note: `${share}, on top of ${rest.toFixed(1)} ms without it` };
}
