/**
 * Dotted paths into a configuration, typed: `ConfigPath` is the union of Config's leaf paths
 * ('attack.queries', 'defense.rateLimit.on', ...), so a typo in a field table, a `setField` call,
 * a sweep knob or a lesson patch fails to compile. getPath/setPath are the untyped walkers they
 * share (user input arrives as strings and is checked against FIELDS before it is trusted).
 */
import type { Config } from './schema';

type Leaf = string | number | boolean | readonly unknown[];

/** The leaf paths of an object type, joined by dots (arrays count as leaves). */
export type LeafPath<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends Leaf ? `${Prefix}${K}` : LeafPath<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every settable field of a configuration, by dotted path (the version is bookkeeping). */
export type ConfigPath = Exclude<LeafPath<Config>, 'version'>;

/** The value type at a dotted path. */
export type PathValue<T, P extends string> = P extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? PathValue<T[Head], Rest>
    : never
  : P extends keyof T
    ? T[P]
    : never;

/** The most levels of nesting a configuration has (inputs deeper than this are refused). */
export const MAX_CONFIG_DEPTH = 4;

/** Reads a dotted path from a nested object (own properties only). */
export function getPath(source: unknown, path: string): unknown {
  let node: unknown = source;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Returns a copy of `target` with the value at a dotted path replaced (immutable update). */
export function setPath<T>(target: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.');
  const base = (target ?? {}) as Record<string, unknown>;
  if (head === undefined) return target;
  const inner = Object.prototype.hasOwnProperty.call(base, head) ? base[head] : undefined;
  const next = rest.length === 0 ? value : setPath(inner, rest.join('.'), value);
  return { ...base, [head]: next } as T;
}
