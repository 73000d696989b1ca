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
