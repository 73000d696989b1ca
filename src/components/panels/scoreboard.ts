/**
 * The scoreboard above the maps: the run's three headline numbers in words, so "what the copy is
 * worth, what it cost the attacker, what the defenses cost honest users" is on screen without
 * scrolling to the ledger (REFERENCE.md, "Defense cost"). A fourth tile gives the owner's evidence
 * (watermark test, PRADA alarm) when either is on. Pure: a result in, tiles of text out.
 */
import { firstAlarm, firstAlarmText } from '../../charts/detection';
import { DEFENSES, defensesFor, hasDefense } from '../../core/registry/meta';
import type { HonestCost } from '../../core/registry/types';
import { HONEST_COST_WORDS } from '../../core/registry/costWords';
import type { DefenseCost, SimulationResult } from '../../core/types';
import { formatCount, formatPercent, formatPValue, formatUSD } from '../../charts/format';
import { formatPointsDrop } from '../controls/costs';

export interface ScoreLine {
  /** words before the number ('' for none), e.g. "Watermark:" */
  lead?: string;
  /** the number, bold */
  value: string;
  /** what it counts, after the number */
  what: string;
  /** 'good' / 'bad' from the owner's side; colours the line */
  tone?: 'good' | 'bad';
}

export interface ScoreTile {
  id: 'copy' | 'attacker' | 'honest' | 'owner';
  label: string;
  /** the glossary entry that explains the tile's measure (src/classroom/glossary.ts) */
  term?: string;
  lines: ScoreLine[];
  /** a smaller note under the lines ('' for none) */
  note: string;
}

/**
 * "1 query", "1,000 queries": a count and its noun (`many` when the plural is not noun + s), joined
 * by a no-break space so a wrapped note never leaves a bare number at a line's end.
 */
const plural = (count: number, one: string, many = `${one}s`) =>
  `${formatCount(count)}\u00a0${count === 1 ? one : many}`;

/** Between a note's items: the dot stays on the line of the item before it. */
const SEP = '\u00a0· ';

/** True when the run had any defense on (the same test the ledger's cost rows answer to). */
const defended = (result: SimulationResult) => hasDefense(result.config);

function copyTile(
  result: SimulationResult,
  baseline: SimulationResult | null,
  slice: number | null,
): ScoreTile {
  const point = slice === null ? undefined : result.curve[slice];
  const notes: string[] = [];
  if (point)
    notes.push(
      `after ${plural(point.queries, 'query', 'queries')}; final ${formatPercent(result.student.fidelity, 1)}`,
    );
  if (baseline && baseline !== result && defended(result)) {
    // compare like with like: the undefended run at the same Play position
    const base = slice === null ? undefined : baseline.curve[slice];
    notes.push(`${formatPercent(base?.fidelity ?? baseline.student.fidelity, 1)} without defenses`);
  }
  return {
    id: 'copy',
    label: 'Stolen copy',
    term: 'fidelity',
    lines: [
      {
        value: formatPercent(point?.fidelity ?? result.student.fidelity, 1),
        what: 'agreement',
      },
    ],
    note: notes.join(SEP),
  };
}

function attackerTile(result: SimulationResult): ScoreTile {
  const a = result.attacker;
  const answered =
    a.queriesDenied > 0
      ? `${formatCount(a.queriesAnswered)} of ${plural(a.queriesAsked, 'query', 'queries')} answered`
      : `${plural(a.queriesAsked, 'query', 'queries')}`;
  const accounts =
    a.accountsBanned > 0
      ? `${plural(a.accountsUsed, 'account')}, ${formatCount(a.accountsBanned)} banned`
      : plural(a.accountsUsed, 'account');
  return {
    id: 'attacker',
    label: 'Attacker',
    lines: [{ value: formatUSD(a.costUSD), what: 'spent' }],
    note: [answered, accounts, plural(a.days, 'day')].join(SEP),
  };
}

/**
 * The scoreboard's words for the honest-user costs, in this order (distortion travels with the
 * accuracy drop: the defenses that distort answers are the ones that cost accuracy).
 */
const COST_LINES: [HonestCost, (cost: DefenseCost) => ScoreLine][] = [
  [
    'accuracyDrop',
    (cost) => ({ value: formatPointsDrop(cost.benignAccuracyDrop), what: 'accuracy' }),
  ],
  [
    'benignBlocked',
    (cost) => ({
      value: formatPercent(cost.benignBlocked, 1),
      what: HONEST_COST_WORDS.benignBlocked.short,
    }),
  ],
  ['falsePositives', (cost) => ({ value: formatPercent(cost.falsePositives, 1), what: 'flagged' })],
  [
    'stepsDenied',
    (cost) => ({
      value: formatPercent(cost.stepsDenied ?? 0, 1),
      what: HONEST_COST_WORDS.stepsDenied.short,
    }),
  ],
];

function honestTile(result: SimulationResult): ScoreTile {
  const cost = result.defenseCost;
  // One line per cost that an active defense moves (each defense declares its costs).
  const moved = new Set(DEFENSES.filter((d) => d.isOn(result.config)).flatMap((d) => d.costs));
  const lines = COST_LINES.filter(([c]) => moved.has(c)).map(([, line]) => line(cost));
  return {
    id: 'honest',
    label: 'Honest users pay',
    lines: lines.length > 0 ? lines : [{ value: 'Nothing', what: '' }],
    note: lines.length > 0 ? '' : 'no defense is on',
  };
}

function ownerTile(result: SimulationResult): ScoreTile | null {
  const lines: ScoreLine[] = [];
  if (result.watermark) {
    lines.push({
      lead: 'Watermark:',
      value: result.watermark.shown ? 'ownership shown' : 'ownership not shown',
      what: `(${formatPValue(result.watermark.pValue)})`,
      tone: result.watermark.shown ? 'good' : 'bad',
    });
  }
  if (result.detection) {
    // "at query N" said neither whether N counts all accounts or one (issue 10): say both
    const alarm = firstAlarm(result);
    const accounts = result.attacker.accountsUsed;
    const banned = result.detection.flaggedAccounts;
    lines.push(
      alarm === null
        ? { lead: 'Detection:', value: 'never alarmed', what: '', tone: 'bad' }
        : {
            lead: 'Detection:',
            value:
              accounts > 1
                ? `${formatCount(banned)} of ${formatCount(accounts)} accounts banned`
                : 'alarm',
            what: `(first at ${firstAlarmText(alarm, accounts)})`,
            tone: 'good',
          },
    );
  }
  if (result.campaign) {
    const { flaggedAccounts, attackerAccounts, stoppedAfterDay } = result.campaign;
    lines.push(
      flaggedAccounts === 0
        ? { lead: 'Campaign detection:', value: 'no account flagged', what: '', tone: 'bad' }
        : {
            lead: 'Campaign detection:',
            value: `${formatCount(flaggedAccounts)} of ${formatCount(attackerAccounts)} accounts banned`,
            what: stoppedAfterDay === null ? '' : `(all by the end of day ${stoppedAfterDay + 1})`,
            tone: 'good',
          },
    );
  }
  if (lines.length > 0)
    return { id: 'owner', label: "Owner's evidence", term: 'p-value', lines, note: '' };
  // Where the kind offers evidence, its tile stays (saying there is none) so switching the
  // watermark or detection on does not add a tile and push the maps down (issue 10).
  const offered = defensesFor(result.config.scenario.kind).some(
    (d) => d.id === 'watermark' || d.id === 'detection' || d.id === 'campaign',
  );
  return offered
    ? {
        id: 'owner',
        label: "Owner's evidence",
        term: 'p-value',
        lines: [{ value: 'None', what: '' }],
        note: 'watermark and detection are off',
      }
    : null;
}

/**
 * The tiles for a result. `baseline` is the same run without defenses (null while unknown);
 * `slice` is the Play position (null for the final state): the copy's agreement follows it, the
 * costs are the whole run's.
 */
export function scoreTiles(
  result: SimulationResult,
  baseline: SimulationResult | null,
  slice: number | null,
): ScoreTile[] {
  const owner = ownerTile(result);
  const tiles = [copyTile(result, baseline, slice), attackerTile(result), honestTile(result)];
  return owner ? [...tiles, owner] : tiles;
}
