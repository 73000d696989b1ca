/**
 * Presenter mode's keyboard shortcuts: one table that the key handler reads and the "?" overlay
 * prints, so the help never disagrees with the keys. Single-character shortcuts are active only in
 * presenter mode (switched on deliberately), never while typing in a field (WCAG 2.1.4).
 */

export type ShortcutAction =
  | 'next'
  | 'back'
  | 'reset'
  | 'run'
  | 'toggle-output'
  | 'toggle-rateLimit'
  | 'toggle-watermark'
  | 'toggle-detection'
  | 'pin'
  | 'help'
  | 'exit-present';

export interface Shortcut {
  action: ShortcutAction;
  /** KeyboardEvent.key values */
  keys: string[];
  /** how the keys are written in the help */
  label: string;
  description: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'next', keys: ['ArrowRight', 'n'], label: '→ or N', description: 'Next lesson step' },
  {
    action: 'back',
    keys: ['ArrowLeft', 'p'],
    label: '← or P',
    description: 'Previous lesson step',
  },
  {
    action: 'reset',
    keys: ['r'],
    label: 'R',
    description: "Reset: put back the step's settings (or the defaults)",
  },
  { action: 'run', keys: ['g'], label: 'G', description: 'Run again now' },
  {
    action: 'toggle-output',
    keys: ['1'],
    label: '1',
    description: 'API answers: full probabilities ↔ label only',
  },
  { action: 'toggle-rateLimit', keys: ['2'], label: '2', description: 'Rate limit on/off' },
  { action: 'toggle-watermark', keys: ['3'], label: '3', description: 'Watermark on/off' },
  { action: 'toggle-detection', keys: ['4'], label: '4', description: 'Detection (PRADA) on/off' },
  { action: 'pin', keys: ['a'], label: 'A', description: 'Pin this run as A (or unpin)' },
  { action: 'help', keys: ['?'], label: '?', description: 'Show or hide this help' },
  {
    action: 'exit-present',
    keys: ['Escape'],
    label: 'Esc',
    description: 'Close a dialog, or leave presenter mode',
  },
];

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** the element the key went to */
  target: unknown;
}

const TYPING = new Set(['INPUT', 'SELECT', 'TEXTAREA']);
/**
 * Inputs that take no typed text: a key pressed on a switch, a checkbox or a button is not typing,
 * so the shortcuts keep working after a click on one (before, clicking a defense's switch left the
 * focus on its <input role="switch"> and every shortcut was dead until a click elsewhere).
 */
const KEYLESS_INPUTS = new Set(['checkbox', 'button', 'submit', 'reset', 'image', 'color', 'file']);
/** A radio button moves its choice with the arrow keys, and only with them. */
const RADIO_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']);

/**
 * True when the key goes to a place where people type (text fields, selects, editable text,
 * sliders), so a shortcut must not take it. `key` (KeyboardEvent.key), when given, lets a radio
 * button keep its arrow keys while letters and digits still reach the shortcuts.
 */
export function isTypingTarget(target: unknown, key?: string): boolean {
  if (typeof target !== 'object' || target === null) return false;
  const element = target as {
    tagName?: string;
    type?: string;
    isContentEditable?: boolean;
    getAttribute?: (n: string) => string | null;
  };
  if (element.isContentEditable) return true;
  const tag = element.tagName?.toUpperCase();
  if (tag === 'INPUT') {
    const type = (element.type ?? element.getAttribute?.('type') ?? 'text').toLowerCase();
    if (KEYLESS_INPUTS.has(type)) return false;
    if (type === 'radio') return key === undefined || RADIO_KEYS.has(key);
    return true;
  }
  if (tag && TYPING.has(tag)) return true;
  const role = element.getAttribute?.('role');
  return role === 'slider' || role === 'application';
}

/** The action a key press asks for, or null (modifier held, typing, or no shortcut). */
export function shortcutFor(event: KeyLike): ShortcutAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTypingTarget(event.target, event.key)) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return SHORTCUTS.find((s) => s.keys.includes(key))?.action ?? null;
}
