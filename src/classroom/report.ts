/**
 * The one-page report of a run: the settings that differ from the defaults, the key numbers (and
 * run A's beside them when one is pinned) and the share link. Pure data; Report.svelte lays it out
 * and the page's print CSS fits it on one page.
 */
import { HONEST_COST_WORDS } from '../core/registry/costWords';
import { FIELDS, formatFieldText, getPath, type FieldValue } from '../core/config';
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
  value: string;
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

function fieldText(path: string, value: unknown): string {
  const spec = FIELDS.find((f) => f.path === path);
  if (!spec) return String(value);
  const text = formatFieldText(spec, value as FieldValue);
  return spec.unit ? `${text} ${spec.unit}` : text;
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
        ? `${formatCount(r.detection.flaggedAccounts)}${r.detection.firstAlarmAtQuery !== null ? `, first at query ${formatCount(r.detection.firstAlarmAtQuery + 1)}` : ''}`
        : 'off',
  ],
];

export function buildReport(
  result: SimulationResult,
  pinned: SimulationResult | null,
  shareLink: string,
): RunReport {
  const changed: ReportSetting[] = [];
  for (const spec of FIELDS) {
    const value = getPath(result.config, spec.path);
    const same = Array.isArray(value)
      ? Array.isArray(spec.default) && value.join('x') === spec.default.join('x')
      : value === spec.default;
    if (!same)
      changed.push({
        path: spec.path,
        label: spec.label,
        value: fieldText(spec.path, value),
        default: fieldText(spec.path, spec.default),
      });
  }
  const numbers = MEASURES.map(([label, measure]) => ({
    label,
    value: measure(result),
    pinned: pinned ? measure(pinned) : null,
  }));
  return { changed, numbers, shareLink };
}
