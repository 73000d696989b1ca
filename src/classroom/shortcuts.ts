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

/** True when the key goes to a place where people type (fields, editable text). */
export function isTypingTarget(target: unknown): boolean {
  if (typeof target !== 'object' || target === null) return false;
  const element = target as {
    tagName?: string;
    isContentEditable?: boolean;
    getAttribute?: (n: string) => string | null;
  };
  if (element.isContentEditable) return true;
  if (element.tagName && TYPING.has(element.tagName.toUpperCase())) return true;
  const role = element.getAttribute?.('role');
  return role === 'slider' || role === 'application';
}

/** The action a key press asks for, or null (modifier held, typing, or no shortcut). */
export function shortcutFor(event: KeyLike): ShortcutAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTypingTarget(event.target)) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return SHORTCUTS.find((s) => s.keys.includes(key))?.action ?? null;
}
