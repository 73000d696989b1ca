/**
 * `npm run sweep`: the fidelity-versus-defense-cost frontier of one knob, from the command line.
 * JSON by default, CSV with --csv (one row per level).
 */
import { parseArgs } from 'node:util';
import { parseConfig, parseDecimal, quoteText } from '../core/config';
import { SWEEP_KNOB_BY_NAME, SWEEP_KNOBS, sweep, type Level, type SweepKnob } from '../core/sweep';
import { sweepToCsv } from '../classroom/csv';
import { knobLevels, knobsFor } from '../core/registry/meta';
import { CONFIG_OPTIONS, UsageError, describeIssues, loadAssets, loadConfig, runCli } from './args';

/** Most levels and seeds one sweep runs (each level runs once per seed). */
const MAX_LEVELS = 50;
const MAX_SEEDS = 50;

/**
 * Reads `--levels a,b,c`: 'off', a decimal number for a numeric knob, or a name for a knob of
 * names (the answer format). Empty items (`--levels ','`), non-decimal numbers (`0x10`) and more
 * than MAX_LEVELS items are refused; the schema then checks each level's range.
 */
function parseLevels(knob: SweepKnob, text: string): Level[] {
  const items = text.split(',');
  if (items.length > MAX_LEVELS)
    throw new UsageError(`--levels lists ${items.length} levels; at most ${MAX_LEVELS} per sweep`);
  const numeric = knob.levels.some((level) => typeof level === 'number');
  return items.map((item) => {
    if (item === '')
      throw new UsageError(
        `--levels has an empty item in ${quoteText(text)}; write levels like ${knob.levels.slice(0, 3).join(',')}`,
      );
    if (item === 'off' || !numeric) return item;
    const value = parseDecimal(item);
    if (value === null)
      throw new UsageError(
        `--levels: ${quoteText(item)} is neither off nor a decimal number (for ${knob.name})`,
      );
    return value;
  });
}

const HELP = `Usage: npm run sweep -- --knob NAME [options]

Runs one defense knob from "off" to "strong" over several seeds and prints, per level, the mean and
standard deviation of the student's fidelity, the four costs to honest users, and the attacker's cost.

Options:
  --knob NAME         the knob to sweep (required), one of:
${SWEEP_KNOBS.map(
  (k) => `                        ${k.name}  (${k.label}; levels ${k.levels.join(',')})`,
).join('\n')}
  --levels a,b,c      levels to run instead of the built-in grid ('off' switches the defense off)
  --seeds N           number of seeds, from the config's seed upward (default 3, 1 to 50)
  --config FILE       base configuration from a JSON file
  --link URL          base configuration from a share link
  --set PATH=VALUE    set one field of the base configuration (repeatable; see npm run sim -- --help)
  --csv               print CSV instead of JSON
  --help              show this help

Exit codes: 0 success, 2 invalid input (one line on stderr names the field).
`;

runCli(() => {
  const { values } = parseArgs({
    options: {
      knob: { type: 'string' },
      levels: { type: 'string' },
      seeds: { type: 'string', default: '3' },
      ...CONFIG_OPTIONS,
      csv: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const knob = values.knob === undefined ? undefined : SWEEP_KNOB_BY_NAME.get(values.knob);
  if (!knob) {
    throw new UsageError(
      `--knob must be one of ${SWEEP_KNOBS.map((k) => k.name).join(', ')} (got ${quoteText(values.knob ?? '')})`,
    );
  }
  const seedCount = parseDecimal(values.seeds ?? '');
  if (
    seedCount === null ||
    !Number.isInteger(seedCount) ||
    seedCount < 1 ||
    seedCount > MAX_SEEDS
  ) {
    throw new UsageError(
      `--seeds must be an integer from 1 to ${MAX_SEEDS} (got ${quoteText(values.seeds ?? '')})`,
    );
  }
  const config = loadConfig({
    configFile: values.config,
    link: values.link,
    assignments: values.set ?? [],
  });
  const levels = values.levels === undefined ? undefined : parseLevels(knob, values.levels);
  for (const level of levels ?? []) {
    // Each level must give a valid config: the schema names the field and its range.
    const issues = parseConfig(knob.apply(config, level)).issues;
    if (issues.length > 0)
      throw new UsageError(`--levels ${quoteText(String(level))}: ${describeIssues(issues)}`);
  }
  if (!knobsFor(config.scenario.kind).includes(knob)) {
    throw new UsageError(
      `--knob ${knob.name} does not apply to the ${config.scenario.kind} scenario; its knobs: ${knobsFor(
        config.scenario.kind,
      )
        .map((k) => k.name)
        .join(', ')}`,
    );
  }
  const seeds = Array.from({ length: seedCount }, (_, i) => config.seed + i);
  const grid = levels ?? knobLevels(knob, config.scenario.kind);
  const assets = loadAssets(
    config,
    grid.map((level) => knob.apply(config, level)),
  );
  const result = sweep(config, knob.name, grid, seeds, { assets });
  process.stdout.write(values.csv ? `${sweepToCsv(result)}\n` : `${JSON.stringify(result)}\n`);
});
