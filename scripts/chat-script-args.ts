/**
 * What the chat numbers scripts (scripts/campaign-numbers.ts, scripts/chat-defense-numbers.ts)
 * share: reading `--name value` options and building a checked chat config from field paths.
 */
import {
  checkKindChoices,
  defaultConfig,
  parseConfig,
  setPath,
  type Config,
} from '../src/core/config';

/** The value after `name` on the command line, or null. */
export function option(name: string): string | null {
  const at = process.argv.indexOf(name);
  return at >= 0 ? (process.argv[at + 1] ?? null) : null;
}

/** The chat kind's default config with `fields` (paths to values) set; throws on an invalid one. */
export function chatConfig(fields: Record<string, unknown>): Config {
  let config = checkKindChoices(setPath(defaultConfig(), 'scenario.kind', 'chat')).config;
  for (const [path, value] of Object.entries(fields)) config = setPath(config, path, value);
  const parsed = parseConfig(config);
  if (parsed.issues.length > 0) throw new Error(parsed.issues.map((i) => i.message).join('; '));
  return parsed.config;
}
