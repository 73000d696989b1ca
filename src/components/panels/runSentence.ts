/**
 * The one plain sentence under the scoreboard: what the run on screen shows, for a reader with no
 * machine-learning background (a policymaker asking "does a daily limit stop distillation, and
 * what does it cost ordinary customers?"). Built only from the run's own numbers and settings: the
 * copy's agreement with the victim (fidelity, REFERENCE.md "Words"), the attacker's spend, the
 * honest-user costs of the defenses that are on (each defense declares its costs in the registry),
 * and the owner's evidence. Every number it states is a number of `result`, `baseline` or the
 * config, formatted as the scoreboard formats it (test/components/panels/runSentence.test.ts
 * checks that no other number appears). Pure: a result in, a string out.
 *
 * Shape: "<what the defenses do to the attacker>: <what the copy is worth> for <spend>, while
 * <what honest users pay>." (The owner's evidence has its own tile on the scoreboard.)"
 */
import { HONEST_COST_WORDS } from '../../core/registry/costWords';
import { DEFENSES, OUTPUT_MODE_META_BY_ID } from '../../core/registry/meta';
import type { HonestCost } from '../../core/registry/types';
import type { ScenarioKind } from '../../core/config/schema';
import type { SimulationResult } from '../../core/types';
import { formatCount, formatPercent, formatPoints, formatUSD } from '../../charts/format';

/** What the sentence reads of a run (a SimulationResult has all of it). */
export type SentenceRun = Pick<
  SimulationResult,
  'config' | 'kind' | 'student' | 'attacker' | 'defenseCost' | 'watermark' | 'detection'
>;

/** "1 account", "20 accounts" */
const count = (n: number, one: string, many = `${one}s`) =>
  `${formatCount(n)} ${n === 1 ? one : many}`;

/** What the copy's agreement counts, per scenario kind (fidelity on held-out inputs). */
const AGREEMENT: Record<ScenarioKind, (share: string) => string> = {
  planar: (share) => `the copy agrees with the victim on ${share} of new points`,
  credit: (share) => `the copy takes the lender's decision on ${share} of new applicants`,
  chat: (share) => `the copy states the model's result on ${share} of new problems`,
};

/** The defenses that are on, by the names the panels use (the answer format by its own name). */
function activeNames(run: SentenceRun): string[] {
  return DEFENSES.filter((d) => d.isOn(run.config)).map((d) =>
    d.id === 'output'
      ? (OUTPUT_MODE_META_BY_ID.get(run.config.defense.output.mode)?.name ?? d.name)
      : d.name,
  );
}

/** The opening clause: what the defenses (the limit and detection first) do to this attacker. */
function lead(run: SentenceRun): string {
  const names = activeNames(run);
  if (names.length === 0) return 'With no defense on';
  const a = run.attacker;
  const c = run.config.defense;
  if (c.rateLimit.on) {
    if (a.queriesAnswered < a.queriesAsked)
      return `The daily limit lets through ${formatCount(a.queriesAnswered)} of the attacker's ${count(a.queriesAsked, 'query', 'queries')}`;
    if (a.accountsUsed > 1)
      return `With ${count(a.accountsUsed, 'account')} the daily limit no longer slows the attacker`;
    return `A daily limit of ${formatCount(c.rateLimit.perDay)} per account does not slow this attacker`;
  }
  if (c.detection.on)
    return a.accountsBanned > 0
      ? `Detection bans ${formatCount(a.accountsBanned)} of the attacker's ${count(a.accountsUsed, 'account')}`
      : 'Detection never catches this attacker';
  return `With ${names.length === 1 ? 'the defense' : 'the defenses'} on (${names.join(', ')})`;
}

/** What honest users pay, one clause per cost an active defense moves (registry order). */
function costs(run: SentenceRun): string {
  const moved = new Set<HonestCost>(
    DEFENSES.filter((d) => d.isOn(run.config)).flatMap((d) => d.costs),
  );
  const cost = run.defenseCost;
  const days = run.config.benign.days;
  const parts: string[] = [];
  if (moved.has('accuracyDrop'))
    parts.push(
      cost.benignAccuracyDrop > 0
        ? `honest users lose ${formatPoints(cost.benignAccuracyDrop)} of accuracy`
        : 'honest users lose no accuracy',
    );
  if (moved.has('benignBlocked'))
    parts.push(
      `${formatPercent(cost.benignBlocked, 1)} of honest accounts hit the daily limit in ${days === 7 ? 'a week' : count(days, 'day')}`,
    );
  if (moved.has('falsePositives'))
    parts.push(
      `${formatPercent(cost.falsePositives, 1)} ${parts.length > 0 && moved.has('benignBlocked') ? 'are' : 'of honest accounts are'} wrongly flagged`,
    );
  if (moved.has('stepsDenied'))
    parts.push(
      `${formatPercent(cost.stepsDenied ?? 0, 1)} of honest requests are ${HONEST_COST_WORDS.stepsDenied.short}`,
    );
  const list =
    parts.length > 2 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts.join(' and ');
  return parts.length > 0 ? `while ${list}` : 'and honest users pay nothing';
}

/**
 * The sentence for a run. `baseline` is the same attack with every defense off (null while it is
 * being computed, or the run itself when no defense is on): when present, the copy's agreement
 * without defenses is given beside it.
 */
export function runSentence(run: SentenceRun, baseline: SentenceRun | null): string {
  const fidelity = formatPercent(run.student.fidelity, 1);
  const undefended =
    baseline && baseline !== run && activeNames(run).length > 0
      ? ` (${formatPercent(baseline.student.fidelity, 1)} without defenses)`
      : '';
  const copy = `${AGREEMENT[run.kind](fidelity)}${undefended} for ${formatUSD(run.attacker.costUSD)}`;
  return `${lead(run)}: ${copy}, ${costs(run)}.`;
}
