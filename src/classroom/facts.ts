/**
 * Lesson facts: the numbers of a real run that a lesson's text may quote, as one plain object of
 * dotted paths ("student.fidelity", "baseline.student.fidelity", "A.attacker.queriesAnswered"), and
 * the template filler that writes them into text: "{student.fidelity:%}" -> "98.7%". Lessons never
 * hard-code a number; every figure comes from the SimulationResult on screen.
 */
import type { Config } from '../core/config';
import type { SimulationResult } from '../core/types';
import {
  formatCount,
  formatPercent,
  formatPoints,
  formatPValue,
  formatUSD,
} from '../charts/format';

/** The leaf paths of one run's facts (without a run prefix). */
export const RUN_FACTS = [
  'victim.accuracy',
  'student.accuracy',
  'student.fidelity',
  'student.fidelityUniform',
  'student.weightError',
  'student.scoreError',
  'attacker.queriesAsked',
  'attacker.queriesAnswered',
  'attacker.queriesDenied',
  'attacker.accountsUsed',
  'attacker.accountsBanned',
  'attacker.costUSD',
  'attacker.answerCap',
  'defenseCost.benignAccuracyDrop',
  'defenseCost.distortion',
  'defenseCost.benignBlocked',
  'defenseCost.falsePositives',
  'defenseCost.stepsDenied',
  'chat.tokens.billed',
  'chat.tokens.hidden',
  'chat.stealing.trueHiddenSize',
  'chat.stealing.estimate',
  'chat.stealing.found',
  'chat.stealing.dropRatio',
  'chat.stealing.angleAtTrueSize',
  'chat.elicitation.filteredShare',
  'watermark.z',
  'watermark.controlZ',
  'watermark.teacherZ',
  'watermark.nullSd',
  'watermark.nullFalseAccusationRate',
  'watermark.pValue',
  'watermark.controlPValue',
  'watermark.matchRate',
  'watermark.baselineRate',
  'watermark.watermarkedQueries',
  'watermark.shown',
  'watermark.controlAccused',
  'detection.flaggedAccounts',
  'detection.firstAlarmAtQuery',
  'detection.benignFlagged',
  'detection.benignTested',
  'campaign.flaggedAccounts',
  'campaign.attackerAccounts',
  'campaign.attackerAccountsFlagged',
  'campaign.honestFlagged',
  'campaign.honestAccounts',
  'campaign.answeredBeforeFlag',
  'campaign.stopped',
  'campaign.coverPrompts',
  'curve.first.fidelity',
  'curve.first.queries',
  'credit.unknowns',
] as const;

/**
 * Runs a lesson can quote: the current run (no prefix), the same attack with every defense off
 * (`baseline.`, the lab's faint comparison curve) and the pinned run (`A.`, compare mode).
 */
export const RUN_PREFIXES = ['', 'baseline.', 'A.'] as const;

/** Every path a template or an expectation may name: run facts under each prefix, plus `config.*`. */
export function isFactPath(path: string): boolean {
  if (path.startsWith('config.')) return true; // checked against FIELDS by the lesson validator
  return RUN_PREFIXES.some((prefix) =>
    (RUN_FACTS as readonly string[]).some((fact) => `${prefix}${fact}` === path),
  );
}

/** A fact's value: a number, a yes/no, or null when the run does not have it (watermark off). */
export type FactValue = number | boolean | null;

/** The facts of one run as a flat map from path to value. */
export function runFacts(result: SimulationResult): Record<string, FactValue> {
  const w = result.watermark;
  const d = result.detection;
  const c = result.campaign;
  const stealing = result.chat?.stealing;
  const first = result.curve[0];
  return {
    'victim.accuracy': result.victim.accuracy,
    'student.accuracy': result.student.accuracy,
    'student.fidelity': result.student.fidelity,
    'student.fidelityUniform': result.student.fidelityUniform,
    // credit runs only (null elsewhere, and weightError null when a model is not linear)
    'student.weightError': result.student.weightError ?? null,
    'student.scoreError': result.student.scoreError ?? null,
    'attacker.queriesAsked': result.attacker.queriesAsked,
    'attacker.queriesAnswered': result.attacker.queriesAnswered,
    'attacker.queriesDenied': result.attacker.queriesDenied,
    'attacker.accountsUsed': result.attacker.accountsUsed,
    'attacker.accountsBanned': result.attacker.accountsBanned,
    'attacker.costUSD': result.attacker.costUSD,
    'attacker.answerCap': result.attacker.answerCap,
    'defenseCost.benignAccuracyDrop': result.defenseCost.benignAccuracyDrop,
    'defenseCost.distortion': result.defenseCost.distortion,
    'defenseCost.benignBlocked': result.defenseCost.benignBlocked,
    'defenseCost.falsePositives': result.defenseCost.falsePositives,
    // the chat kind's (null for the other kinds)
    'defenseCost.stepsDenied': result.defenseCost.stepsDenied ?? null,
    'chat.tokens.billed': result.chat?.tokens.billed ?? null,
    'chat.tokens.hidden': result.chat?.tokens.hidden ?? null,
    // logit stealing (chat, attack logitStealing) and the elicitation filter (chat)
    'chat.stealing.trueHiddenSize': stealing?.trueHiddenSize ?? null,
    'chat.stealing.estimate': stealing?.estimate ?? null,
    'chat.stealing.found': stealing ? stealing.estimate !== null : null,
    'chat.stealing.dropRatio': stealing?.drop?.ratio ?? null,
    'chat.stealing.angleAtTrueSize': stealing?.largestAngleAtTrueSize ?? null,
    'chat.elicitation.filteredShare': result.chat?.elicitation?.filteredShare ?? null,
    // the chat kind's text watermark (KGW)
    'watermark.z': w?.text?.z ?? null,
    'watermark.controlZ': w?.text?.controlZ ?? null,
    'watermark.teacherZ': w?.text?.teacherZ ?? null,
    'watermark.nullSd': w?.text?.nullZ.sd ?? null,
    'watermark.nullFalseAccusationRate': w?.text?.nullZ.falseAccusationRate ?? null,
    'watermark.pValue': w?.pValue ?? null,
    'watermark.controlPValue': w?.controlPValue ?? null,
    'watermark.matchRate': w?.matchRate ?? null,
    'watermark.baselineRate': w?.baselineRate ?? null,
    'watermark.watermarkedQueries': w?.watermarkedQueries ?? null,
    'watermark.shown': w?.shown ?? null,
    'watermark.controlAccused': w?.controlAccused ?? null,
    'detection.flaggedAccounts': d?.flaggedAccounts ?? null,
    'detection.firstAlarmAtQuery': d?.firstAlarmAtQuery ?? null,
    'detection.benignFlagged': d?.benignFlagged ?? null,
    'detection.benignTested': d?.benignTested ?? null,
    // campaign detection across accounts (chat)
    'campaign.flaggedAccounts': c?.flaggedAccounts ?? null,
    'campaign.attackerAccounts': c?.attackerAccounts ?? null,
    'campaign.attackerAccountsFlagged': c?.attackerAccountsFlagged ?? null,
    'campaign.honestFlagged': c?.honestFlagged ?? null,
    'campaign.honestAccounts': c?.honestAccounts ?? null,
    'campaign.answeredBeforeFlag': c?.answeredBeforeFlag ?? null,
    'campaign.stopped': c ? c.stoppedAfterDay !== null : null,
    'campaign.coverPrompts': c?.coverPrompts ?? null,
    'curve.first.fidelity': first?.fidelity ?? null,
    'curve.first.queries': first?.queries ?? null,
    'credit.unknowns': result.credit?.unknowns ?? null,
  };
}

export interface FactSources {
  result: SimulationResult;
  /** the same config with every defense off (null until computed) */
  baseline?: SimulationResult | null;
  /** the pinned run A (null when nothing is pinned) */
  pinned?: SimulationResult | null;
}

/** The `config.*` facts of a config (what a step's text may quote before its run is done). */
export function configFacts(config: Config): Record<string, FactValue | string> {
  const facts: Record<string, FactValue | string> = {};
  flattenConfig(config, 'config', facts);
  return facts;
}

/** All facts a lesson may quote for the runs on screen. `config.*` reads the current run's config. */
export function lessonFacts(sources: FactSources): Record<string, FactValue | string> {
  const facts: Record<string, FactValue | string> = { ...runFacts(sources.result) };
  const add = (prefix: string, run: SimulationResult | null | undefined) => {
    if (!run) return;
    for (const [path, value] of Object.entries(runFacts(run))) facts[`${prefix}${path}`] = value;
  };
  add('baseline.', sources.baseline);
  add('A.', sources.pinned);
  flattenConfig(sources.result.config, 'config', facts);
  return facts;
}

function flattenConfig(value: unknown, prefix: string, out: Record<string, FactValue | string>) {
  if (Array.isArray(value)) out[prefix] = value.join('x');
  else if (value !== null && typeof value === 'object')
    for (const [key, inner] of Object.entries(value)) flattenConfig(inner, `${prefix}.${key}`, out);
  else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string')
    out[prefix] = value;
}

/** Formats a template may ask for after the colon: "{student.fidelity:%}". */
export const FACT_FORMATS = {
  /** share as a percentage with one decimal: 0.987 -> "98.7%" */
  '%': (v: number) => formatPercent(v, 1),
  /** share as a whole percentage: 0.987 -> "99%" */
  '%0': (v: number) => formatPercent(v, 0),
  /** accuracy drop in percentage points: 0.113 -> "11 points" */
  pts: (v: number) => formatPoints(v),
  /** count with thousands separators: 16000000 -> "16,000,000" */
  int: (v: number) => formatCount(v),
  /** dollars: 2.5 -> "$2.50" */
  usd: (v: number) => formatUSD(v),
  /** p-value: 9.4e-12 -> "p = 9.4e-12" */
  p: (v: number) => formatPValue(v),
  /** two decimals: 0.2218 -> "0.22" */
  '2': (v: number) => v.toFixed(2),
} as const;

export type FactFormat = keyof typeof FACT_FORMATS;

/** `{path}` or `{path:format}`; paths are dotted words. */
export const PLACEHOLDER = /\{([A-Za-z][\w.]*)(?::([^}\s]+))?\}/g;

/** The placeholders of a text, in order, for validation. */
export function placeholders(text: string): { path: string; format: string | undefined }[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({ path: m[1] ?? '', format: m[2] }));
}

/** Text for a missing value (a run not computed yet, or a defense that is off). */
export const MISSING = '–';

function formatFact(value: FactValue | string | undefined, format: string | undefined): string {
  if (value === undefined || value === null) return MISSING;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  const formatter =
    format && Object.hasOwn(FACT_FORMATS, format) ? FACT_FORMATS[format as FactFormat] : undefined;
  if (formatter) return formatter(value);
  return Number.isInteger(value) ? formatCount(value) : String(Number(value.toPrecision(4)));
}

/** Fills every placeholder of `text` from `facts` (missing values read "–"). */
export function fillTemplate(text: string, facts: Record<string, FactValue | string>): string {
  return text.replace(PLACEHOLDER, (_, path: string, format: string | undefined) =>
    formatFact(Object.hasOwn(facts, path) ? facts[path] : undefined, format),
  );
}

/** True when a text names a fact of the no-defense comparison run or of the pinned run. */
export function needsRun(text: string, prefix: 'baseline.' | 'A.'): boolean {
  return placeholders(text).some((p) => p.path.startsWith(prefix));
}
