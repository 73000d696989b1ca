/**
 * `npm run sweep`: the fidelity-versus-defense-cost frontier of one knob, from the command line.
 * JSON by default, CSV with --csv (one row per level).
 */
import { parseArgs } from 'node:util';
import { parseConfig } from '../core/config';
import { SWEEP_KNOB_BY_NAME, SWEEP_KNOBS, type Level } from '../core/sweep';
import { sweep } from '../core/sweep';
import { sweepToCsv } from '../classroom/csv';
import { knobLevels, knobsFor } from '../core/registry/meta';
import { UsageError, loadAssets, loadConfig, runCli } from './args';

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
      config: { type: 'string' },
      link: { type: 'string' },
      set: { type: 'string', multiple: true, default: [] },
      csv: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const knob = values.knob ? SWEEP_KNOB_BY_NAME.get(values.knob) : undefined;
  if (!knob) {
    throw new UsageError(
      `--knob must be one of ${SWEEP_KNOBS.map((k) => k.name).join(', ')} (got ${JSON.stringify(values.knob ?? '')})`,
    );
  }
  const seedCount = Number(values.seeds);
  if (!Number.isInteger(seedCount) || seedCount < 1 || seedCount > 50) {
    throw new UsageError(
      `--seeds must be an integer from 1 to 50 (got ${JSON.stringify(values.seeds)})`,
    );
  }
  const config = loadConfig({
    configFile: values.config,
    link: values.link,
    assignments: values.set ?? [],
  });
  const levels: Level[] | undefined = values.levels
    ?.split(',')
    .map((text) => text.trim())
    .map((text) => (text === 'off' || Number.isNaN(Number(text)) ? text : Number(text)));
  for (const level of levels ?? []) {
    // Each level must give a valid config: the schema names the field and its range.
    const issues = parseConfig(knob.apply(config, level)).issues;
    if (issues.length > 0)
      throw new UsageError(`--levels ${level}: ${issues.map((i) => i.message).join('; ')}`);
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
