/**
 * The lesson format (public/lessons/*.json) and its validator. A lesson is data a trainer can write:
 * a title, a starting state, and steps that each set part of the config, highlight controls and
 * charts, ask for a prediction and reveal the run's real numbers through templates (src/classroom/
 * facts.ts). The validator never throws: it returns every problem, each naming the field
 * ("steps[2].prediction.answer: ..."), so a broken file is fixed in one pass.
 */
import { FIELD_BY_PATH, checkField, describeRange, parseFieldText } from '../core/config';
import type { ConfigPath, FieldValue } from '../core/config';
import { SWEEP_KNOB_BY_NAME } from '../core/registry/meta';
import { FACT_FORMATS, isFactPath, placeholders } from './facts';
import { isTourTarget } from './tour';
import { termLinks } from './richText';
import { glossaryEntry } from './glossary';

/** A partial config: dotted setting paths to values ("attack.queries": 300). */
export type ConfigPatch = Readonly<Partial<Record<ConfigPath, FieldValue>>>;

export interface LessonChoice {
  id: string;
  text: string;
}

export interface LessonPrediction {
  question: string;
  choices: LessonChoice[];
  /** id of the choice the run bears out (checked by `expect` and by test/classroom/lessons.test.ts) */
  answer?: string;
}

export const EXPECT_OPS = ['<', '<=', '>', '>=', '==', '!='] as const;
export type ExpectOp = (typeof EXPECT_OPS)[number];

/** A claim the reveal relies on: `fact op value` or `fact op than` (another fact). */
export interface Expectation {
  fact: string;
  op: ExpectOp;
  value?: number | boolean | null;
  than?: string;
}

export interface LessonStep {
  title: string;
  /** shown when the step opens; may quote `{config.*}` only (the run is not done yet) */
  text: string;
  set?: ConfigPatch;
  highlight?: string[];
  prediction?: LessonPrediction;
  /** shown once the step's run is done (and the prediction made); quotes the run's facts */
  reveal: string;
  expect?: Expectation[];
  /** pin the previous step's run as A before this step's settings apply (compare mode) */
  pin?: boolean;
  /** defense knobs to sweep when the step opens (the frontier) */
  sweep?: string[];
}

export interface Lesson {
  id: string;
  title: string;
  summary: string;
  /** about how long the lesson takes, in minutes */
  minutes?: number;
  /** settings applied on top of the defaults when the lesson starts */
  start?: ConfigPatch;
  steps: LessonStep[];
  /** sources quoted, as plain text (e.g. "Tramer et al. 2016") */
  sources?: string[];
}

export interface LessonIndexEntry {
  id: string;
  title: string;
  summary: string;
  /** file name beside index.json */
  file: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: string[] };

type Json = Record<string, unknown>;

const ID = /^[a-z0-9][a-z0-9-]*$/;
const KNOB_NAMES: ReadonlySet<string> = new Set(SWEEP_KNOB_BY_NAME.keys());

/** Collects problems as "where: what" lines. */
class Problems {
  readonly lines: string[] = [];
  add(where: string, what: string): void {
    this.lines.push(`${where}: ${what}`);
  }
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function text(p: Problems, obj: Json, key: string, where: string, required = true): string {
  const value = obj[key];
  if (value === undefined && !required) return '';
  if (typeof value !== 'string' || value.trim() === '') {
    p.add(
      `${where}${key}`,
      `must be a non-empty string (got ${JSON.stringify(value) ?? 'nothing'})`,
    );
    return '';
  }
  return value;
}

function unknownKeys(p: Problems, obj: Json, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(obj))
    if (!allowed.includes(key))
      p.add(`${where}${key}`, `is not a lesson field (allowed: ${allowed.join(', ')})`);
}

/** Checks a config patch against the FIELDS table; layer sizes may be written "32x32x32". */
function patch(p: Problems, value: unknown, where: string): ConfigPatch | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) {
    p.add(where, 'must be an object of setting paths to values, e.g. {"attack.queries": 300}');
    return undefined;
  }
  const out: Record<string, FieldValue> = {};
  for (const [path, raw] of Object.entries(value)) {
    const spec = FIELD_BY_PATH.get(path);
    if (!spec) {
      p.add(`${where}["${path}"]`, 'is not a setting of the lab (see npm run sim -- --help)');
      continue;
    }
    const input =
      spec.kind === 'layers' && typeof raw === 'string' ? parseFieldText(spec, raw) : raw;
    const checked = checkField(spec, input);
    if (checked.ok) out[path] = checked.value;
    else
      p.add(`${where}["${path}"]`, `must be ${describeRange(spec)} (got ${JSON.stringify(raw)})`);
  }
  return out;
}

function templates(p: Problems, value: string, where: string, configOnly: boolean): void {
  for (const { path, format } of placeholders(value)) {
    const known = path.startsWith('config.')
      ? FIELD_BY_PATH.has(path.slice('config.'.length))
      : isFactPath(path);
    if (!known) p.add(where, `{${path}} is not a fact a lesson can quote`);
    else if (configOnly && !path.startsWith('config.'))
      p.add(where, `{${path}} is a result of the run; quote it in "reveal", not before the run`);
    if (format !== undefined && !Object.hasOwn(FACT_FORMATS, format))
      p.add(
        where,
        `{${path}:${format}} has an unknown format (allowed: ${Object.keys(FACT_FORMATS).join(', ')})`,
      );
  }
}

/** Every `[[words|id]]` must name an entry of the glossary (src/classroom/glossary.ts). */
function glossaryLinks(p: Problems, value: string, where: string): void {
  if (/\{[^}]*\[\[/.test(value))
    p.add(where, 'a [[glossary link]] cannot sit inside a {placeholder}');
  for (const id of termLinks(value))
    if (!glossaryEntry(id)) p.add(where, `[[…|${id}]] is not a term of the glossary`);
}

function prediction(p: Problems, value: unknown, where: string): LessonPrediction | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) {
    p.add(where, 'must be an object with "question" and "choices"');
    return undefined;
  }
  unknownKeys(p, value, ['question', 'choices', 'answer'], `${where}.`);
  const question = text(p, value, 'question', `${where}.`);
  const choices: LessonChoice[] = [];
  if (!Array.isArray(value.choices) || value.choices.length < 2)
    p.add(`${where}.choices`, 'must be a list of at least two choices');
  else
    value.choices.forEach((choice: unknown, i: number) => {
      const at = `${where}.choices[${i}]`;
      if (!isObject(choice)) return p.add(at, 'must be an object with "id" and "text"');
      const id = text(p, choice, 'id', `${at}.`);
      if (id && !ID.test(id)) p.add(`${at}.id`, `"${id}" must be lower-case letters, digits or -`);
      if (choices.some((c) => c.id === id)) p.add(`${at}.id`, `"${id}" is used twice`);
      choices.push({ id, text: text(p, choice, 'text', `${at}.`) });
    });
  let answer: string | undefined;
  if (value.answer !== undefined) {
    answer = typeof value.answer === 'string' ? value.answer : String(value.answer);
    if (!choices.some((c) => c.id === answer))
      p.add(
        `${where}.answer`,
        `"${answer}" is not one of the choices (${choices.map((c) => c.id).join(', ')})`,
      );
  }
  return { question, choices, ...(answer !== undefined ? { answer } : {}) };
}

function expectations(p: Problems, value: unknown, where: string): Expectation[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    p.add(where, 'must be a list of {"fact", "op", "value" or "than"}');
    return undefined;
  }
  return value.flatMap((item: unknown, i: number) => {
    const at = `${where}[${i}]`;
    if (!isObject(item)) {
      p.add(at, 'must be an object {"fact", "op", "value" or "than"}');
      return [];
    }
    unknownKeys(p, item, ['fact', 'op', 'value', 'than'], `${at}.`);
    const fact = text(p, item, 'fact', `${at}.`);
    if (fact && !isFactPath(fact))
      p.add(`${at}.fact`, `"${fact}" is not a fact a lesson can check`);
    const op = item.op as ExpectOp;
    if (!EXPECT_OPS.includes(op))
      p.add(`${at}.op`, `must be one of ${EXPECT_OPS.join(' ')} (got ${JSON.stringify(item.op)})`);
    const hasValue = item.value !== undefined;
    const hasThan = item.than !== undefined;
    if (hasValue === hasThan)
      p.add(at, 'needs exactly one of "value" (a constant) or "than" (a fact)');
    if (hasValue && !['number', 'boolean'].includes(typeof item.value) && item.value !== null)
      p.add(
        `${at}.value`,
        `must be a number, true, false or null (got ${JSON.stringify(item.value)})`,
      );
    if (hasThan && (typeof item.than !== 'string' || !isFactPath(item.than)))
      p.add(`${at}.than`, `"${String(item.than)}" is not a fact a lesson can check`);
    const out: Expectation = { fact, op };
    if (hasValue) out.value = item.value as number | boolean | null;
    if (hasThan) out.than = String(item.than);
    return [out];
  });
}

function step(p: Problems, value: unknown, where: string): LessonStep | null {
  if (!isObject(value)) {
    p.add(where, 'must be an object with "title", "text" and "reveal"');
    return null;
  }
  unknownKeys(
    p,
    value,
    ['title', 'text', 'set', 'highlight', 'prediction', 'reveal', 'expect', 'pin', 'sweep'],
    `${where}.`,
  );
  const result: LessonStep = {
    title: text(p, value, 'title', `${where}.`),
    text: text(p, value, 'text', `${where}.`),
    reveal: text(p, value, 'reveal', `${where}.`),
  };
  templates(p, result.text, `${where}.text`, true);
  templates(p, result.reveal, `${where}.reveal`, false);
  glossaryLinks(p, result.text, `${where}.text`);
  glossaryLinks(p, result.reveal, `${where}.reveal`);
  const set = patch(p, value.set, `${where}.set`);
  if (set) result.set = set;
  if (value.highlight !== undefined) {
    if (!Array.isArray(value.highlight) || !value.highlight.every((h) => typeof h === 'string'))
      p.add(`${where}.highlight`, 'must be a list of control paths or region names');
    else {
      for (const name of value.highlight as string[])
        if (!isTourTarget(name))
          p.add(
            `${where}.highlight`,
            `"${name}" is neither a setting path nor a region (see src/classroom/tour.ts)`,
          );
      result.highlight = value.highlight as string[];
    }
  }
  const predicted = prediction(p, value.prediction, `${where}.prediction`);
  if (predicted) result.prediction = predicted;
  const expected = expectations(p, value.expect, `${where}.expect`);
  if (expected) result.expect = expected;
  if (value.pin !== undefined) {
    if (typeof value.pin !== 'boolean') p.add(`${where}.pin`, 'must be true or false');
    else result.pin = value.pin;
  }
  if (value.sweep !== undefined) {
    if (!Array.isArray(value.sweep) || !value.sweep.every((k) => typeof k === 'string'))
      p.add(`${where}.sweep`, 'must be a list of knob names');
    else {
      for (const knob of value.sweep as string[])
        if (!KNOB_NAMES.has(knob))
          p.add(
            `${where}.sweep`,
            `"${knob}" is not a sweepable knob (${[...KNOB_NAMES].join(', ')})`,
          );
      result.sweep = value.sweep as string[];
    }
  }
  return result;
}

/** Validates a parsed lesson file. */
export function validateLesson(input: unknown): Validated<Lesson> {
  const p = new Problems();
  if (!isObject(input)) return { ok: false, errors: ['lesson: must be a JSON object'] };
  unknownKeys(p, input, ['id', 'title', 'summary', 'minutes', 'start', 'steps', 'sources'], '');
  const id = text(p, input, 'id', '');
  if (id && !ID.test(id))
    p.add('id', `"${id}" must be lower-case letters, digits or - (it goes in links)`);
  const lesson: Lesson = {
    id,
    title: text(p, input, 'title', ''),
    summary: text(p, input, 'summary', ''),
    steps: [],
  };
  if (input.minutes !== undefined) {
    if (typeof input.minutes !== 'number' || !(input.minutes > 0) || input.minutes > 240)
      p.add(
        'minutes',
        `must be a number of minutes from 1 to 240 (got ${JSON.stringify(input.minutes)})`,
      );
    else lesson.minutes = input.minutes;
  }
  const start = patch(p, input.start, 'start');
  if (start) lesson.start = start;
  if (!Array.isArray(input.steps) || input.steps.length === 0)
    p.add('steps', 'must be a non-empty list');
  else
    input.steps.forEach((raw: unknown, i: number) => {
      const s = step(p, raw, `steps[${i}]`);
      if (s) lesson.steps.push(s);
    });
  if (lesson.steps[0]?.pin) p.add('steps[0].pin', 'the first step has no previous run to pin');
  if (input.sources !== undefined) {
    if (!Array.isArray(input.sources) || !input.sources.every((s) => typeof s === 'string'))
      p.add('sources', 'must be a list of strings');
    else lesson.sources = input.sources as string[];
  }
  return p.lines.length === 0 ? { ok: true, value: lesson } : { ok: false, errors: p.lines };
}

/** Validates public/lessons/index.json. */
export function validateLessonIndex(input: unknown): Validated<LessonIndexEntry[]> {
  const p = new Problems();
  if (!isObject(input) || !Array.isArray(input.lessons))
    return { ok: false, errors: ['lessons: index.json must be {"lessons": [...]}'] };
  const entries: LessonIndexEntry[] = [];
  input.lessons.forEach((raw: unknown, i: number) => {
    const at = `lessons[${i}].`;
    if (!isObject(raw)) return p.add(`lessons[${i}]`, 'must be an object');
    unknownKeys(p, raw, ['id', 'title', 'summary', 'file'], at);
    const entry = {
      id: text(p, raw, 'id', at),
      title: text(p, raw, 'title', at),
      summary: text(p, raw, 'summary', at),
      file: text(p, raw, 'file', at),
    };
    if (entry.file && !/^[\w-]+\.json$/.test(entry.file))
      p.add(
        `${at}file`,
        `"${entry.file}" must be a plain file name ending in .json, beside index.json`,
      );
    if (entries.some((e) => e.id === entry.id)) p.add(`${at}id`, `"${entry.id}" is used twice`);
    entries.push(entry);
  });
  return p.lines.length === 0 ? { ok: true, value: entries } : { ok: false, errors: p.lines };
}
