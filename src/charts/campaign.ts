/**
 * Words and extents for the cluster picture of campaign detection (components/chat/CampaignClusters):
 * the sentence that says what the run shows, the data box of the projected fingerprints, and the
 * counts of the summary table. Plain functions over the report, tested without a DOM.
 */
import type { CampaignReport } from '../core/defenses/campaign/report';
import { formatCount, formatPercent } from './format';

/** What the run shows, in one or two sentences. */
export function campaignSentence(report: CampaignReport): string {
  const attacker = `${formatCount(report.flaggedAccounts)} of the attacker's ${formatCount(report.attackerAccounts)} accounts flagged (${formatPercent(report.attackerAccountsFlagged)})`;
  const honestShare = report.honestAccounts > 0 ? report.honestFlagged / report.honestAccounts : 0;
  const honest = `${formatCount(report.honestFlagged)} of ${formatCount(report.honestAccounts)} honest accounts (${formatPercent(honestShare, 1)})`;
  const stop =
    report.stoppedAfterDay === null
      ? 'The campaign was not stopped.'
      : `Every account it used was banned after day ${report.stoppedAfterDay + 1}.`;
  const before =
    report.flaggedAccounts > 0
      ? `It got ${formatCount(report.answeredBeforeFlag)} prompts answered before its first account was flagged.`
      : '';
  return [`${attacker}; ${honest}.`, before, stop].filter((s) => s !== '').join(' ');
}

/** A symmetric padded extent [lo, hi] of the values (a unit box when there are none). */
export function paddedExtent(values: readonly number[], pad = 0.08): [number, number] {
  if (values.length === 0) return [-1, 1];
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const span = hi - lo || 1;
  return [lo - span * pad, hi + span * pad];
}

/** Sampled points by side and flag: [attacker flagged, attacker not, honest flagged, honest not]. */
export function projectionCounts(
  p: CampaignReport['projection'],
): [number, number, number, number] {
  const counts: [number, number, number, number] = [0, 0, 0, 0];
  p.attacker.forEach((isAttacker, i) => {
    const slot = (isAttacker ? 0 : 2) + (p.flagged[i] ? 0 : 1);
    counts[slot]! += 1;
  });
  return counts;
}
