/**
 * Reading configurations written by older versions of the lab. Every version's changes are listed
 * here, and a config or share link of any earlier version opens exactly as it did.
 *
 * - v1 -> v2 (the plug-in design): the field `scenario.kind` was added; v1 had only the 2-D
 *   scenario, which is the default kind `planar`, so a v1 config or link means the same with the
 *   kind left at its default. No field changed its path, key, range or meaning.
 */
import { CONFIG_VERSION } from './schema';

/** The oldest version this lab still reads. */
export const OLDEST_READABLE_VERSION = 1;

/** True when configs of `version` are read by migration (older than now, but readable). */
export function isMigratable(version: unknown): version is number {
  return (
    typeof version === 'number' &&
    Number.isInteger(version) &&
    version >= OLDEST_READABLE_VERSION &&
    version < CONFIG_VERSION
  );
}

/**
 * Returns the input rewritten from `version` to the current version (a new object; the input is
 * not changed). v1 -> v2 needs no rewrite: the kind defaults to planar.
 */
export function migrateInput(
  input: Record<string, unknown>,
  version: number,
): Record<string, unknown> {
  const next: Record<string, unknown> = { ...input };
  if (version < 2) {
    // v1 -> v2: nothing moved; scenario.kind takes its default, 'planar'.
  }
  next.version = CONFIG_VERSION;
  return next;
}
