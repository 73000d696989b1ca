/**
 * Detection at run time: a PRADA detector (./prada.ts) observes every answered query of the
 * attacker's accounts (an alarm bans the account); on honest traffic, the complete traffic of the
 * first BENIGN_DETECTION_ACCOUNTS honest accounts goes through a detector of the same settings,
 * and the share flagged is the false-positive cost.
 */
import { predictLabels } from '../../models/evaluate';
import type { DefenseRuntime, HonestSetup } from '../../registry/runtime-types';
import { permutation, type Rng } from '../../rng';
import type { AccountSeries, WSeries } from '../../types';
import { detectionMeta } from './meta';
import { PradaDetector } from './prada';

import { BENIGN_DETECTION_ACCOUNTS, BENIGN_DETECTION_CAP } from '../../runSizes';

export { BENIGN_DETECTION_ACCOUNTS, BENIGN_DETECTION_CAP };
/** The attacker's first account, whose W series the report keeps as `attackerSeries`. */
const FIRST_ATTACKER_ACCOUNT = 0;
/**
 * Most attacker accounts whose W series a result carries (banned ones first): enough for every
 * alarm of a realistic run to be drawn, few enough that 100,000 accounts do not bloat a result.
 */
export const MAX_CHARTED_ACCOUNTS = 100;

const EMPTY_SERIES: WSeries = { queries: [], w: [], alarmAt: null };

interface HonestDetection {
  flagged: number;
  tested: number;
  series: WSeries;
}

interface DetectionStage {
  detector: PradaDetector;
  observe(account: number, inputs: Float64Array, offset: number, cleanLabel: number): boolean;
}

export const detection: DefenseRuntime = {
  id: 'detection',
  meta: detectionMeta,
  stage({ config, dims }): DetectionStage {
    const { delta, minQueries } = config.defense.detection;
    const detector = new PradaDetector({
      delta,
      minQueries,
      dims,
      // every attacker account is recorded (a test's W costs two numbers; at most one test a query)
      recordAccounts: Array.from({ length: config.attack.accounts }, (_, account) => account),
    });
    return {
      detector,
      observe: (account, inputs, offset, cleanLabel) =>
        detector.observe(account, inputs, offset, cleanLabel).alarm,
    };
  },
  honest(setup, _stage, rng) {
    const detail = runHonestDetection(setup, rng);
    const sampled = Math.min(setup.config.benign.accounts, BENIGN_DETECTION_ACCOUNTS);
    return { falsePositives: detail.flagged / sampled, detail };
  },
  report: {
    key: 'detection',
    build({ stage, bannedCount, alarms, honest, config, log }) {
      const { detector } = stage as DetectionStage;
      const benign = honest.detail as HonestDetection;
      return {
        flaggedAccounts: bannedCount,
        firstAlarmAtQuery: alarms[0] ?? null,
        benignFlagged: benign.flagged,
        benignTested: benign.tested,
        attackerSeries: detector.series(FIRST_ATTACKER_ACCOUNT) ?? EMPTY_SERIES,
        ...chartedAccounts(
          detector,
          config.attack.accounts,
          alarms.map((i) => log.account[i] ?? -1),
        ),
        benignSeries: benign.series,
      };
    },
  },
};

/**
 * The attacker accounts to chart: every tested account's series, banned ones first in the order
 * of their alarms (`alarmAccounts`: the account of each alarm, earliest first), then the others
 * by number, cut at MAX_CHARTED_ACCOUNTS; and how many were tested.
 */
function chartedAccounts(
  detector: PradaDetector,
  accounts: number,
  alarmAccounts: readonly number[],
): { attackerAccounts: AccountSeries[]; attackerTested: number } {
  const tested: AccountSeries[] = [];
  for (let account = 0; account < accounts; account++) {
    const series = detector.series(account);
    if (series && series.queries.length > 0) tested.push({ account, ...series });
  }
  const rank = (s: AccountSeries) => {
    const at = alarmAccounts.indexOf(s.account);
    return at < 0 ? alarmAccounts.length : at;
  };
  const banned = tested.filter((s) => s.alarmAt !== null).sort((a, b) => rank(a) - rank(b));
  const others = tested.filter((s) => s.alarmAt === null);
  return {
    attackerAccounts: [...banned, ...others].slice(0, MAX_CHARTED_ACCOUNTS),
    attackerTested: tested.length,
  };
}

/** Honest accounts' full traffic through a PRADA detector of the owner's settings. */
function runHonestDetection(setup: HonestSetup, rng: Rng): HonestDetection {
  const { config, victim, volumes, dims } = setup;
  const { delta, minQueries } = config.defense.detection;
  const accounts = Math.min(volumes.length, BENIGN_DETECTION_ACCOUNTS);
  const totals = volumes.slice(0, accounts).map((days) =>
    Math.min(
      BENIGN_DETECTION_CAP,
      days.reduce((a, b) => a + b, 0),
    ),
  );
  // Chart the busiest sampled account: the one most likely to be tested often.
  const busiest = totals.reduce((best, total, a) => (total > totals[best]! ? a : best), 0);
  const detector = new PradaDetector({ delta, minQueries, dims, recordAccounts: [busiest] });
  let flagged = 0;
  let tested = 0;
  for (let a = 0; a < accounts; a++) {
    const total = totals[a]!;
    const queries = setup.sample(total, rng.fork(`account:${a}`));
    // The victim labels the account's queries in one batch; PRADA sees them in a random order.
    const labels = predictLabels(victim, queries.inputs, total);
    const order = permutation(rng.fork(`order:${a}`), total);
    for (const row of order) {
      detector.observe(a, queries.inputs, row * dims, labels[row]!);
      if (detector.isFlagged(a)) break;
    }
    if (detector.isFlagged(a)) flagged++;
    if (total >= minQueries) tested++;
  }
  return { flagged, tested, series: detector.series(busiest) ?? EMPTY_SERIES };
}
