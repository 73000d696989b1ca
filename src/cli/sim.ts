/**
 * `npm run sim`: one extraction run from the command line; prints one JSON result on stdout.
 * The same simulation core as the page, so a share link gives the same numbers here.
 */
import { parseArgs } from 'node:util';
import { FIELDS, describeRange, formatFieldText } from '../core/config';
import { simulate } from '../core/simulate';
import { summarizeResult } from '../core/summary';
import { CONFIG_OPTIONS, loadAssets, loadConfig, runCli } from './args';

const HELP = `Usage: npm run sim -- [options]

Runs one model-extraction simulation and prints its result as JSON on stdout.

Options:
  --config FILE       read the configuration from a JSON file (fields as below, nested by dots)
  --link URL          use the configuration of a share link copied from the page
                      (the whole URL, or just its #fragment)
  --set PATH=VALUE    set one field; repeat for more (applied after --config / --link)
  --maps              include the victim's and student's decision maps (64x64 probabilities)
  --queries           include the attacker's queries (inputs, status, served label, ...)
  --pretty            indent the JSON
  --help              show this help

Exit codes: 0 success, 2 invalid input (one line on stderr names the field).

Fields (PATH: allowed values [default]):
${FIELDS.map((f) => `  ${f.path}: ${describeRange(f)} [${formatFieldText(f, f.default)}]${f.unit ? ` (${f.unit})` : ''}\n      ${f.help}`).join('\n')}

Example:
  npm run sim -- --set attack.strategy=jacobian --set defense.output.mode=label --pretty
`;

runCli(() => {
  const { values } = parseArgs({
    options: {
      ...CONFIG_OPTIONS,
      maps: { type: 'boolean', default: false },
      queries: { type: 'boolean', default: false },
      pretty: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const config = loadConfig({
    configFile: values.config,
    link: values.link,
    assignments: values.set ?? [],
  });
  const result = simulate(config, { assets: loadAssets(config) });
  const summary = summarizeResult(result, { maps: values.maps, queries: values.queries });
  process.stdout.write(`${JSON.stringify(summary, null, values.pretty ? 2 : undefined)}\n`);
});
