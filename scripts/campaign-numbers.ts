/**
 * The closing numbers of campaign detection (issue 13, part 2), over seeds 1..5, through
 * simulate() (the page's and the CLI's run): the share of the attacker's accounts flagged and the
 * share of honest accounts flagged, at cover traffic (attack.mixing) 0, 0.5 and 0.9, with 100 and
 * 10,000 attacker accounts. Default chat config otherwise (k = 4, task prompts, text answers,
 * 1,000 student steps), 10,000 prompts over 7 days, 200 honest accounts, groups of 10.
 *
 * Measured (seeds 1-5, mean (range); "before flag": the attacker's prompts answered before its
 * first account was flagged, mean; capability: the copy's, on held-out problems):
 *   accounts  mixing  attacker flagged     honest flagged (200)  before flag  capability
 *   100       0      100.0%                0.0%                  1,500        0.973
 *   100       0.5     88.2% (85-93%)       0.0%                  1,500        0.991
 *   100       0.9      0.0%                0.0%                  10,000       0.913
 *   10,000    0      100.0%                0.0%                  10,000       0.991
 *   10,000    0.5     53.2% (52.7-53.7%)   0.0%                  10,000       0.991
 *   10,000    0.9     19.4% (18.5-20.4%)   0.0%                  10,000       0.913
 * With 2,000 honest accounts the attacker's rates are the same and 1.1% (0-2.3%) of honest
 * accounts are flagged (the app users of population.ts). With 10,000 accounts and 10,000 prompts
 * the schedule sends every prompt on day 1 (one per account), so the end-of-day detection comes
 * after the whole campaign. At mixing 0.5 with 100 accounts the unflagged accounts carry the
 * banned ones' traffic, so the copy is as good as without detection; at 0.9 the template is under
 * SIGNATURE_SHARE of each account's traffic and no group forms.
 *
 *   npx tsx scripts/campaign-numbers.ts
 *   npx tsx scripts/campaign-numbers.ts --seeds 2 --accounts 100 --mixing 0,0.9 --honest 2000
 */
import { loadAssets } from '../src/cli/args';
import { simulate } from '../src/core/simulate';
import { chatConfig, option } from './chat-script-args';

const seeds = Number(option('--seeds') ?? 5);
const accountCounts = (option('--accounts') ?? '100,10000').split(',').map(Number);
const mixings = (option('--mixing') ?? '0,0.5,0.9').split(',').map(Number);
const honest = Number(option('--honest') ?? 200);
const minCluster = Number(option('--min-cluster') ?? 10);

/** "mean (min-max)" of values, as percentages with one decimal when `percent`. */
function stat(values: number[], percent: boolean): string {
  const f = (v: number) => (percent ? `${(v * 100).toFixed(1)}%` : v.toFixed(3));
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return `${f(mean)} (${f(Math.min(...values))}-${f(Math.max(...values))})`;
}

console.log(
  `campaign detection, seeds 1-${seeds}, 10,000 prompts over 7 days, ${honest} honest accounts, groups of ${minCluster}`,
);
console.log(
  'accounts  mixing  attacker flagged        honest flagged        answered before flag  capability        ms/run',
);
for (const accounts of accountCounts) {
  for (const mixing of mixings) {
    const attacker: number[] = [];
    const honestShare: number[] = [];
    const before: number[] = [];
    const capability: number[] = [];
    let ms = 0;
    for (let seed = 1; seed <= seeds; seed++) {
      const config = chatConfig({
        seed,
        'attack.accounts': accounts,
        'attack.queries': 10000,
        'attack.days': 7,
        'attack.mixing': mixing,
        'benign.accounts': honest,
        'defense.campaign.on': true,
        'defense.campaign.minCluster': minCluster,
      });
      const start = performance.now();
      const result = simulate(config, { assets: loadAssets(config) });
      ms += performance.now() - start;
      const c = result.campaign!;
      attacker.push(c.attackerAccountsFlagged);
      honestShare.push(result.defenseCost.falsePositives);
      before.push(c.answeredBeforeFlag);
      capability.push(result.student.accuracy);
    }
    console.log(
      [
        String(accounts).padEnd(8),
        String(mixing).padEnd(6),
        stat(attacker, true).padEnd(22),
        stat(honestShare, true).padEnd(21),
        String(Math.round(before.reduce((s, v) => s + v, 0) / seeds)).padEnd(21),
        stat(capability, false).padEnd(17),
        (ms / seeds).toFixed(0),
      ].join('  '),
    );
  }
}
