/**
 * The ledger's rows: what the attacker spent and got, what the copy is worth, what honest users
 * paid for the defenses, and the watermark and detection verdicts, each as words with units.
 * One table drives both the single-run and the A/B ledger.
 */
import { firstAlarm, ordinal } from './detection';
import { HONEST_COST_WORDS } from '../core/registry/costWords';
import type { SimulationResult } from '../core/types';
import {
  formatCount,
  formatDistortion,
  formatPercent,
  formatPoints,
  formatPValue,
  formatUSD,
} from './format';

export interface LedgerRow {
  /** row label, with the unit where the value does not carry one */
  label: string;
  /** the glossary entry that explains the label's technical word (src/classroom/glossary.ts) */
  term?: string;
  /** the value in words for one run */
  value: (result: SimulationResult) => string;
  /** a verdict row: 'good' for the owner (ownership shown), 'bad' (control accused), else neutral */
  tone?: (result: SimulationResult) => 'good' | 'bad' | 'neutral';
}

export interface LedgerSection {
  title: string;
  rows: LedgerRow[];
}

const watermarkVerdict = (r: SimulationResult): string => {
  if (!r.watermark) return 'watermark off';
  const verdict = r.watermark.shown ? 'ownership shown' : 'ownership not shown';
  return `${formatPValue(r.watermark.pValue)}: ${verdict}`;
};

const controlVerdict = (r: SimulationResult): string => {
  if (!r.watermark) return 'watermark off';
  const verdict = r.watermark.controlAccused ? 'wrongly accused' : 'not accused';
  return `${formatPValue(r.watermark.controlPValue)}: ${verdict}`;
};

const ATTACKER: LedgerSection = {
  title: 'The attacker',
  rows: [
    { label: 'Queries asked', value: (r) => formatCount(r.attacker.queriesAsked) },
    {
      label: 'Queries answered',
      value: (r) =>
        r.attacker.answerCap === null
          ? formatCount(r.attacker.queriesAnswered)
          : `${formatCount(r.attacker.queriesAnswered)} (cap ${formatCount(r.attacker.answerCap)})`,
    },
    { label: 'Queries denied', value: (r) => formatCount(r.attacker.queriesDenied) },
    {
      label: 'Accounts used / banned',
      value: (r) =>
        `${formatCount(r.attacker.accountsUsed)} / ${formatCount(r.attacker.accountsBanned)}`,
    },
    {
      label: 'Days',
      value: (r) => `${formatCount(r.attacker.days)} day${r.attacker.days === 1 ? '' : 's'}`,
    },
    { label: 'Money spent', value: (r) => formatUSD(r.attacker.costUSD) },
  ],
};

const COPY: LedgerSection = {
  title: 'The stolen copy',
  rows: [
    {
      label: 'Fidelity (agrees with victim, held-out inputs)',
      term: 'fidelity',
      value: (r) => formatPercent(r.student.fidelity, 1),
    },
    {
      label: 'Fidelity on uniform inputs',
      term: 'uniform',
      value: (r) => formatPercent(r.student.fidelityUniform, 1),
    },
    {
      label: 'Copy’s accuracy',
      term: 'accuracy',
      value: (r) => formatPercent(r.student.accuracy, 1),
    },
    { label: 'Victim’s accuracy', value: (r) => formatPercent(r.victim.accuracy, 1) },
  ],
};

const HONEST: LedgerSection = {
  title: 'What honest users pay',
  rows: [
    {
      label: HONEST_COST_WORDS.accuracyDrop.name,
      term: 'accuracy-drop',
      value: (r) => formatPoints(r.defenseCost.benignAccuracyDrop),
    },
    {
      label: HONEST_COST_WORDS.distortion.name,
      term: 'l1-distortion',
      value: (r) => formatDistortion(r.defenseCost.distortion),
    },
    {
      label: HONEST_COST_WORDS.benignBlocked.name,
      term: 'hit-the-limit',
      value: (r) => formatPercent(r.defenseCost.benignBlocked, 1),
    },
    {
      label: HONEST_COST_WORDS.falsePositives.name,
      term: 'flagged',
      value: (r) => formatPercent(r.defenseCost.falsePositives, 1),
    },
  ],
};

const WATERMARK: LedgerSection = {
  title: 'Watermark (ownership test)',
  rows: [
    {
      label: 'Stolen copy',
      term: 'p-value',
      value: watermarkVerdict,
      tone: (r) => (r.watermark ? (r.watermark.shown ? 'good' : 'neutral') : 'neutral'),
    },
    {
      label: 'Independent control model',
      value: controlVerdict,
      tone: (r) => (r.watermark?.controlAccused ? 'bad' : 'neutral'),
    },
    {
      label: 'Watermarked answers logged',
      value: (r) => (r.watermark ? formatCount(r.watermark.watermarkedQueries) : '–'),
    },
  ],
};

const DETECTION: LedgerSection = {
  title: 'Detection (PRADA)',
  rows: [
    {
      label: 'Attacker accounts flagged',
      value: (r) => (r.detection ? formatCount(r.detection.flaggedAccounts) : 'detection off'),
    },
    {
      label: 'First alarm',
      value: (r) => {
        if (!r.detection) return '–';
        const alarm = firstAlarm(r);
        if (alarm === null) return 'never';
        if (r.attacker.accountsUsed <= 1) return `at query ${formatCount(alarm.overall)}`;
        // ": " is where the ledger may break a value (Ledger.svelte), so a phone keeps its width
        const own =
          alarm.account !== null && alarm.withinAccount !== null
            ? `: account ${formatCount(alarm.account)}'s ${ordinal(alarm.withinAccount)}`
            : '';
        return `at query ${formatCount(alarm.overall)} (all accounts)${own}`;
      },
    },
    {
      label: 'Honest accounts flagged',
      value: (r) =>
        r.detection
          ? `${formatCount(r.detection.benignFlagged)} of ${formatCount(r.detection.benignTested)} tested`
          : '–',
    },
  ],
};

/**
 * The sections to show for these runs: the watermark and detection sections appear when either
 * run had that defense on.
 */
export function ledgerSections(runs: readonly SimulationResult[]): LedgerSection[] {
  const sections = [ATTACKER, COPY, HONEST];
  if (runs.some((r) => r.watermark !== null)) sections.push(WATERMARK);
  if (runs.some((r) => r.detection !== null)) sections.push(DETECTION);
  return sections;
}
