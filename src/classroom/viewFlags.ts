/**
 * The view part of a link: what the page shows and lets people change, beside the settings.
 *   lesson=watermarks&step=2   open a lesson at a step (1-based)
 *   embed=maps,curve           embed mode: only these parts, no page chrome (embed=all for every part)
 *   lock=defense.output.mode   these controls show but cannot be changed (a path or a prefix: lock=defense)
 *   hide=attack.accounts       these controls are not shown (path or prefix)
 *   present=1                  presenter mode (large type, high contrast, keyboard shortcuts)
 * Pure functions over strings; src/state/url.ts keeps these keys in the link (VIEW_KEYS) and
 * leaves their meaning to this module. Bad values are reported by name and skipped.
 */
import { FIELDS } from '../core/config';
import { EMBED_PARTS, type EmbedPart } from './tour';

export interface ViewFlags {
  lesson: string | null;
  /** 1-based step number from the link, or null */
  step: number | null;
  /** parts shown in embed mode; null outside embed mode */
  embed: EmbedPart[] | null;
  lock: string[];
  hide: string[];
  present: boolean;
}

export const NO_VIEW_FLAGS: ViewFlags = {
  lesson: null,
  step: null,
  embed: null,
  lock: [],
  hide: [],
  present: false,
};

/** True when `path` is `entry` or lies under it ("defense.watermark.rate" under "defense"). */
export function underPrefix(path: string, entry: string): boolean {
  return path === entry || path.startsWith(`${entry}.`);
}

/** True when some entry of `list` covers `path`. */
export function coveredBy(path: string, list: readonly string[]): boolean {
  return list.some((entry) => underPrefix(path, entry));
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Parses the view keys of a fragment; other keys (the settings) are ignored here. */
export function parseViewFlags(hash: string): { flags: ViewFlags; issues: string[] } {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const flags: ViewFlags = { ...NO_VIEW_FLAGS, lock: [], hide: [] };
  const issues: string[] = [];
  for (const part of body.split('&')) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : decode(part.slice(eq + 1));
    switch (key) {
      case 'lesson':
        if (/^[a-z0-9][a-z0-9-]*$/.test(value)) flags.lesson = value;
        else issues.push(`lesson="${value}" is not a lesson name (lower-case letters, digits, -)`);
        break;
      case 'step': {
        const n = Number(value);
        if (Number.isInteger(n) && n >= 1) flags.step = n;
        else issues.push(`step="${value}" must be a step number from 1`);
        break;
      }
      case 'embed': {
        const names =
          value === '' || value === 'all' || value === '1' ? [...EMBED_PARTS] : splitList(value);
        const parts: EmbedPart[] = [];
        for (const name of names)
          if ((EMBED_PARTS as readonly string[]).includes(name)) parts.push(name as EmbedPart);
          else issues.push(`embed: "${name}" is not a part of the lab (${EMBED_PARTS.join(', ')})`);
        flags.embed = parts.length > 0 ? parts : [...EMBED_PARTS];
        break;
      }
      case 'lock':
      case 'hide':
        for (const entry of splitList(value))
          if (FIELDS.some((f) => underPrefix(f.path, entry))) flags[key].push(entry);
          else issues.push(`${key}: "${entry}" is not a setting or a group of settings`);
        break;
      case 'present':
        flags.present = value !== '0' && value !== 'false';
        break;
    }
  }
  return { flags, issues };
}

/** Formats view flags as "&key=value" parts to follow the settings in a link ('' when none). */
export function formatViewFlags(flags: ViewFlags): string {
  const parts: string[] = [];
  if (flags.lesson) parts.push(`lesson=${flags.lesson}`);
  if (flags.lesson && flags.step !== null) parts.push(`step=${flags.step}`);
  if (flags.embed) parts.push(`embed=${flags.embed.join(',')}`);
  if (flags.lock.length > 0) parts.push(`lock=${flags.lock.join(',')}`);
  if (flags.hide.length > 0) parts.push(`hide=${flags.hide.join(',')}`);
  if (flags.present) parts.push('present=1');
  return parts.map((p) => `&${p}`).join('');
}

const VIEW_KEY_NAMES = ['lesson', 'step', 'embed', 'lock', 'hide', 'present'];

/** Replaces the view keys of a fragment, keeping its settings as they are. */
export function withViewFlags(hash: string, flags: ViewFlags): string {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const settings = body
    .split('&')
    .filter((part) => part !== '' && !VIEW_KEY_NAMES.includes(part.split('=')[0] ?? ''));
  const joined = `${settings.join('&')}${formatViewFlags(flags)}`;
  return `#${joined.startsWith('&') ? joined.slice(1) : joined}`;
}
