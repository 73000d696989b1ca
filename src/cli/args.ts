/**
 * Shared command-line handling for `npm run sim` and `npm run sweep`: builds a config from
 * defaults, a JSON file or a share link, then `--set path=value` assignments (in that order), and
 * turns any invalid input into exit code 2 with one line on stderr naming the field.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { applyAssignments, parseConfig, type Config, type ConfigIssue } from '../core/config';
import { kindRuntime } from '../core/registry/runtime';
import { assetsFor } from '../core/scenarios/contract';
import { parseShareLink } from '../state/url';

export class UsageError extends Error {}

export interface ConfigSources {
  configFile?: string;
  link?: string;
  assignments: string[];
}

function describe(issues: ConfigIssue[]): string {
  return issues.map((issue) => issue.message).join('; ');
}

/** The config from the sources, or a UsageError naming every invalid field. */
export function loadConfig(sources: ConfigSources): Config {
  let config: Config | undefined;
  if (sources.configFile) {
    let text: string;
    try {
      text = readFileSync(sources.configFile, 'utf8');
    } catch {
      throw new UsageError(`--config: cannot read file ${sources.configFile}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new UsageError(
        `--config: ${sources.configFile} is not valid JSON (${(error as Error).message})`,
      );
    }
    const parsed = parseConfig(json);
    if (parsed.issues.length > 0)
      throw new UsageError(`--config ${sources.configFile}: ${describe(parsed.issues)}`);
    config = parsed.config;
  }
  if (sources.link) {
    // A link holds a whole config (defaults omitted), so it cannot be layered over a file.
    if (config)
      throw new UsageError('--config and --link cannot be used together: a link is a whole config');
    const parsed = parseShareLink(sources.link);
    if (parsed.issues.length > 0) throw new UsageError(`--link: ${describe(parsed.issues)}`);
    config = parsed.config;
  }
  const base = config ?? parseConfig({}).config;
  const assigned = applyAssignments(base, sources.assignments);
  if (assigned.issues.length > 0) throw new UsageError(`--set: ${describe(assigned.issues)}`);
  return assigned.config;
}

/** Runs `main`, mapping UsageError to exit 2 with one line on stderr. */
export function runCli(main: () => void): void {
  try {
    main();
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      process.stderr.write(`${(error as Error).message.split('\n')[0]}\n`);
      process.exit(2);
    }
    throw error;
  }
}

/** The repository's public/ folder (where the page's static files and shipped models live). */
export const PUBLIC_DIR = fileURLToPath(new URL('../../public/', import.meta.url));

/**
 * The files under public/ that runs of `config` need (ScenarioRuntime.assets), read from disk;
 * `configs` adds the files of other configs (a sweep's levels). Core does no I/O: this is its CLI
 * half, and the worker fetches the same paths.
 */
export function loadAssets(
  config: Config,
  configs: readonly Config[] = [],
  publicDir: string = PUBLIC_DIR,
): Map<string, ArrayBuffer> {
  const assets = new Map<string, ArrayBuffer>();
  for (const c of [config, ...configs]) {
    for (const path of assetsFor(kindRuntime(c), c)) {
      if (assets.has(path)) continue;
      let bytes: Buffer;
      try {
        bytes = readFileSync(`${publicDir}${path}`);
      } catch {
        throw new UsageError(`cannot read public/${path}, which this scenario needs`);
      }
      const copy = new ArrayBuffer(bytes.byteLength);
      new Uint8Array(copy).set(bytes);
      assets.set(path, copy);
    }
  }
  return assets;
}
