/**
 * What a lesson step does to the lab, as pure functions: the config of step i (the defaults, then
 * the lesson's `start`, then every step's `set` up to i, so a step opened from a link looks the same
 * as one reached by clicking Next), and the check of a step's expectations against the run's facts.
 */
import {
  FIELDS,
  choiceLabel,
  defaultConfig,
  formatFieldText,
  getPath,
  setPath,
  type Config,
  type FieldValue,
} from '../core/config';
import type { FactValue } from './facts';
import type { ConfigPatch, Expectation, Lesson } from './lessonSchema';

/** Applies a patch of dotted paths to a config (values were checked by the validator). */
export function applyPatch(config: Config, patch: ConfigPatch | undefined): Config {
  let next = config;
  for (const [path, value] of Object.entries(patch ?? {}))
    next = setPath(next, path, Array.isArray(value) ? [...value] : value);
  return next;
}

/** The config of step `index` (clamped to the lesson's steps). */
export function stepConfig(lesson: Lesson, index: number): Config {
  let config = applyPatch(defaultConfig(), lesson.start);
  const last = Math.max(0, Math.min(lesson.steps.length - 1, index));
  for (let i = 0; i <= last; i++) config = applyPatch(config, lesson.steps[i]?.set);
  return config;
}

/** Clamps a step number from a link (1-based for people) to a 0-based index. */
export function stepIndexFromLink(lesson: Lesson, step: number | null): number {
  if (step === null || !Number.isFinite(step)) return 0;
  return Math.max(0, Math.min(lesson.steps.length - 1, Math.round(step) - 1));
}

export interface ExpectationOutcome {
  expectation: Expectation;
  /** true: holds; false: does not; null: a fact is missing (run not done, defense off) */
  holds: boolean | null;
  /** "watermark.shown is yes (expected no)" */
  message: string;
}

function compare(a: number | boolean, op: Expectation['op'], b: number | boolean): boolean {
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
}

function show(value: FactValue | string | undefined): string {
  if (value === undefined || value === null) return 'missing';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return typeof value === 'number' ? String(Number(value.toPrecision(4))) : value;
}

/** Checks each expectation; `null` facts compare only with `== null` / `!= null`. */
export function checkExpectations(
  expectations: readonly Expectation[] | undefined,
  facts: Record<string, FactValue | string>,
): ExpectationOutcome[] {
  return (expectations ?? []).map((expectation) => {
    const left = facts[expectation.fact];
    const right = expectation.than !== undefined ? facts[expectation.than] : expectation.value;
    const target = expectation.than ?? show(expectation.value);
    let holds: boolean | null;
    if (right === null && expectation.than === undefined)
      holds =
        expectation.op === '==' ? left === null : expectation.op === '!=' ? left !== null : null;
    else if (left === undefined || left === null || right === undefined || right === null)
      holds = null;
    else if (typeof left === 'string' || typeof right === 'string') holds = null;
    else holds = compare(left, expectation.op, right);
    const message = `${expectation.fact} is ${show(left)} (expected ${expectation.op} ${target}${
      expectation.than !== undefined ? ` = ${show(right)}` : ''
    })`;
    return { expectation, holds, message };
  });
}

/** One setting the learner changed away from the step's. */
export interface ChangedSetting {
  path: string;
  /** the control's label: "Accounts" */
  label: string;
  /** the step's value and the value on screen, as the controls write them */
  step: string;
  yours: string;
}

/**
 * The settings on screen that differ from the step's (FIELDS order), for the lesson bar's note
 * "you changed …; the reveal belongs to the step's settings".
 * @param step the step's config (stepConfig)
 * @param current the config the controls show
 */
export function changedSettings(step: Config, current: Config): ChangedSetting[] {
  const text = (spec: (typeof FIELDS)[number], value: unknown): string =>
    spec.kind === 'enum' && typeof value === 'string'
      ? choiceLabel(spec.path, value)
      : formatFieldText(spec, value as FieldValue);
  return FIELDS.flatMap((spec) => {
    const a = getPath(step, spec.path);
    const b = getPath(current, spec.path);
    if (JSON.stringify(a) === JSON.stringify(b)) return [];
    return [{ path: spec.path, label: spec.label, step: text(spec, a), yours: text(spec, b) }];
  });
}
