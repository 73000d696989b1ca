/**
 * Detection at run time: a PRADA detector (./prada.ts) observes every answered query of the
 * attacker's accounts (an alarm bans the account); on honest traffic, the complete traffic of the
 * first BENIGN_DETECTION_ACCOUNTS honest accounts goes through a detector of the same settings,
 * and the share flagged is the false-positive cost.
 */
import { predictLabels } from '../../models/evaluate';
import type { DefenseRuntime, HonestSetup } from '../../registry/runtime-types';
import { permutation, type Rng } from '../../rng';
import type { WSeries } from '../../types';
import { detectionMeta } from './meta';
import { PradaDetector } from './prada';

import { BENIGN_DETECTION_ACCOUNTS, BENIGN_DETECTION_CAP } from '../../runSizes';

export { BENIGN_DETECTION_ACCOUNTS, BENIGN_DETECTION_CAP };
/** The attacker's account whose W series the timeline charts. */
const CHARTED_ATTACKER_ACCOUNT = 0;

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
      recordAccounts: [CHARTED_ATTACKER_ACCOUNT],
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
    build({ stage, bannedCount, alarms, honest }) {
      const { detector } = stage as DetectionStage;
      const benign = honest.detail as HonestDetection;
      return {
        flaggedAccounts: bannedCount,
        firstAlarmAtQuery: alarms[0] ?? null,
        benignFlagged: benign.flagged,
        benignTested: benign.tested,
        attackerSeries: detector.series(CHARTED_ATTACKER_ACCOUNT) ?? EMPTY_SERIES,
        benignSeries: benign.series,
      };
    },
  },
};

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
