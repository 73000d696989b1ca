/**
 * The closing numbers of the chat-defense issue (issue 13), over seeds 1..5, through simulate()
 * (the page's and the CLI's run), default chat config otherwise (k = 4, text answers, 1,000 Adam
 * steps for the student):
 *   - the KGW watermark: student z and control z at T = 200 for 300, 1,000 and 3,000 prompts, the
 *     teacher's own z, the null distribution over 200 keys (false accusation rate at z 4), and its
 *     cost to honest users (distortion, results lost);
 *   - logit stealing with 1,000 random prompts: the estimate with full log-probabilities, top-5,
 *     and logit noise sigma 0.001 / 0.01 / 0.1, with the largest principal angle at the true size
 *     and the noise's cost to honest users.
 *
 * Measured (commit 3440022 and before, seeds 1-5, mean (range); the machine was heavily shared):
 *   watermark  prompts  student z           control z            shown  control accused
 *              300      8.23 (6.37-10.61)   -0.26 (-1.63-1.96)   5/5    0/5
 *              1,000    6.01 (4.74-6.86)     0.29 (-1.63-1.80)   5/5    0/5
 *              3,000    4.15 (1.14-7.35)    -0.03 (-1.14-0.82)   3/5    0/5
 *   teacher's own z 13.98 (12.41-16.00); null over 200 keys: sd 1.13 (1.06-1.17), false
 *   accusations at z 4: 0 of 200 keys in every seed; honest distortion 0.314 (mean L1), results
 *   lost 0.3-1.0 points (coupled runs).
 *   stealing (1,000 prompts): all log-probabilities: 48 in 5/5 (drop ratio about 9,100); top-5: no
 *   estimate (largest ratio 7.7); noise sigma 0.001: none (ratio 18.3, under the threshold 20 but
 *   still a visible step; layer within 0.29 degrees at h + 1), 0.01: none (ratio 2.8; 2.98 degrees;
 *   distortion 0.0027), 0.1: none (70 degrees; distortion 0.027, results lost 0.1 points).
 *
 *   npx tsx scripts/chat-defense-numbers.ts                  both tables
 *   npx tsx scripts/chat-defense-numbers.ts --stealing       the stealing table only
 *   npx tsx scripts/chat-defense-numbers.ts --seeds 2 --queries 300
 */
import { loadAssets } from '../src/cli/args';
import { simulate } from '../src/core/simulate';
import { chatConfig, option } from './chat-script-args';

const seeds = Number(option('--seeds') ?? 5);
const queryCounts = (option('--queries') ?? '300,1000,3000').split(',').map(Number);

const run = (fields: Record<string, unknown>) => {
  const config = chatConfig(fields);
  return simulate(config, { assets: loadAssets(config) });
};

const fmt = (x: number, digits = 2) => x.toFixed(digits);
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const summary = (xs: number[], digits = 2) =>
  `${fmt(mean(xs), digits)} (${fmt(Math.min(...xs), digits)} to ${fmt(Math.max(...xs), digits)})`;
const seedList = Array.from({ length: seeds }, (_, i) => i + 1);

if (!process.argv.includes('--stealing')) {
  console.log('KGW watermark (delta 2, gamma 0.25, T = 200 scored tokens), seeds 1-%d', seeds);
  console.log(
    'prompts | student z | control z | teacher z | shown | control accused | null sd | null FAR@4 | distortion | result drop | capability',
  );
  for (const queries of queryCounts) {
    const results = seedList.map((seed) => {
      const r = run({ seed, 'defense.watermark.on': true, 'attack.queries': queries });
      process.stderr.write('.');
      return r;
    });
    const text = results.map((r) => r.watermark!.text!);
    console.log(
      [
        queries,
        summary(text.map((t) => t.z)),
        summary(text.map((t) => t.controlZ)),
        summary(text.map((t) => t.teacherZ)),
        `${results.filter((r) => r.watermark!.shown).length}/${seeds}`,
        `${results.filter((r) => r.watermark!.controlAccused).length}/${seeds}`,
        summary(text.map((t) => t.nullZ.sd)),
        summary(
          text.map((t) => t.nullZ.falseAccusationRate),
          3,
        ),
        summary(
          results.map((r) => r.defenseCost.distortion),
          3,
        ),
        summary(
          results.map((r) => r.defenseCost.benignAccuracyDrop),
          3,
        ),
        summary(
          results.map((r) => r.student.accuracy),
          3,
        ),
      ].join(' | '),
    );
  }
}

console.log('\nLogit stealing, 1,000 random prompts, seeds 1-%d (true hidden size 48)', seeds);
console.log(
  'answers | estimates | drop ratio | largest angle at h+1 (deg) | distortion | result drop',
);
const arms: [string, Record<string, unknown>][] = [
  ['all log-probabilities', { 'defense.output.mode': 'logprobs' }],
  [
    'top-5 log-probabilities',
    { 'defense.output.mode': 'topLogprobs', 'defense.output.topLogprobs': 5 },
  ],
  ...[0.001, 0.01, 0.1].map((sigma): [string, Record<string, unknown>] => [
    `logit noise sigma ${sigma}`,
    { 'defense.output.mode': 'noise', 'defense.output.sigma': sigma },
  ]),
];
for (const [label, fields] of arms) {
  const results = seedList.map((seed) =>
    run({ seed, 'attack.strategy': 'logitStealing', 'attack.queries': 1000, ...fields }),
  );
  const stealing = results.map((r) => r.chat!.stealing!);
  const angles = stealing.map((s) => s.largestAngleAtTrueSize);
  console.log(
    [
      label,
      stealing.map((s) => s.estimate ?? 'none').join(', '),
      summary(
        stealing.map((s) => s.drop!.ratio),
        1,
      ),
      angles.every((a) => a !== null) ? summary(angles as number[], 2) : 'n/a (top-k rows)',
      summary(
        results.map((r) => r.defenseCost.distortion),
        4,
      ),
      summary(
        results.map((r) => r.defenseCost.benignAccuracyDrop),
        3,
      ),
    ].join(' | '),
  );
}
