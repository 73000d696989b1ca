/**
 * The words for what a defense costs honest users (REFERENCE.md, "Defense cost"), in one place,
 * so the ledger, the scoreboard, the cost badges, the frontier, the report and the lessons call
 * each cost by the same name.
 *
 * The rate limit's cost is the share of honest accounts whose own daily use went over the limit on
 * at least one simulated day (src/core/defenses/rateLimit/limits.ts, `shareBlocked`). Those users
 * are not shut out: their extra queries that day are refused. So it is called "hit the daily
 * limit" everywhere a person reads it, never by a word that says they were shut out (a test scans
 * the page's text sources for the banned synonyms: test/classroom/words.test.ts).
 */
import type { HonestCost } from './types';

export interface HonestCostWords {
  /** the full name, as a ledger row or an axis says it */
  name: string;
  /** after a number on the scoreboard or a badge: "12% hit the daily limit" */
  short: string;
  /** one plain sentence: what is counted */
  means: string;
}

export const HONEST_COST_WORDS: Readonly<Record<HonestCost, HonestCostWords>> = {
  accuracyDrop: {
    name: 'Honest users’ accuracy drop',
    short: 'accuracy',
    means: 'Points of top-1 accuracy honest users lose because the answers were changed.',
  },
  distortion: {
    name: 'Answer distortion (mean L1 distance, 0 to 2)',
    short: 'distortion',
    means:
      'How far the served probabilities are from the clean ones, on average (0 = unchanged, 2 = opposite).',
  },
  benignBlocked: {
    name: 'Honest accounts that hit the daily limit',
    short: 'hit the daily limit',
    means:
      'Share of honest accounts whose own use went over the daily limit on at least one simulated day (their extra queries that day were refused).',
  },
  falsePositives: {
    name: 'Honest accounts wrongly flagged',
    short: 'flagged',
    means: 'Share of honest accounts the detector wrongly flags as attackers (and bans).',
  },
  stepsDenied: {
    name: 'Honest requests denied the steps',
    short: 'denied the steps',
    means:
      "Share of honest requests that asked to see the model's reasoning steps and did not get them.",
  },
};
