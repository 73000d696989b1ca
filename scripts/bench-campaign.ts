/**
 * The campaign-detection rows of `npm run bench` (issue 13, part 2): a chat run with 10,000
 * attacker accounts and campaign detection on (10,000 task prompts over 7 days, 200 honest
 * accounts), and the detection alone on the same traffic (the owner's ledger of 10,200 accounts,
 * 7 daily groupings, the cluster picture) without the teacher, the student or the honest runs.
 */
import type { Config } from '../src/core/config';
import { setPath } from '../src/core/config';
import { createRng } from '../src/core/rng';
import { CampaignWatch } from '../src/core/scenarios/chat/campaignWatch';
import { taskPrompts } from '../src/core/scenarios/chat/prompts';
import { planQuery } from '../src/core/schedule';
import { simulate } from '../src/core/simulate';
import { time, type Row } from './bench-row';

/** The config of the rows: `chat` with 10,000 accounts, 10,000 prompts, 7 days, detection on. */
export function campaignBenchConfig(chat: Config): Config {
  let config = chat;
  for (const [path, value] of Object.entries({
    'attack.accounts': 10000,
    'attack.queries': 10000,
    'attack.days': 7,
    'defense.campaign.on': true,
  })) {
    config = setPath(config, path, value);
  }
  return config;
}

/** The rows (see the header). @param chat the default chat config; @param assets its teacher */
export function campaignRows(chat: Config, assets: ReadonlyMap<string, ArrayBuffer>): Row[] {
  const config = campaignBenchConfig(chat);
  let flagged = 0;
  const run = time(
    () => {
      flagged = simulate(config, { assets }).campaign!.attackerAccountsFlagged;
    },
    3,
    0,
  );
  const prompts = taskPrompts(4, config.attack.queries, createRng(1));
  let groups = 0;
  const alone = time(
    () => {
      const watch = new CampaignWatch(config, () => undefined, createRng(2));
      prompts.forEach((prompt, i) => {
        const plan = planQuery(i, prompts.length, config.attack.accounts, config.attack.days);
        watch.reach(plan.day);
        watch.answer(plan.account, plan.day, prompt, false);
      });
      watch.finish();
      groups = watch.report(0).groups;
    },
    5,
    1,
  );
  return [
    {
      name: 'chat: 10,000 accounts, 10,000 prompts, 7 days, campaign detection on (whole run)',
      median: run,
      unit: 'ms',
      goal: '<= 10000 ms',
      ok: run <= 10_000,
      note: `attacker accounts flagged ${(flagged * 100).toFixed(0)}%`,
    },
    {
      name: 'chat: campaign detection alone (10,200 accounts, 7 daily groupings, the picture)',
      median: alone,
      unit: 'ms',
      goal: '',
      ok: null,
      note: `${groups} groups flagged`,
    },
  ];
}
