/**
 * Campaign detection during a chat run (`defense.campaign.on`): the owner's view of all traffic.
 * Accounts 0 .. A-1 are the attacker's, A .. A+H-1 the honest users' (benign.accounts); the owner
 * does not know which is which. The session reports each answered attacker request; honest users
 * send their day's traffic (./population.ts) when the day ends. At the end of each day of the
 * attack (attack.days) the detector groups all accounts (../../defenses/campaign/cluster.ts) and
 * bans every newly flagged one from the next day on: the attacker's through the API (its later
 * requests are refused; the session moves them to its next unbanned account), an honest user's by
 * no longer sending. So the attacker gets the prompts of at least one day answered before it is
 * stopped. Honest accounts flagged over the attack's days are the false positives.
 */
import type { Config } from '../../config/schema';
import { flagGroups } from '../../defenses/campaign/cluster';
import { AccountTraffic } from '../../defenses/campaign/fingerprint';
import { projectFingerprints } from '../../defenses/campaign/projection';
import type { CampaignReport } from '../../defenses/campaign/report';
import type { Rng } from '../../rng';
import {
  campaignStart,
  coverRequest,
  extractionRequest,
  honestDay,
  honestHabits,
  type HonestHabit,
} from './population';
import { TOKEN } from './vocab';

export class CampaignWatch {
  private readonly config: Config;
  private readonly attackers: number;
  private readonly traffic: AccountTraffic;
  private readonly habits: HonestHabit[];
  private readonly flagged: Uint8Array;
  private readonly ban: (account: number) => void;
  private readonly start: number;
  private readonly personaKey: number;
  private readonly requestRng: Rng;
  private readonly honestRng: Rng;
  private daysDone = 0;
  private answered = 0;
  private answeredBeforeFlag: number | null = null;
  private stoppedAfterDay: number | null = null;
  private groups = 0;
  private readonly flaggedByDay: number[] = [];
  private readonly honestFlaggedByDay: number[] = [];

  /**
   * @param config the run's config (attack.accounts, attack.days, benign.*, defense.campaign)
   * @param ban bans an attacker account in the API
   * @param rng the watch's stream (forked for the campaign's hours, the honest users, ...)
   */
  constructor(config: Config, ban: (account: number) => void, rng: Rng) {
    this.config = config;
    this.attackers = config.attack.accounts;
    const honest = config.benign.accounts;
    this.traffic = new AccountTraffic(this.attackers + honest);
    this.flagged = new Uint8Array(this.attackers + honest);
    this.habits = honestHabits(honest, config.scenario.honestWantSteps, rng.fork('habits'));
    this.ban = ban;
    this.start = campaignStart(rng.fork('campaign-start'));
    this.personaKey = rng.fork('personas').int(0x7fffffff);
    this.requestRng = rng.fork('requests');
    this.honestRng = rng.fork('honest-traffic');
  }

  /** An answered attacker request: its prompt, and whether it was cover traffic. */
  answer(account: number, day: number, prompt: readonly number[], cover: boolean): void {
    const steps = prompt.includes(TOKEN.steps);
    const r = cover
      ? coverRequest(account, this.personaKey, steps, this.requestRng)
      : extractionRequest(this.start, steps, this.requestRng);
    this.answered++;
    this.traffic.record(account, day, r.hour, r.wording, r.steps);
  }

  /** Ends every day before `day` not ended yet (the honest traffic, then the detection). */
  reach(day: number): void {
    while (this.daysDone < Math.min(day, this.config.attack.days)) this.endDay(this.daysDone);
  }

  /** Ends the remaining days of the attack. */
  finish(): void {
    this.reach(this.config.attack.days);
  }

  private endDay(day: number): void {
    const { benign, defense } = this.config;
    this.habits.forEach((habit, user) => {
      const account = this.attackers + user;
      if (this.flagged[account]) return;
      const rng = this.honestRng.fork(`${user}:${day}`);
      for (const r of honestDay(habit, user, benign.medianPerDay, benign.spread, rng)) {
        this.traffic.record(account, day, r.hour, r.wording, r.steps);
      }
    });
    const fp = this.traffic.fingerprints(day + 1);
    const result = flagGroups(fp, defense.campaign.minCluster);
    this.groups = result.groups;
    for (let a = 0; a < this.flagged.length; a++) {
      if (!result.flagged[a] || this.flagged[a]) continue;
      this.flagged[a] = 1;
      if (a < this.attackers) {
        this.ban(a);
        this.answeredBeforeFlag ??= this.answered;
      }
    }
    const { attacker, honest, attackerActive } = this.counts(fp.requests);
    this.flaggedByDay.push(attacker);
    this.honestFlaggedByDay.push(honest);
    if (this.stoppedAfterDay === null && attackerActive > 0 && attacker === attackerActive) {
      this.stoppedAfterDay = day;
    }
    this.daysDone = day + 1;
  }

  /** Flagged attacker and honest accounts, and attacker accounts that sent anything. */
  private counts(requests: Uint32Array) {
    let attacker = 0;
    let honest = 0;
    let attackerActive = 0;
    for (let a = 0; a < this.flagged.length; a++) {
      if (a < this.attackers) {
        if (requests[a]! > 0) attackerActive++;
        if (this.flagged[a]) attacker++;
      } else if (this.flagged[a]) honest++;
    }
    return { attacker, honest, attackerActive };
  }

  /** Share of honest accounts flagged: the false-positive cost. */
  get falsePositives(): number {
    const honest = this.config.benign.accounts;
    return honest > 0 ? (this.honestFlaggedByDay.at(-1) ?? 0) / honest : 0;
  }

  /**
   * The report (call after finish()).
   * @param coverPrompts the attacker's cover prompts sent (the session counts them)
   */
  report(coverPrompts: number): CampaignReport {
    const fp = this.traffic.fingerprints(Math.max(1, this.daysDone));
    const { attacker, honest, attackerActive } = this.counts(fp.requests);
    return {
      flaggedAccounts: attacker,
      attackerAccounts: attackerActive,
      attackerAccountsFlagged: attackerActive > 0 ? attacker / attackerActive : 0,
      honestAccounts: this.config.benign.accounts,
      honestFlagged: honest,
      groups: this.groups,
      answeredBeforeFlag: this.answeredBeforeFlag ?? this.answered,
      stoppedAfterDay: this.stoppedAfterDay,
      flaggedByDay: this.flaggedByDay,
      honestFlaggedByDay: this.honestFlaggedByDay,
      coverPrompts,
      projection: projectFingerprints(fp, (a) => a < this.attackers, this.flagged),
    };
  }
}
