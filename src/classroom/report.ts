/**
 * The printable report of a run: the settings that differ from the defaults (run A's beside them
 * when one is pinned), the key numbers (A beside B) and the share link. Values are written as the
 * page's controls show them (settingsText.ts: "Label only", "on"), never as raw config values.
 * Pure data; Report.svelte lays it out.
 */
import { HONEST_COST_WORDS } from '../core/registry/costWords';
import { FIELDS, getPath } from '../core/config';
import { settingValueText } from './settingsText';
import { firstAlarm, firstAlarmText } from '../charts/detection';
import type { SimulationResult } from '../core/types';
import {
  formatCount,
  formatPercent,
  formatPoints,
  formatPValue,
  formatUSD,
} from '../charts/format';

export interface ReportSetting {
  path: string;
  label: string;
  /** run B, the current run */
  value: string;
  /** run A, when pinned */
  pinned: string | null;
  default: string;
}

export interface ReportNumber {
  label: string;
  /** run B, the current run */
  value: string;
  /** run A, when pinned */
  pinned: string | null;
}

export interface RunReport {
  /** settings that differ from their defaults (everything else is at its default) */
  changed: ReportSetting[];
  numbers: ReportNumber[];
  shareLink: string;
}

/** ", first at query 476 of all the attacker's queries (account 4's 48th)", or ''. */
function alarmText(r: SimulationResult): string {
  const alarm = firstAlarm(r);
  return alarm ? `, first at ${firstAlarmText(alarm, r.attacker.accountsUsed)}` : '';
}

type Measure = [string, (r: SimulationResult) => string];

const MEASURES: readonly Measure[] = [
  ['Victim accuracy (held-out)', (r) => formatPercent(r.victim.accuracy, 1)],
  ['Student fidelity (held-out)', (r) => formatPercent(r.student.fidelity, 1)],
  ['Student fidelity (uniform inputs)', (r) => formatPercent(r.student.fidelityUniform, 1)],
  ['Student accuracy', (r) => formatPercent(r.student.accuracy, 1)],
  [
    'Queries answered / sent',
    (r) => `${formatCount(r.attacker.queriesAnswered)} / ${formatCount(r.attacker.queriesAsked)}`,
  ],
  [
    'Accounts used / banned',
    (r) => `${formatCount(r.attacker.accountsUsed)} / ${formatCount(r.attacker.accountsBanned)}`,
  ],
  ["Attacker's cost", (r) => formatUSD(r.attacker.costUSD)],
  ['Honest users: accuracy drop', (r) => formatPoints(r.defenseCost.benignAccuracyDrop)],
  ['Honest users: output distortion (L1)', (r) => r.defenseCost.distortion.toFixed(3)],
  [HONEST_COST_WORDS.benignBlocked.name, (r) => formatPercent(r.defenseCost.benignBlocked, 1)],
  ['Honest users flagged by detection', (r) => formatPercent(r.defenseCost.falsePositives, 1)],
  [
    'Watermark: ownership of the copy',
    (r) =>
      r.watermark
        ? `${r.watermark.shown ? 'shown' : 'not shown'} (${formatPValue(r.watermark.pValue)}); control ${r.watermark.controlAccused ? 'accused' : 'not accused'} (${formatPValue(r.watermark.controlPValue)})`
        : 'off',
  ],
  [
    'Detection: attacker accounts flagged',
    (r) =>
      r.detection
        ? `${formatCount(r.detection.flaggedAccounts)} of ${formatCount(r.attacker.accountsUsed)}${alarmText(r)}`
        : 'off',
  ],
  [
    'Campaign detection: accounts flagged (attacker; honest)',
    (r) =>
      r.campaign
        ? `${formatCount(r.campaign.flaggedAccounts)} of ${formatCount(r.campaign.attackerAccounts)}; ${formatCount(r.campaign.honestFlagged)} of ${formatCount(r.campaign.honestAccounts)}`
        : 'off',
  ],
];

/**
 * The report of `result` (and of run A, `pinned`, beside it).
 * @param result the current run (B when one is pinned)
 * @param pinned run A, or null
 * @param shareLink the link that reopens the current run
 */
export function buildReport(
  result: SimulationResult,
  pinned: SimulationResult | null,
  shareLink: string,
): RunReport {
  const changed: ReportSetting[] = [];
  const kind = result.config.scenario.kind;
  for (const spec of FIELDS) {
    if (spec.kinds && !spec.kinds.includes(kind) && pinned?.config.scenario.kind !== kind) continue;
    const text = (config: SimulationResult['config']) =>
      settingValueText(spec, getPath(config, spec.path));
    const fallback = settingValueText(spec, spec.default);
    const value = text(result.config);
    const pinnedValue = pinned ? text(pinned.config) : null;
    if (value !== fallback || (pinnedValue !== null && pinnedValue !== fallback))
      changed.push({
        path: spec.path,
        label: spec.label,
        value,
        pinned: pinnedValue,
        default: fallback,
      });
  }
  const numbers = MEASURES.map(([label, measure]) => ({
    label,
    value: measure(result),
    pinned: pinned ? measure(pinned) : null,
  }));
  return { changed, numbers, shareLink };
}
