/**
 * Golden runs for the plug-in redesign (issue "Room to grow"): the CLI's JSON for a fixed set of
 * configurations and two sweeps, written to test/fixtures/golden/. test/core/golden.test.ts checks
 * that today's simulator still gives exactly these numbers. Regenerate only when a change is meant
 * to change results, and say so in the commit:  npx tsx scripts/make-golden.ts
 */
import { writeFileSync } from 'node:fs';
import { GOLDEN_RUNS, GOLDEN_SWEEPS, goldenRun, goldenSweep } from '../test/fixtures/golden/cases';

const runs = GOLDEN_RUNS.map((c) => ({ name: c.name, set: c.set, ...goldenRun(c.set) }));
writeFileSync('test/fixtures/golden/runs.json', `${JSON.stringify(runs, null, 1)}\n`);
const sweeps = GOLDEN_SWEEPS.map((c) => ({ ...c, result: goldenSweep(c) }));
writeFileSync('test/fixtures/golden/sweeps.json', `${JSON.stringify(sweeps, null, 1)}\n`);
console.log(`${runs.length} runs, ${sweeps.length} sweeps written`);
