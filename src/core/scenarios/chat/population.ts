/**
 * Who sends what, when: the traffic campaign detection sees (../../defenses/campaign/). A request
 * is (hour, wording, steps); `wording` numbers the phrasing around the task, which the lab's
 * language does not spell out (../../defenses/campaign/fingerprint.ts). All of these habits are
 * assumptions of the lab, chosen to be plain, not measured on real traffic.
 *
 * Honest users (benign.accounts of them), each with habits of their own:
 *   - a level: their daily volume is median * exp(spread * z_user + DAY_SPREAD * z_day)
 *     (benign.medianPerDay, benign.spread: the log-normal of the rate limit's honest users, with a
 *     per-user part, so heavy users stay heavy);
 *   - a chance ACTIVE_MIN..1 of being active on a given day;
 *   - a peak hour (uniform over the day: customers in every time zone), each request at
 *     peak + round(HOUR_SD * z) (mod 24);
 *   - a steps share: 2 * scenario.honestWantSteps * u (u uniform), capped at 1 (some ask for
 *     reasoning often, some never; the mean is the field's value up to 0.5);
 *   - wording: their own (one number per user) except for a share COMMON_SHARE of requests in a
 *     popular phrasing; a share COPY_PASTERS of users paste one favourite popular phrasing into
 *     COPY_PASTE_SHARE of their requests (these are the honest accounts a campaign detector can
 *     confuse with a campaign). Popular phrasings 1..COMMON_WORDINGS are skewed to the first:
 *     id = 1 + floor(COMMON_WORDINGS * u^2);
 *   - a share APP_USERS of users reach the model through one of APPS third-party apps (drawn
 *     uniformly), which sends APP_SHARE of their requests with the app's own template, in the
 *     app's own 3-hour batch window (APP_HOURS), the steps always (apps 0 and 1: tutoring apps)
 *     or never. Such users look like a small campaign: they are the honest accounts a campaign
 *     detector flags most (the false positives grow with the honest population).
 * The attacker: its extraction prompts all use one template (wording TEMPLATE_WORDING) and are sent
 * by its automation in one CAMPAIGN_WINDOW-hour window that starts at a seeded hour, the same for
 * every account (accounts act in step). Its cover prompts (attack.mixing) imitate an honest user:
 * a persona per account (a peak hour and a wording of its own, from a keyed hash of the account),
 * a popular phrasing in COMMON_SHARE of them, the steps as often as an honest user asks for them.
 */
import { exp } from '../../math/portable';
import { hashString, type Rng } from '../../rng';

export const TEMPLATE_WORDING = 0;
export const COMMON_WORDINGS = 20;
/** personal wordings: of the attacker's personas from here, of honest users from HONEST_WORDING */
export const PERSONA_WORDING = 1000000;
export const HONEST_WORDING = 3000000;
export const COMMON_SHARE = 0.2;
export const COPY_PASTERS = 0.1;
export const COPY_PASTE_SHARE = 0.8;
export const HOUR_SD = 2.5;
export const ACTIVE_MIN = 0.5;
export const DAY_SPREAD = 0.25;
export const CAMPAIGN_WINDOW = 3;
export const APP_USERS = 0.05;
export const APPS = 4;
export const APP_SHARE = 0.9;
/** the apps' templates: wordings APP_WORDING .. APP_WORDING + APPS - 1 */
export const APP_WORDING = COMMON_WORDINGS + 1;
/** first hour of each app's batch window */
export const APP_HOURS: readonly number[] = [2, 8, 14, 20];
/** apps whose template asks for the steps (tutoring apps) */
const STEPS_APPS = 2;

/** One request's traffic features. */
export interface TrafficRequest {
  hour: number;
  wording: number;
  steps: boolean;
}

export interface HonestHabit {
  /** log-normal z of the user's level */
  level: number;
  activeChance: number;
  peak: number;
  stepsShare: number;
  /** favourite popular phrasing of a copy-paster, or -1 */
  favourite: number;
  /** the third-party app the user goes through, or -1 */
  app: number;
}

/** A popular phrasing, skewed to the first: 1 + floor(COMMON_WORDINGS * u^2). */
export function popularWording(u: number): number {
  return 1 + Math.min(COMMON_WORDINGS - 1, Math.floor(COMMON_WORDINGS * u * u));
}

/** hour + offset, wrapped into 0..23. */
function wrapHour(hour: number): number {
  return ((hour % 24) + 24) % 24;
}

/** The habits of `accounts` honest users (see the header), drawn from `rng`. */
export function honestHabits(accounts: number, wantSteps: number, rng: Rng): HonestHabit[] {
  return Array.from({ length: accounts }, () => ({
    level: rng.normal(),
    activeChance: ACTIVE_MIN + (1 - ACTIVE_MIN) * rng.next(),
    peak: rng.int(24),
    stepsShare: Math.min(1, 2 * wantSteps * rng.next()),
    favourite: rng.next() < COPY_PASTERS ? popularWording(rng.next()) : -1,
    app: rng.next() < APP_USERS ? rng.int(APPS) : -1,
  }));
}

/**
 * Honest user `user`'s requests on one day (none when inactive), drawn from `rng`.
 * @param median benign.medianPerDay; @param spread benign.spread
 */
export function honestDay(
  habit: HonestHabit,
  user: number,
  median: number,
  spread: number,
  rng: Rng,
): TrafficRequest[] {
  if (!(rng.next() < habit.activeChance)) return [];
  const volume = Math.round(median * exp(spread * habit.level + DAY_SPREAD * rng.normal()));
  const requests: TrafficRequest[] = [];
  for (let r = 0; r < volume; r++) {
    if (habit.app >= 0 && rng.next() < APP_SHARE) {
      const hour = APP_HOURS[habit.app]! + rng.int(CAMPAIGN_WINDOW);
      requests.push({ hour, wording: APP_WORDING + habit.app, steps: habit.app < STEPS_APPS });
      continue;
    }
    const hour = wrapHour(habit.peak + Math.round(HOUR_SD * rng.normal()));
    const u = rng.next();
    const wording =
      habit.favourite >= 0 && u < COPY_PASTE_SHARE
        ? habit.favourite
        : u < COMMON_SHARE
          ? popularWording(rng.next())
          : HONEST_WORDING + user;
    requests.push({ hour, wording, steps: rng.next() < habit.stepsShare });
  }
  return requests;
}

/** The attacker's campaign hours: the first hour of its window, drawn once per run. */
export function campaignStart(rng: Rng): number {
  return rng.int(24);
}

/** An extraction request's features: the template, an hour in the window. */
export function extractionRequest(start: number, steps: boolean, rng: Rng): TrafficRequest {
  return { hour: wrapHour(start + rng.int(CAMPAIGN_WINDOW)), wording: TEMPLATE_WORDING, steps };
}

/**
 * A cover request's features for attacker account `account`: its persona's peak hour and wording
 * (from a keyed hash of the account, so 100,000 accounts need no table), a popular phrasing in
 * COMMON_SHARE of them.
 */
export function coverRequest(
  account: number,
  key: number,
  steps: boolean,
  rng: Rng,
): TrafficRequest {
  const peak = hashString(`persona:${account}`, key) % 24;
  const hour = wrapHour(peak + Math.round(HOUR_SD * rng.normal()));
  const wording =
    rng.next() < COMMON_SHARE ? popularWording(rng.next()) : PERSONA_WORDING + account;
  return { hour, wording, steps };
}
