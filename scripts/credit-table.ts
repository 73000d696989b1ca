/**
 * Issue 11's closing table: queries needed for fidelity >= 0.99 per output mode and attack,
 * d = 8, seeds 1-5, logistic victim (src/core/scenarios/credit/table.ts), and the time of a
 * default credit run (median of 7 after 2 warm-ups).
 *
 *   npx tsx scripts/credit-table.ts             the table (logistic victim, logistic student)
 *   npx tsx scripts/credit-table.ts --mlp       also the MLP victim (MLP student): median fidelity
 *                                               at 100 and 1,000 queries
 *   npx tsx scripts/credit-table.ts --time      only the timing of a default run
 */
import { performance } from 'node:perf_hooks';
import {
  buildCreditWorld,
  creditRunDefaults,
  runCredit,
  runCreditAttack,
} from '../src/core/scenarios/credit/experiment';
import {
  fidelityAtBudgets,
  fidelityTable,
  formatFidelityAtBudgets,
  formatFidelityTable,
  issueTableOptions,
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
const defaults = creditRunDefaults();
const world = buildCreditWorld(defaults);
console.log(
  `default credit run (d = ${defaults.features}, ${defaults.strategy}, ${defaults.queries} queries, ` +
    `${defaults.trainSize} + ${defaults.testSize} applicants): ` +
    `${time(() => runCredit(defaults)).toFixed(1)} ms whole, ` +
    `${time(() => runCreditAttack(world, defaults)).toFixed(1)} ms attack and metrics only`,
);
if (!args.has('--time')) {
  const options = issueTableOptions();
  const start = performance.now();
  console.log(
    '\nLogistic victim, logistic student; queries for fidelity >= 0.99, median (min-max) over seeds 1-5:\n',
  );
  console.log(formatFidelityTable(fidelityTable(options)));
  if (args.has('--mlp')) {
    const base = {
      ...options.base,
      victim: { ...options.base.victim, model: 'mlp' as const },
      attack: { ...options.base.attack, student: 'mlp' as const },
    };
    console.log(
      '\nMLP victim, MLP student: median fidelity over seeds 1-5 at 100 and 1,000 queries:\n',
    );
    console.log(formatFidelityAtBudgets(fidelityAtBudgets({ ...options, base }, [100, 1000])));
  }
  console.log(`\n(${((performance.now() - start) / 1000).toFixed(0)} s)`);
}
