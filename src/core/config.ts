/**
 * The one configuration schema. The same plain object is the page's state, the share link's
 * content (src/state/url.ts formats it from FIELDS below) and the CLI's input. Behaviour is looked
 * up by name ("jacobian", "reverseSigmoid"), never stored as a function, so a config crosses the
 * URL, the worker boundary and the command line unchanged.
 *
 * Every field is declared once in FIELDS: its dotted path, kind, allowed range, default, a short
 * key for share links, a label and a plain-words help text. Defaults, validation, `--set`, the
 * share link and the page's tooltips are all derived from that table.
 */

/** Schema version: bump when a field changes meaning; old links are migrated or reported. */
export const CONFIG_VERSION = 1;

export const DATASETS = ['moons', 'circles', 'xor', 'spiral', 'blobs'] as const;
export const STRATEGIES = ['random', 'natural', 'active', 'jacobian'] as const;
export const OUTPUT_MODES = [
  'probabilities',
  'rounded',
  'topk',
  'label',
  'noise',
  'reverseSigmoid',
] as const;
export const ACTIVATIONS = ['tanh', 'relu'] as const;

export type DatasetName = (typeof DATASETS)[number];
export type StrategyName = (typeof STRATEGIES)[number];
export type OutputMode = (typeof OUTPUT_MODES)[number];
export type Activation = (typeof ACTIVATIONS)[number];

export interface Config {
  version: number;
  seed: number;
  scenario: {
    dataset: DatasetName;
    /** label noise / spread of the generator, 0 = clean */
    noise: number;
    /** points in the victim's private training set */
    trainSize: number;
    /** held-out points for accuracy and fidelity */
    testSize: number;
  };
  victim: { hidden: number[]; activation: Activation; epochs: number };
  attack: {
    strategy: StrategyName;
    /** query budget: queries the attacker sends in all */
    queries: number;
    accounts: number;
    days: number;
    /** USD per 1,000 answered queries */
    pricePer1k: number;
    /** USD per account opened */
    accountCost: number;
    /** 0 = the attacker's pool follows the victim's distribution; larger = shifted and noisier */
    poolShift: number;
    /** active learning: rounds of uncertainty sampling */
    rounds: number;
    /** jacobian: size of the natural seed set */
    seedSize: number;
    /** jacobian: augmentation step lambda, in input units */
    lambda: number;
    student: { hidden: number[]; activation: Activation; epochs: number };
  };
  defense: {
    output: {
      mode: OutputMode;
      decimals: number;
      k: number;
      sigma: number;
      beta: number;
      gamma: number;
    };
    rateLimit: { on: boolean; perDay: number };
    watermark: { on: boolean; rate: number; alpha: number };
    detection: { on: boolean; delta: number; minQueries: number };
  };
  benign: { accounts: number; medianPerDay: number; spread: number; days: number };
}

type FieldKind =
  | { kind: 'int'; min: number; max: number }
  | { kind: 'number'; min: number; max: number }
  | { kind: 'bool' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'layers'; maxLayers: number; minUnits: number; maxUnits: number };

export type FieldValue = number | boolean | string | number[];

export type FieldSpec = FieldKind & {
  /** dotted path into Config */
  path: string;
  /** short key in share links (stable across versions) */
  key: string;
  default: FieldValue;
  label: string;
  help: string;
  /** unit shown next to the value, if any */
  unit?: string;
};

/** Every configurable field, once. Order is the order of the CLI help and the share link. */
export const FIELDS: readonly FieldSpec[] = [
  {
    path: 'seed',
    key: 's',
    kind: 'int',
    min: 0,
    max: 2147483647,
    default: 1,
    label: 'Seed',
    help: 'Seed of the random generator: the same seed and settings always give the same numbers.',
  },
  {
    path: 'scenario.dataset',
    key: 'd',
    kind: 'enum',
    values: DATASETS,
    default: 'moons',
    label: 'Dataset',
    help: "The victim's task: which 2-D pattern it learned to classify.",
  },
  {
    path: 'scenario.noise',
    key: 'n',
    kind: 'number',
    min: 0,
    max: 0.5,
    default: 0.1,
    label: 'Noise',
    help: 'How fuzzy the classes are; higher makes the task harder for the victim too.',
  },
  {
    path: 'scenario.trainSize',
    key: 'tr',
    kind: 'int',
    min: 50,
    max: 5000,
    default: 800,
    label: 'Victim training set',
    unit: 'points',
    help: "Size of the owner's private training data, which the attacker never sees.",
  },
  {
    path: 'scenario.testSize',
    key: 'te',
    kind: 'int',
    min: 100,
    max: 10000,
    default: 1000,
    label: 'Held-out set',
    unit: 'points',
    help: 'Points used to measure accuracy and fidelity.',
  },
  {
    path: 'victim.hidden',
    key: 'vh',
    kind: 'layers',
    maxLayers: 3,
    minUnits: 1,
    maxUnits: 32,
    default: [16, 16],
    label: 'Victim layers',
    help: "Hidden layer sizes of the victim's neural network.",
  },
  {
    path: 'victim.activation',
    key: 'va',
    kind: 'enum',
    values: ACTIVATIONS,
    default: 'relu',
    label: 'Victim activation',
    help: 'Non-linearity of the victim network.',
  },
  {
    path: 'victim.epochs',
    key: 've',
    kind: 'int',
    min: 5,
    max: 500,
    default: 100,
    label: 'Victim epochs',
    help: 'Passes over the private data when the owner trains the victim.',
  },
  {
    path: 'attack.strategy',
    key: 'a',
    kind: 'enum',
    values: STRATEGIES,
    default: 'random',
    label: 'Strategy',
    help: 'How the attacker chooses what to ask.',
  },
  {
    path: 'attack.queries',
    key: 'q',
    kind: 'int',
    min: 10,
    max: 10000,
    default: 1000,
    label: 'Query budget',
    unit: 'queries',
    help: 'How many queries the attacker sends in all.',
  },
  {
    path: 'attack.accounts',
    key: 'ac',
    kind: 'int',
    min: 1,
    max: 100000,
    default: 1,
    label: 'Accounts',
    help: 'API accounts the attacker opens; its queries are spread over them.',
  },
  {
    path: 'attack.days',
    key: 'dy',
    kind: 'int',
    min: 1,
    max: 365,
    default: 1,
    label: 'Days',
    unit: 'days',
    help: 'Days the attacker takes; its queries are spread over them.',
  },
  {
    path: 'attack.pricePer1k',
    key: 'pr',
    kind: 'number',
    min: 0,
    max: 1000,
    default: 2,
    label: 'Price',
    unit: 'USD per 1,000 queries',
    help: 'What the API charges; papers use $1 to $10 per 1,000 queries.',
  },
  {
    path: 'attack.accountCost',
    key: 'pa',
    kind: 'number',
    min: 0,
    max: 1000,
    default: 0.5,
    label: 'Account cost',
    unit: 'USD per account',
    help: 'What it costs the attacker to open one more account.',
  },
  {
    path: 'attack.poolShift',
    key: 'ps',
    kind: 'number',
    min: 0,
    max: 2,
    default: 0,
    label: 'Pool shift',
    help: "How far the attacker's own unlabeled data is from the victim's (0 = same distribution).",
  },
  {
    path: 'attack.rounds',
    key: 'ar',
    kind: 'int',
    min: 1,
    max: 20,
    default: 5,
    label: 'Active rounds',
    help: 'Active learning: query, retrain and pick the most uncertain points again, this many times.',
  },
  {
    path: 'attack.seedSize',
    key: 'js',
    kind: 'int',
    min: 2,
    max: 1000,
    default: 16,
    label: 'Seed set',
    unit: 'points',
    help: 'Jacobian augmentation: natural points the attacker starts from; the set doubles each round.',
  },
  {
    path: 'attack.lambda',
    key: 'jl',
    kind: 'number',
    min: 0.001,
    max: 1,
    default: 0.1,
    label: 'Step lambda',
    help: 'Jacobian augmentation: how far each new point steps along the sign of the gradient.',
  },
  {
    path: 'attack.student.hidden',
    key: 'sh',
    kind: 'layers',
    maxLayers: 3,
    minUnits: 1,
    maxUnits: 32,
    default: [16, 16],
    label: 'Student layers',
    help: "Hidden layer sizes of the attacker's copy.",
  },
  {
    path: 'attack.student.activation',
    key: 'sa',
    kind: 'enum',
    values: ACTIVATIONS,
    default: 'tanh',
    label: 'Student activation',
    help: "Non-linearity of the attacker's copy.",
  },
  {
    path: 'attack.student.epochs',
    key: 'se',
    kind: 'int',
    min: 5,
    max: 500,
    default: 25,
    label: 'Student epochs',
    help: 'Passes over the stolen answers when the attacker trains its copy.',
  },
  {
    path: 'defense.output.mode',
    key: 'om',
    kind: 'enum',
    values: OUTPUT_MODES,
    default: 'probabilities',
    label: 'API answers',
    help: 'What the API returns for each query.',
  },
  {
    path: 'defense.output.decimals',
    key: 'od',
    kind: 'int',
    min: 0,
    max: 6,
    default: 3,
    label: 'Decimals',
    help: 'Rounding: probabilities are rounded to this many decimals.',
  },
  {
    path: 'defense.output.k',
    key: 'ok',
    kind: 'int',
    min: 1,
    max: 3,
    default: 1,
    label: 'Top k',
    help: 'Top-k: only the k most likely classes are returned, with their probabilities.',
  },
  {
    path: 'defense.output.sigma',
    key: 'os',
    kind: 'number',
    min: 0,
    max: 2,
    default: 0.2,
    label: 'Noise sigma',
    help: 'Gaussian noise added to each probability before renormalising; can flip the answer.',
  },
  {
    path: 'defense.output.beta',
    key: 'ob',
    kind: 'number',
    min: 0,
    max: 10,
    default: 1,
    label: 'Reverse sigmoid beta',
    help: 'Reverse sigmoid: strength of the perturbation.',
  },
  {
    path: 'defense.output.gamma',
    key: 'og',
    kind: 'number',
    min: 0.001,
    max: 10,
    default: 0.1,
    label: 'Reverse sigmoid gamma',
    help: 'Reverse sigmoid: how sharply the perturbation follows the logit.',
  },
  {
    path: 'defense.rateLimit.on',
    key: 'rl',
    kind: 'bool',
    default: false,
    label: 'Rate limit',
    help: 'Each account gets at most a fixed number of answers per day.',
  },
  {
    path: 'defense.rateLimit.perDay',
    key: 'rd',
    kind: 'int',
    min: 1,
    max: 100000,
    default: 200,
    label: 'Per account per day',
    unit: 'queries/day',
    help: 'The daily limit per account.',
  },
  {
    path: 'defense.watermark.on',
    key: 'wm',
    kind: 'bool',
    default: false,
    label: 'Watermark',
    help: 'A few answers are deliberately wrong, chosen by a secret key, so a stolen copy can be recognised later.',
  },
  {
    path: 'defense.watermark.rate',
    key: 'wr',
    kind: 'number',
    min: 0,
    max: 0.5,
    default: 0.01,
    label: 'Watermark rate',
    help: 'Share of answers that carry the watermark (a deliberately wrong label).',
  },
  {
    path: 'defense.watermark.alpha',
    key: 'wa',
    kind: 'number',
    min: 1e-12,
    max: 0.1,
    default: 0.001,
    label: 'Significance',
    help: 'Ownership is shown when the p-value is below this threshold.',
  },
  {
    path: 'defense.detection.on',
    key: 'dt',
    kind: 'bool',
    default: false,
    label: 'Detection (PRADA)',
    help: "Watches each account's queries and bans accounts whose query pattern looks synthetic.",
  },
  {
    path: 'defense.detection.delta',
    key: 'dd',
    kind: 'number',
    min: 0.5,
    max: 1,
    default: 0.7,
    label: 'Threshold delta',
    help: 'Alarm when the Shapiro-Wilk W of query distances falls below this; higher is stricter. In 2-D, honest traffic scores W of about 0.8 to 0.9, so the paper’s 0.9 would flag everyone: 0.7 is calibrated here.',
  },
  {
    path: 'defense.detection.minQueries',
    key: 'dm',
    kind: 'int',
    min: 3,
    max: 5000,
    default: 40,
    label: 'Queries before testing',
    help: 'Distances an account must accumulate before it can be tested.',
  },
  {
    path: 'benign.accounts',
    key: 'ba',
    kind: 'int',
    min: 1,
    max: 10000,
    default: 200,
    label: 'Honest accounts',
    help: 'Simulated honest users whose experience the defenses cost.',
  },
  {
    path: 'benign.medianPerDay',
    key: 'bm',
    kind: 'number',
    min: 1,
    max: 10000,
    default: 40,
    label: 'Median use',
    unit: 'queries/day',
    help: 'Typical daily queries of an honest account.',
  },
  {
    path: 'benign.spread',
    key: 'bs',
    kind: 'number',
    min: 0,
    max: 3,
    default: 0.75,
    label: 'Spread',
    help: 'Log-normal spread of honest daily volumes; larger means more heavy users.',
  },
  {
    path: 'benign.days',
    key: 'bd',
    kind: 'int',
    min: 1,
    max: 365,
    default: 7,
    label: 'Days observed',
    unit: 'days',
    help: 'Days of honest traffic over which the costs are measured.',
  },
];

/** Field specs by dotted path. */
export const FIELD_BY_PATH: ReadonlyMap<string, FieldSpec> = new Map(
  FIELDS.map((f) => [f.path, f]),
);

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

/** Reads a dotted path from a nested object. */
export function getPath(source: unknown, path: string): unknown {
  let node: unknown = source;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
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
    message: `${spec.path} must be ${describeRange(spec)} (got ${JSON.stringify(value)})`,
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

/** Parses a field from text (CLI `--set`, share links): numbers, true/false, names, "16x16" layers. */
export function parseFieldText(spec: FieldSpec, text: string): unknown {
  const trimmed = text.trim();
  switch (spec.kind) {
    case 'int':
    case 'number':
      return trimmed === '' ? NaN : Number(trimmed);
    case 'bool':
      return trimmed === 'true' || trimmed === '1'
        ? true
        : trimmed === 'false' || trimmed === '0'
          ? false
          : trimmed;
    case 'enum':
      return trimmed;
    case 'layers':
      return trimmed
        .split(/[x,\s]+/)
        .filter(Boolean)
        .map(Number);
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

function collectLeafPaths(value: unknown, prefix: string, out: string[]): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      collectLeafPaths(v, prefix ? `${prefix}.${k}` : k, out);
    }
  } else if (prefix) {
    out.push(prefix);
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
          : `version must be ${CONFIG_VERSION} (got ${JSON.stringify(version)})`,
    });
  }
  const leaves: string[] = [];
  collectLeafPaths(input, '', leaves);
  for (const path of leaves) {
    if (path === 'version' || FIELD_BY_PATH.has(path)) continue;
    if ([...FIELD_BY_PATH.keys()].some((p) => path.startsWith(`${p}.`))) continue; // inside a layers array
    issues.push({ field: path, message: `${path} is not a known setting` });
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
      issues.push({ field: path, message: `${path} is not a known setting` });
      continue;
    }
    if (eq < 0) {
      issues.push({
        field: path,
        message: `${path} needs a value: ${path}=<${describeRange(spec)}>`,
      });
      continue;
    }
    const checked = checkField(spec, parseFieldText(spec, assignment.slice(eq + 1)));
    if (checked.ok) next = setPath(next, path, checked.value);
    else issues.push({ field: path, message: checked.message });
  }
  return { config: next, issues };
}
