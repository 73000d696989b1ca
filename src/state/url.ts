/**
 * Share links: the whole config in the URL fragment, e.g. `#v=1&a=jacobian&q=3000&om=label`.
 * Pure functions over strings (no window.location here), driven by the FIELDS table of
 * src/core/config.ts: each field's short `key`, only values that differ from the default, fields in
 * table order, and the schema version first so a future lab can migrate or report old links.
 *
 * Parsing never throws: a broken or future link keeps every valid field and reports each bad one by
 * name and allowed range (the house rule for errors a person can cause).
 */
import {
  CONFIG_VERSION,
  FIELDS,
  checkKindChoices,
  fieldDefault,
  checkField,
  defaultConfig,
  describeRange,
  formatFieldText,
  getPath,
  parseDecimal,
  parseFieldText,
  quoteText,
  whyNotDecimal,
  setPath,
  type Config,
  type ConfigIssue,
  type FieldSpec,
  type FieldValue,
  type ParsedConfig,
} from '../core/config';

/** Key of the schema version in the fragment. */
const VERSION_KEY = 'v';

/**
 * Keys of the page's view, not settings: lessons, embedding, locks and presenter mode
 * (src/classroom/viewFlags.ts gives them meaning). Parsing skips them; links keep them.
 */
export const VIEW_KEYS: ReadonlySet<string> = new Set([
  'lesson',
  'step',
  'embed',
  'lock',
  'hide',
  'present',
]);

/** The view keys of a fragment as "&key=value..." to follow the settings ('' when none). */
export function viewPart(hash: string): string {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const parts = body.split('&').filter((part) => VIEW_KEYS.has(part.split('=')[0] ?? ''));
  return parts.map((part) => `&${part}`).join('');
}

const FIELD_BY_KEY: ReadonlyMap<string, FieldSpec> = new Map(FIELDS.map((f) => [f.key, f]));

/** Booleans are written as 1/0 to keep links short (parseFieldText reads both forms). */
function formatValue(spec: FieldSpec, value: FieldValue): string {
  if (spec.kind === 'bool') return value ? '1' : '0';
  return encodeURIComponent(formatFieldText(spec, value));
}

function sameValue(a: unknown, b: FieldValue): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/**
 * Formats a config as a URL fragment, starting with '#': the version, then every field whose value
 * differs from its default. The default config gives `#v=2`.
 */
export function formatShareHash(config: Config): string {
  const parts = [`${VERSION_KEY}=${CONFIG_VERSION}`];
  for (const spec of FIELDS) {
    const value = getPath(config, spec.path) as FieldValue | undefined;
    // A field at the value the link's kind starts from is left out (parseShareHash fills it in).
    if (value === undefined || sameValue(value, fieldDefault(spec, config.scenario.kind))) continue;
    parts.push(`${spec.key}=${formatValue(spec, value)}`);
  }
  return `#${parts.join('&')}`;
}

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * Parses a URL fragment (with or without its leading '#'). Unknown keys, values out of range and
 * versions newer than this lab are reported in `issues`; every valid field is kept, defaults fill
 * the rest. An empty fragment gives the default config with no issue.
 */
export function parseShareHash(hash: string): ParsedConfig {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const issues: ConfigIssue[] = [];
  let config = defaultConfig();
  let version = CONFIG_VERSION;
  /** the fields the link sets (with a valid value) */
  const given = new Set<string>();
  for (const part of body.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = decode(eq < 0 ? part : part.slice(0, eq)) ?? part;
    const text = eq < 0 ? null : decode(part.slice(eq + 1));
    if (key === VERSION_KEY) {
      const parsed = text === null ? null : parseDecimal(text);
      if (parsed !== null && Number.isInteger(parsed) && parsed >= 1) version = parsed;
      else
        issues.push({
          field: 'version',
          message: `the link's version ${quoteText(text ?? part.slice(eq + 1))} is not a version number; read as version ${CONFIG_VERSION}`,
        });
      continue;
    }
    if (VIEW_KEYS.has(key)) continue;
    const spec = FIELD_BY_KEY.get(key);
    if (!spec) {
      issues.push({
        field: key,
        message: `${quoteText(key)} is not a setting this lab knows; ignored`,
      });
      continue;
    }
    if (text === null) {
      issues.push({
        field: spec.path,
        message: `${spec.label} (${key}) has no readable value; it must be ${describeRange(spec)}`,
      });
      continue;
    }
    const checked = checkField(spec, parseFieldText(spec, text));
    const why = spec.kind === 'int' || spec.kind === 'number' ? whyNotDecimal(text) : null;
    if (checked.ok) {
      config = setPath(config, spec.path, checked.value);
      given.add(spec.path);
    } else
      issues.push({
        field: spec.path,
        message: `${spec.label} (${key}=${quoteText(text)}${why ? `: ${why}` : ''}) must be ${describeRange(spec)}; kept the default ${formatFieldText(spec, spec.default)}`,
      });
  }
  // Keys never change meaning across versions (FieldSpec.key), so an older link needs no rewrite
  // (config/migrate.ts lists each version's changes); the kind-dependent choices are checked last:
  // the ones the link gives must suit its kind, the others take the kind's own defaults.
  const choices = checkKindChoices(config, given);
  config = choices.config;
  issues.push(...choices.issues);
  if (version > CONFIG_VERSION) {
    issues.unshift({
      field: 'version',
      message: `this link comes from a newer version of the lab (v=${version}, this is v=${CONFIG_VERSION}); settings it could read were kept`,
    });
  }
  return { config, issues };
}

/**
 * Parses a full share link (https://host/path/#v=1&...), a bare fragment, or a fragment body.
 * A URL without a fragment is the default config.
 */
export function parseShareLink(link: string): ParsedConfig {
  const trimmed = link.trim();
  const hashAt = trimmed.indexOf('#');
  if (hashAt >= 0) return parseShareHash(trimmed.slice(hashAt));
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) return parseShareHash('');
  return parseShareHash(trimmed);
}

/** The share link for a config on a page at `pageUrl` (any existing fragment is replaced). */
export function formatShareLink(pageUrl: string, config: Config): string {
  const hashAt = pageUrl.indexOf('#');
  return `${hashAt >= 0 ? pageUrl.slice(0, hashAt) : pageUrl}${formatShareHash(config)}`;
}
