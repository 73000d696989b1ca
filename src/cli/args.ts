/**
 * Shared command-line handling for `npm run sim` and `npm run sweep`: builds a config from
 * defaults, a JSON file or a share link, then `--set path=value` assignments (in that order), and
 * turns any invalid input into exit code 2 with one line on stderr naming the field.
 *
 * Hostile input stays cheap: a config file is read up to MAX_CONFIG_BYTES and a link up to
 * MAX_LINK_CHARS, at most MAX_REPORTED issues are listed ("and 2,499,990 more"), every echoed
 * piece of user text is quoted and cut (src/core/config/text.ts), and the error line is written
 * before the process ends (exit code set, never process.exit, so a pipe gets the whole line).
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  applyAssignments,
  parseConfig,
  quoteText,
  type Config,
  type ConfigIssue,
} from '../core/config';
import { kindRuntime } from '../core/registry/runtime';
import { assetsFor } from '../core/scenarios/contract';
import { parseShareLink } from '../state/url';
import { installNodeKernels } from './kernels';

export class UsageError extends Error {}

export interface ConfigSources {
  configFile?: string;
  link?: string;
  assignments: string[];
}

/** Largest config file read: 1 MiB, hundreds of times a full config (about 1.5 KB). */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** Longest share link read: 64 KiB characters, far past any link the page makes (under 1 KB). */
export const MAX_LINK_CHARS = 64 * 1024;
/** Issues listed in one error line; the rest are counted. */
export const MAX_REPORTED = 10;

/**
 * The issues' messages joined by "; ", the first MAX_REPORTED of them and then how many more.
 * @param issues every problem found, in the order found
 */
export function describeIssues(issues: readonly ConfigIssue[]): string {
  const shown = issues.slice(0, MAX_REPORTED).map((issue) => issue.message);
  const rest = issues.length - shown.length;
  if (rest > 0) shown.push(`and ${rest.toLocaleString('en-US')} more`);
  return shown.join('; ');
}

/** A file's text, or a UsageError when it is missing, unreadable or over MAX_CONFIG_BYTES. */
function readConfigText(file: string): string {
  const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1);
  let length = 0;
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    throw new UsageError(`--config: cannot read file ${quoteText(file)}`);
  }
  try {
    // Reads at most one byte past the cap (a pipe or /dev/zero has no size to check first).
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0 || (length += read) === buffer.length) break;
    }
  } catch {
    throw new UsageError(`--config: cannot read file ${quoteText(file)}`);
  } finally {
    closeSync(fd);
  }
  if (length > MAX_CONFIG_BYTES)
    throw new UsageError(
      `--config: ${quoteText(file)} is larger than ${MAX_CONFIG_BYTES / 1024} KiB; a configuration is about 1.5 KB`,
    );
  return buffer.toString('utf8', 0, length);
}

/** The config from the sources, or a UsageError naming every invalid field. */
export function loadConfig(sources: ConfigSources): Config {
  let config: Config | undefined;
  if (sources.configFile !== undefined) {
    if (sources.configFile === '')
      throw new UsageError('--config needs the name of a JSON file (got "")');
    const text = readConfigText(sources.configFile);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new UsageError(
        `--config: ${quoteText(sources.configFile)} is not valid JSON (${(error as Error).message})`,
      );
    }
    const parsed = parseConfig(json);
    if (parsed.issues.length > 0)
      throw new UsageError(
        `--config ${quoteText(sources.configFile)}: ${describeIssues(parsed.issues)}`,
      );
    config = parsed.config;
  }
  if (sources.link !== undefined) {
    // A link holds a whole config (defaults omitted), so it cannot be layered over a file.
    if (config)
      throw new UsageError('--config and --link cannot be used together: a link is a whole config');
    if (sources.link.trim() === '')
      throw new UsageError(
        `--link needs a share link copied from the page, or its #fragment (got ${quoteText(sources.link)})`,
      );
    if (sources.link.length > MAX_LINK_CHARS)
      throw new UsageError(
        `--link is ${sources.link.length.toLocaleString('en-US')} characters long; a share link is at most ${MAX_LINK_CHARS / 1024} KiB`,
      );
    const parsed = parseShareLink(sources.link);
    if (parsed.issues.length > 0) throw new UsageError(`--link: ${describeIssues(parsed.issues)}`);
    config = parsed.config;
  }
  const base = config ?? parseConfig({}).config;
  const assigned = applyAssignments(base, sources.assignments);
  if (assigned.issues.length > 0) throw new UsageError(`--set: ${describeIssues(assigned.issues)}`);
  return assigned.config;
}

/** The options that give the config, shared by `sim` and `sweep` (node:util parseArgs format). */
export const CONFIG_OPTIONS = {
  config: { type: 'string' as const },
  link: { type: 'string' as const },
  set: { type: 'string' as const, multiple: true as const, default: [] as string[] },
};

/**
 * The config that command-line arguments give, as `sim` and `sweep` read it: the in-process entry
 * point the fuzz test drives (test/cli/fuzz.test.ts). Throws a UsageError or Node's
 * ERR_PARSE_ARGS error on bad input, which runCommand maps to exit 2.
 * @param argv arguments after the script name, e.g. ['--set', 'attack.queries=300']
 */
export function configFromArgv(argv: string[]): Config {
  const { values } = parseArgs({ args: argv, options: CONFIG_OPTIONS, strict: true });
  return loadConfig({ configFile: values.config, link: values.link, assignments: values.set });
}

/**
 * A message as one printable line: line breaks and other control characters that slipped in
 * (Node's own messages quote option names raw) are written as \u escapes.
 */
export function oneLine(message: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is replaced
  return message.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) =>
    c === '\t' ? ' ' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Runs `main` and gives its exit code: 0, or 2 after writing one line for a UsageError or one of
 * Node's argument errors. Any other error is a bug and is thrown on (exit 1 with its stack).
 * @param main the command's body
 * @param writeError receives the error line, newline included
 */
export function runCommand(main: () => void, writeError: (line: string) => void): 0 | 2 {
  try {
    main();
    return 0;
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      writeError(`${oneLine((error as Error).message)}\n`);
      return 2;
    }
    throw error;
  }
}

/**
 * runCommand for a real process. The exit code is set rather than calling process.exit, so Node
 * ends only once stderr is drained: process.exit right after a write cut a piped line at the
 * pipe's buffer size (64 KB to 128 KB depending on the reader).
 */
export function runCli(main: () => void): void {
  installNodeKernels();
  const code = runCommand(main, (line) => process.stderr.write(line));
  if (code !== 0) process.exitCode = code;
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
