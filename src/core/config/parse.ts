/**
 * Reading, checking and writing configurations against the FIELDS table: dotted-path access,
 * immutable updates, validation that names the field and its range, text parsing for `--set` and
 * share links, defaults. Never throws on bad input: invalid parts are reported and replaced.
 */
import { FIELD_BY_PATH, FIELDS } from './fields';
import { CONFIG_VERSION, type Config, type FieldSpec, type FieldValue } from './schema';
import { describeValue, parseDecimal, quoteText, whyNotDecimal } from './text';

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

/**
 * Reads a dotted path from a nested object, through own properties only: a name every object
 * inherits (`constructor`, `__proto__`, `toString`) reads as missing, never as a function.
 */
export function getPath(source: unknown, path: string): unknown {
  let node: unknown = source;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Returns a copy of `target` with the value at a dotted path replaced (immutable update). */
export function setPath<T>(target: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.');
  const base = (target ?? {}) as Record<string, unknown>;
  if (head === undefined) return target;
  const next = rest.length === 0 ? value : setPath(base[head], rest.join('.'), value);
  return { ...base, [head]: next } as T;
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

/** The default configuration (a fresh object each call). */
export function defaultConfig(): Config {
  let config = { version: CONFIG_VERSION } as unknown as Config;
  for (const spec of FIELDS) {
    const value = Array.isArray(spec.default) ? [...spec.default] : spec.default;
    config = setPath(config, spec.path, value);
  }
  return config;
}

/** Deepest nesting of a setting (3 for attack.student.hidden); deeper objects are not walked. */
const MAX_DEPTH = Math.max(...FIELDS.map((f) => f.path.split('.').length));

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
  if (version !== undefined && version !== CONFIG_VERSION) {
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
  for (const spec of FIELDS) {
    const raw = getPath(input, spec.path);
    if (raw === undefined) continue;
    const checked = checkField(spec, raw);
    if (checked.ok) config = setPath(config, spec.path, checked.value);
    else issues.push({ field: spec.path, message: checked.message });
  }
  return { config, issues };
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
  return { config: next, issues };
}
