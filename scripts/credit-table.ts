/**
 * Issue 11's closing table: queries needed for fidelity >= 0.99 per output mode and attack,
 * d = 8, seeds 1-5, logistic lender and student, each cell found with whole runs of the credit
 * kind's simulate() (src/core/scenarios/credit/table.ts), and the time of a default credit run
 * (median of 7 after 2 warm-ups; `npm run bench` reports it too).
 *
 *   npx tsx scripts/credit-table.ts             the table
 *   npx tsx scripts/credit-table.ts --time      only the timing of a default run
 */
import { performance } from 'node:perf_hooks';
import { createVictimCache, simulate } from '../src/core/simulate';
import {
  creditTableBase,
  fidelityTable,
  formatFidelityTable,
  issueTableOptions,
  summarizeCell,
} from '../src/core/scenarios/credit/table';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(fn: () => void, runs = 7, warmup = 2): number {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const args = new Set(process.argv.slice(2));
const base = creditTableBase();
const cache = createVictimCache();
console.log(
  `default credit run (d = ${base.scenario.features}, ${base.attack.strategy}, ` +
    `${base.attack.queries} queries), lender cached: ` +
    `${time(() => void simulate(base, { victimCache: cache })).toFixed(1)} ms`,
);
if (!args.has('--time')) {
  const start = performance.now();
  console.log(
    '\nLogistic lender, logistic student; queries answered for fidelity >= 0.99, median (min-max) over seeds 1-5:\n',
  );
  const cells = fidelityTable({
    ...issueTableOptions(),
    onCell: (cell) =>
      console.error(`  ${cell.strategy} / ${cell.mode}: ${summarizeCell(cell.queries)}`),
  });
  console.log(formatFidelityTable(cells));
  console.log(`\n(${((performance.now() - start) / 1000).toFixed(0)} s)`);
}
