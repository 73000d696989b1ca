// Presenter shortcuts and the elements that take keys: a switch, a checkbox or a button does not
// swallow the shortcuts (issue 10: after a click on a defense's switch every shortcut was dead);
// text fields, selects and sliders do; a radio button keeps only its arrow keys.
import { describe, expect, it } from 'vitest';
import { isTypingTarget, shortcutFor, type KeyLike } from '../../src/classroom/shortcuts';

const press = (key: string, target: unknown): KeyLike => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target,
});
const input = (type: string, role?: string) => ({
  tagName: 'INPUT',
  type,
  getAttribute: (name: string) => (name === 'role' ? (role ?? null) : null),
});

describe('isTypingTarget', () => {
  it.each([
    ['a switch (checkbox with role=switch)', input('checkbox', 'switch'), false],
    ['a checkbox', input('checkbox'), false],
    ['a button input', input('button'), false],
    ['a text field', input('text'), true],
    ['a number field', input('number'), true],
    ['a range slider', input('range'), true],
    ['an input without a type (text)', { tagName: 'input' }, true],
    ['a select', { tagName: 'SELECT' }, true],
    ['a textarea', { tagName: 'TEXTAREA' }, true],
    ['editable text', { tagName: 'DIV', isContentEditable: true }, true],
    ['a button', { tagName: 'BUTTON', getAttribute: () => null }, false],
    ['the body', { tagName: 'BODY', getAttribute: () => null }, false],
  ])('%s → %s', (_name, target, typing) => {
    expect(isTypingTarget(target, 'n')).toBe(typing);
  });
  it('lets a radio button keep its arrow keys but not letters or digits', () => {
    expect(isTypingTarget(input('radio'), 'ArrowRight')).toBe(true);
    expect(isTypingTarget(input('radio'), 'ArrowUp')).toBe(true);
    expect(isTypingTarget(input('radio'), '2')).toBe(false);
    expect(isTypingTarget(input('radio'))).toBe(true);
  });
});

describe('shortcutFor after a click on a control', () => {
  it('fires on a focused switch', () => {
    expect(shortcutFor(press('2', input('checkbox', 'switch')))).toBe('toggle-rateLimit');
    expect(shortcutFor(press('ArrowRight', input('checkbox', 'switch')))).toBe('next');
  });
  it('stays silent in a number field and for arrows on a radio', () => {
    expect(shortcutFor(press('2', input('number')))).toBeNull();
    expect(shortcutFor(press('ArrowRight', input('radio')))).toBeNull();
    expect(shortcutFor(press('n', input('radio')))).toBe('next');
  });
});
