/**
 * Campaign detection (metadata; chat kind only): the owner fingerprints every account from its
 * traffic (the wording its prompts share with other accounts, when in the day it is active, how
 * much it asks, how often it asks for the steps, on how many days) and, at the end of each day,
 * flags groups of accounts that look alike; flagged accounts are banned from then on. REFERENCE.md,
 * "The chat scenario": the provider that reported the 2026 campaigns (~24,000 fraudulent accounts,
 * AML.CS0056) described classifiers and behavioural fingerprinting that find coordinated activity
 * across accounts (shared templates, timing, infrastructure). How: ./fingerprint.ts and
 * ./cluster.ts. Honest users pay when they are flagged: `defenseCost.falsePositives`.
 *
 * Measured (scripts/campaign-numbers.ts: seeds 1-5, 10,000 prompts over 7 days, groups of 10):
 * 100 accounts are flagged at 100% without cover traffic, 88% at attack.mixing 0.5 and 0% at 0.9;
 * 10,000 accounts (one prompt each) at 100%, 53% and 19%. Honest accounts flagged: 0 of 200, and
 * 1.1% (0-2.3%) of 2,000. Where it departs from a provider's system: the wording of a prompt is a
 * number (the lab's language has no phrasing), there is no network "infrastructure" feature, and
 * the grouping is one level of grid density, not a trained classifier.
 */
import { setPath } from '../../config/paths';
import { switchedKnob } from '../../registry/knobs';
import type { DefenseMeta } from '../../registry/types';
import type { CampaignReport } from './report';

declare module '../../types' {
  interface DefenseReports {
    /** campaign detection's record (chat kind; null when it is off) */
    campaign: CampaignReport | null;
  }
}

declare module '../../config/schema' {
  interface DefenseSections {
    campaign: {
      /** fingerprint accounts and ban groups that look alike */
      on: boolean;
      /** smallest group of look-alike accounts that is flagged */
      minCluster: number;
    };
  }
}

/** The knob's range: a group of 2 is the strictest; 1,000 lets all but the largest through. */
export const MIN_CLUSTER_MIN = 2;
export const MIN_CLUSTER_MAX = 1000;

export const campaignMeta: DefenseMeta = {
  id: 'campaign',
  name: 'Campaign detection',
  summary:
    'Fingerprints every account from its traffic and bans groups of accounts that look alike.',
  fields: [
    {
      path: 'defense.campaign.on',
      key: 'cg',
      kind: 'bool',
      default: false,
      label: 'Campaign detection',
      help: 'At the end of each day the owner groups accounts whose traffic looks alike (a shared wording, the same hours, volume and habits) and bans every group that is large enough. Honest users who happen to look alike are banned too.',
      kinds: ['chat'],
    },
    {
      path: 'defense.campaign.minCluster',
      key: 'cm',
      kind: 'int',
      min: MIN_CLUSTER_MIN,
      max: MIN_CLUSTER_MAX,
      default: 10,
      label: 'Smallest group banned',
      unit: 'accounts',
      help: 'A group of look-alike accounts is banned when it has at least this many. Smaller is stricter: it catches smaller campaigns and more honest users who resemble each other.',
      control: { scale: 'log', sliderMax: 200 },
      kinds: ['chat'],
    },
  ],
  switchPath: 'defense.campaign.on',
  stage: 'gate',
  // after the rate limit (10): a ban refuses the request whatever the limit says
  order: 12,
  isOn: (config) => config.scenario.kind === 'chat' && config.defense.campaign.on,
  disable: (config) => setPath(config, 'defense.campaign.on', false),
  visibleFields: () => ['defense.campaign.minCluster'],
  knobs: [
    switchedKnob({
      path: 'defense.campaign.minCluster',
      switchPath: 'defense.campaign.on',
      label: 'Campaign detection',
      defense: 'campaign',
      levels: ['off', 200, 100, 50, 20, 10, 5, 3],
      unit: 'group',
      format: (size) => `groups of ${size}+`,
      kinds: ['chat'],
    }),
  ],
  costs: ['falsePositives'],
  cards: () => ['campaignDetection'],
  kinds: ['chat'],
};
