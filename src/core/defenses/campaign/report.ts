/**
 * What campaign detection reports (`result.campaign`, chat kind): types only, so the page can read
 * them without loading the detector. "Flagged" means banned from the next day on, as PRADA's
 * `detection.flaggedAccounts` (same word, same meaning: attacker accounts flagged and banned);
 * campaign detection has its own report because it looks across accounts, not within one.
 */

/**
 * A sample of account fingerprints projected on their first two principal components
 * (./projection.ts), for the cluster picture. Parallel arrays, one entry per sampled account.
 */
export interface CampaignProjection {
  /** first principal component of each sampled account */
  x: number[];
  /** second principal component */
  y: number[];
  /** 1 for an attacker account, 0 for an honest one (known to the lab, not to the owner) */
  attacker: number[];
  /** 1 when the account was flagged */
  flagged: number[];
  /** share of the fingerprints' variance along each axis */
  explained: [number, number];
  /** how many attacker and honest accounts the sample stands for */
  attackerAccounts: number;
  honestAccounts: number;
}

export interface CampaignReport {
  /** attacker accounts flagged (and banned) */
  flaggedAccounts: number;
  /** attacker accounts that sent at least one request */
  attackerAccounts: number;
  /** flaggedAccounts / attackerAccounts (0 when none sent anything) */
  attackerAccountsFlagged: number;
  /** honest accounts observed, and how many were flagged (their share is defenseCost.falsePositives) */
  honestAccounts: number;
  honestFlagged: number;
  /** groups of look-alike accounts flagged (attacker and honest) */
  groups: number;
  /** the attacker's prompts answered before the first of its accounts was flagged */
  answeredBeforeFlag: number;
  /** day (0-based) at whose end every attacker account was flagged; null: never stopped */
  stoppedAfterDay: number | null;
  /** attacker accounts and honest accounts flagged at the end of each day (cumulative) */
  flaggedByDay: number[];
  honestFlaggedByDay: number[];
  /** the attacker's cover prompts (attack.mixing): sent, paid for, not trained on */
  coverPrompts: number;
  /** the cluster picture */
  projection: CampaignProjection;
}
