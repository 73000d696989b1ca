/**
 * Reading, checking and writing configurations against the FIELDS table: dotted-path access,
 * immutable updates, validation that names the field and its range, text parsing for `--set` and
 * share links, defaults. Never throws on bad input: invalid parts are reported and replaced.
 */
import { FIELD_BY_PATH, FIELDS } from './fields';
import { isMigratable, migrateInput } from './migrate';
import { MAX_CONFIG_DEPTH, getPath, setPath } from './paths';
import {
  CONFIG_VERSION,
  type Config,
  type FieldSpec,
  type FieldValue,
  type ScenarioKind,
} from './schema';
import { describeValue, parseDecimal, quoteText, whyNotDecimal } from './text';

export { getPath, setPath };

export interface ConfigIssue {
  /** dotted path of the field, or '' for the whole object */
  field: string;
  message: string;
}

export interface ParsedConfig {
  /** the valid parts of the input, defaults elsewhere */
  config: Config;
  /** one entry per rejected field; empty when everything was valid */
  issues: ConfigIssue[];
}

/** Describes the allowed values of a field, for error messages and help. */
export function describeRange(spec: FieldSpec): string {
  switch (spec.kind) {
    case 'int':
      return `an integer from ${spec.min} to ${spec.max}`;
    case 'number':
      return `a number from ${spec.min} to ${spec.max}`;
    case 'bool':
      return 'true or false';
    case 'enum':
      return `one of ${spec.values.join(', ')}`;
    case 'layers':
      return `1 to ${spec.maxLayers} layer sizes, each an integer from ${spec.minUnits} to ${spec.maxUnits}`;
  }
}

/** Checks one value against its field; returns the normalised value or an error message. */
export function checkField(
  spec: FieldSpec,
  value: unknown,
): { ok: true; value: FieldValue } | { ok: false; message: string } {
  const bad = {
    ok: false as const,
    message: `${spec.path} must be ${describeRange(spec)} (got ${describeValue(value)})`,
  };
  switch (spec.kind) {
    case 'int':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return bad;
      if (spec.kind === 'int' && !Number.isInteger(value)) return bad;
      if (value < spec.min || value > spec.max) return bad;
      return { ok: true, value };
    }
    case 'bool':
      return typeof value === 'boolean' ? { ok: true, value } : bad;
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value) ? { ok: true, value } : bad;
    case 'layers': {
      if (!Array.isArray(value) || value.length < 1 || value.length > spec.maxLayers) return bad;
      const ok = value.every(
        (u) =>
          typeof u === 'number' && Number.isInteger(u) && u >= spec.minUnits && u <= spec.maxUnits,
      );
      return ok ? { ok: true, value: [...(value as number[])] } : bad;
    }
  }
}

/**
 * Parses a field from text (CLI `--set`, share links, the page's layer box). Numbers must be
 * decimal as written by a person (text.ts, parseDecimal): `0x10`, ` 12` or `1e400` come back as
 * the text itself, which checkField then refuses naming the field and quoting the text. Booleans
 * are true/false/1/0 and names are exact (no trimming). Layer sizes are separated by `x`, `,` or
 * spaces ("16x16", "16, 16"), each a decimal integer.
 */
export function parseFieldText(spec: FieldSpec, text: string): unknown {
  switch (spec.kind) {
    case 'int':
    case 'number':
      return parseDecimal(text) ?? text;
    case 'bool':
      return text === 'true' || text === '1'
        ? true
        : text === 'false' || text === '0'
          ? false
          : text;
    case 'enum':
      return text;
    case 'layers': {
      const parts = text.trim().split(/\s*[x,]\s*|\s+/);
      const sizes = parts.map(parseDecimal);
      return sizes.every((size) => size !== null) ? sizes : text;
    }
  }
}

/** Formats a field value as text (the inverse of parseFieldText). */
export function formatFieldText(spec: FieldSpec, value: FieldValue): string {
  return spec.kind === 'layers' && Array.isArray(value) ? value.join('x') : String(value);
}

/** True when `value` holds every field of the FIELDS table with a valid value (a whole Config). */
export function isCompleteConfig(value: unknown): value is Config {
  if (getPath(value, 'version') !== CONFIG_VERSION) return false;
  return FIELDS.every((spec) => checkField(spec, getPath(value, spec.path)).ok);
}

/** The default configuration (a fresh object each call), built from the FIELDS table. */
export function defaultConfig(): Config {
  let config: unknown = { version: CONFIG_VERSION };
  for (const spec of FIELDS) {
    const value = Array.isArray(spec.default) ? [...spec.default] : spec.default;
    config = setPath(config, spec.path, value);
  }
  if (!isCompleteConfig(config)) throw new Error('the FIELDS table has an invalid default');
  return config;
}

/** The values an enum field offers to a config of scenario kind `kind`. */
export function allowedValues(
  spec: FieldSpec & { kind: 'enum' },
  kind: ScenarioKind,
): readonly string[] {
  return spec.valuesFor ? spec.valuesFor(kind) : spec.values;
}

/**
 * The value a kind-dependent choice starts from under `kind`: the field's own per-kind default (a
 * kind's strategy), else its default when the kind offers it, else the kind's first value.
 */
function kindDefault(spec: FieldSpec & { kind: 'enum' }, kind: ScenarioKind): string | undefined {
  const allowed = allowedValues(spec, kind);
  const own = spec.defaultFor?.(kind);
  if (own !== undefined && allowed.includes(own)) return own;
  return allowed.includes(String(spec.default)) ? String(spec.default) : allowed[0];
}

/**
 * The value a field starts from under `kind`: the kind's own choice for the strategy and answer
 * format, the field's default otherwise (share links omit a field that holds it).
 * @param spec the field
 * @param kind the scenario kind
 */
export function fieldDefault(spec: FieldSpec, kind: ScenarioKind): FieldValue {
  if (spec.kind === 'enum' && spec.valuesFor) return kindDefault(spec, kind) ?? spec.default;
  return spec.default;
}

/**
 * Makes the choices that depend on the scenario kind (strategies, answer formats) fit the kind.
 * A choice the input gave (its path in `given`; every choice when `given` is absent) is kept if
 * the kind offers it, else replaced by the kind's default with an issue naming the field. A choice
 * the input did not give takes the kind's default silently: a link or a CLI call that only names
 * a kind gets that kind's own strategy and format, with nothing to complain about.
 * @param config a config whose fields are each valid on their own
 * @param given the paths the input set explicitly
 */
export function checkKindChoices(config: Config, given?: ReadonlySet<string>): ParsedConfig {
  const issues: ConfigIssue[] = [];
  let next = config;
  const kind = config.scenario.kind;
  for (const spec of FIELDS) {
    if (spec.kind !== 'enum' || !spec.valuesFor) continue;
    const fallback = kindDefault(spec, kind);
    if (fallback === undefined) continue;
    const value = getPath(next, spec.path);
    if (given && !given.has(spec.path)) {
      if (value !== fallback) next = setPath(next, spec.path, fallback);
      continue;
    }
    if (typeof value === 'string' && allowedValues(spec, kind).includes(value)) continue;
    issues.push({
      field: spec.path,
      message: `${spec.path} ${describeValue(value)} is not offered by the ${choiceLabel('scenario.kind', kind)} scenario (one of ${allowedValues(spec, kind).join(', ')}); using ${fallback}`,
    });
    next = setPath(next, spec.path, fallback);
  }
  return { config: next, issues };
}

/** Deepest nesting of a config (paths.ts); deeper objects are reported, not walked. */
const MAX_DEPTH = MAX_CONFIG_DEPTH;

/** Paths of fields whose values are lists: anything under them is the field's own (bad) value. */
const LIST_PATHS = FIELDS.filter((f) => f.kind === 'layers').map((f) => f.path);

/**
 * The leaf paths of an input object, walked to the schema's depth and no deeper, so an object
 * nested thousands of levels deep cannot overflow the stack. Objects found at MAX_DEPTH (other
 * than a field's own value) go to `tooDeep` instead of being walked.
 */
function collectLeafPaths(
  value: unknown,
  prefix: string,
  depth: number,
  out: { leaves: string[]; tooDeep: string[] },
): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    if (prefix) out.leaves.push(prefix);
  } else if (depth >= MAX_DEPTH && !FIELD_BY_PATH.has(prefix)) {
    out.tooDeep.push(prefix);
  } else {
    for (const [k, v] of Object.entries(value as Record<string, unknown>))
      collectLeafPaths(v, prefix ? `${prefix}.${k}` : k, depth + 1, out);
  }
}

/**
 * Validates any input (parsed JSON, a link's decoded fields). Valid fields are kept, invalid or
 * unknown ones are reported by name and replaced by defaults; this never throws.
 */
export function parseConfig(input: unknown): ParsedConfig {
  const issues: ConfigIssue[] = [];
  let config = defaultConfig();
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { config, issues: [{ field: '', message: 'the configuration must be a JSON object' }] };
  }
  const version = (input as Record<string, unknown>).version;
  if (isMigratable(version)) input = migrateInput(input as Record<string, unknown>, version);
  else if (version !== undefined && version !== CONFIG_VERSION) {
    issues.push({
      field: 'version',
      message:
        typeof version === 'number' && version > CONFIG_VERSION
          ? `version ${version} is newer than this lab (${CONFIG_VERSION}); fields it does not know were ignored`
          : `version must be ${CONFIG_VERSION} (got ${describeValue(version)})`,
    });
  }
  const walked = { leaves: [] as string[], tooDeep: [] as string[] };
  collectLeafPaths(input, '', 0, walked);
  for (const path of walked.tooDeep)
    issues.push({
      field: path,
      message: `${quoteText(path)} holds objects nested deeper than any setting (at most ${MAX_DEPTH} levels)`,
    });
  for (const path of walked.leaves) {
    if (path === 'version' || FIELD_BY_PATH.has(path)) continue;
    if (LIST_PATHS.some((p) => path.startsWith(`${p}.`))) continue; // inside a field's own value
    issues.push({ field: path, message: `${quoteText(path)} is not a known setting` });
  }
  const given = new Set<string>();
  for (const spec of FIELDS) {
    const raw = getPath(input, spec.path);
    if (raw === undefined) continue;
    given.add(spec.path);
    const checked = checkField(spec, raw);
    if (checked.ok) config = setPath(config, spec.path, checked.value);
    else issues.push({ field: spec.path, message: checked.message });
  }
  const choices = checkKindChoices(config, given);
  return { config: choices.config, issues: [...issues, ...choices.issues] };
}

/** Applies `path=value` text assignments (CLI `--set`); reports unknown paths and bad values. */
export function applyAssignments(config: Config, assignments: readonly string[]): ParsedConfig {
  const issues: ConfigIssue[] = [];
  let next = config;
  for (const assignment of assignments) {
    const eq = assignment.indexOf('=');
    const path = eq < 0 ? assignment : assignment.slice(0, eq);
    const spec = FIELD_BY_PATH.get(path);
    if (!spec) {
      issues.push({ field: path, message: `${quoteText(path)} is not a known setting` });
      continue;
    }
    if (eq < 0) {
      issues.push({
        field: path,
        message: `${path} needs a value: ${path}=<${describeRange(spec)}>`,
      });
      continue;
    }
    const text = assignment.slice(eq + 1);
    const checked = checkField(spec, parseFieldText(spec, text));
    const why = spec.kind === 'int' || spec.kind === 'number' ? whyNotDecimal(text) : null;
    if (checked.ok) next = setPath(next, path, checked.value);
    else if (why === null) issues.push({ field: path, message: checked.message });
    else
      issues.push({
        field: path,
        message: `${path} must be ${describeRange(spec)} (got ${quoteText(text)}: ${why})`,
      });
  }
  // Choosing a kind switches its choices to the kind's own (silently, unless the same
  // assignments also set that choice); otherwise every choice counts as given.
  const assigned = new Set(
    assignments.map((a) => (a.includes('=') ? a.slice(0, a.indexOf('=')) : a)),
  );
  const kindChosen = assigned.has('scenario.kind') && next.scenario.kind !== config.scenario.kind;
  const choices = checkKindChoices(next, kindChosen ? assigned : undefined);
  return { config: choices.config, issues: [...issues, ...choices.issues] };
}

/** The display name of one value of an enum field (the value itself when the field names none). */
export function choiceLabel(path: string, value: string): string {
  const spec = FIELD_BY_PATH.get(path);
  const labels = spec?.kind === 'enum' ? spec.labels : undefined;
  return labels && Object.prototype.hasOwnProperty.call(labels, value) ? labels[value]! : value;
}
