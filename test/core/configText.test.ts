// Reading numbers as a person writes them, quoting echoed text, and the config walk's limits
// (issue 15): hand-picked cases, each refused form next to the decimal forms that are accepted.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ECHO_LIMIT,
  choiceLabel,
  FIELD_BY_PATH,
  applyAssignments,
  defaultConfig,
  describeValue,
  getPath,
  parseConfig,
  parseDecimal,
  parseFieldText,
  quoteText,
  whyNotDecimal,
} from '../../src/core/config';
import { SWEEP_KNOB_BY_NAME, SWEEP_KNOBS } from '../../src/core/sweep';
import { fillTemplate } from '../../src/classroom/facts';
import { stepIndex } from '../../src/charts/probe';
import { parseShareHash } from '../../src/state/url';

describe('parseDecimal', () => {
  it.each([
    ['12', 12],
    ['-3', -3],
    ['0.5', 0.5],
    ['.5', 0.5],
    ['5.', 5],
    ['1e3', 1000],
    ['2.5E-2', 0.025],
    ['1e+21', 1e21],
    ['007', 7],
  ])('reads %j as %d', (text, value) => {
    expect(parseDecimal(text)).toBe(value);
  });

  it('reads -0 as 0, so "-0" and "0" give the same config bits', () => {
    expect(Object.is(parseDecimal('-0'), 0)).toBe(true);
  });

  it.each([
    ['0x10', 'not a decimal number'],
    ['0b11', 'not a decimal number'],
    ['0o17', 'not a decimal number'],
    [' 12', 'spaces or line breaks around a number are not read'],
    ['12 ', 'spaces or line breaks around a number are not read'],
    ['\n5', 'spaces or line breaks around a number are not read'],
    ['1e400', 'too large to be a number'],
    ['-1e400', 'too large to be a number'],
    ['1,000', 'not a decimal number'],
    ['1_000', 'not a decimal number'],
    ['+5', 'not a decimal number'],
    ['', 'not a decimal number'],
    ['.', 'not a decimal number'],
    ['e5', 'not a decimal number'],
    ['Infinity', 'not a decimal number'],
    ['NaN', 'not a decimal number'],
    ['١٢', 'not a decimal number'],
  ])('refuses %j (%s)', (text, why) => {
    expect(parseDecimal(text)).toBeNull();
    expect(whyNotDecimal(text)).toBe(why);
  });

  it('reads back every finite double as String() writes it', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        expect(parseDecimal(String(v))).toBe(v + 0);
      }),
    );
  });
});

describe('quoteText and describeValue', () => {
  it('quotes and escapes like JSON, plus invisible and bidi characters', () => {
    expect(quoteText('a\nb"c')).toBe('"a\\nb\\"c"');
    expect(quoteText('\u001b[31mred')).toBe('"\\u001b[31mred"');
    expect(quoteText('x\u202ey\u2028')).toBe('"x\\u202ey\\u2028"');
  });

  it(`cuts text after ${ECHO_LIMIT} characters`, () => {
    expect(quoteText('x'.repeat(1000))).toBe(`"${'x'.repeat(ECHO_LIMIT)}…"`);
  });

  it('describes values JSON cannot print and values nested too deeply to print', () => {
    expect(describeValue(Infinity)).toBe('a number too large to represent');
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue([1, [2, [3, [4]]]])).toBe('[1,[2,[3,[…]]]]');
    expect(describeValue({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7 })).toBe(
      '{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6,…}',
    );
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(describeValue(deep)).toBe('[[[[…]]]]');
  });
});

describe('text for fields', () => {
  const queries = FIELD_BY_PATH.get('attack.queries')!;
  const hidden = FIELD_BY_PATH.get('victim.hidden')!;
  const on = FIELD_BY_PATH.get('defense.rateLimit.on')!;
  const mode = FIELD_BY_PATH.get('defense.output.mode')!;

  it('gives back the text of a number it refuses, so the message quotes it', () => {
    expect(parseFieldText(queries, '0x10')).toBe('0x10');
    expect(parseFieldText(queries, '1e3')).toBe(1000);
  });

  it('reads layer sizes separated by x, commas or spaces, each decimal', () => {
    expect(parseFieldText(hidden, '16x16')).toEqual([16, 16]);
    expect(parseFieldText(hidden, '16, 8')).toEqual([16, 8]);
    expect(parseFieldText(hidden, ' 4 x 4 ')).toEqual([4, 4]);
    expect(parseFieldText(hidden, '0x10')).toEqual([0, 10]); // two sizes, refused by range
    expect(parseFieldText(hidden, '1e1x0b1')).toBe('1e1x0b1');
  });

  it('reads switches and names exactly', () => {
    expect(parseFieldText(on, '1')).toBe(true);
    expect(parseFieldText(on, ' true')).toBe(' true');
    expect(parseFieldText(mode, ' label')).toBe(' label');
  });

  it('names the field, quotes the text and says why in --set messages', () => {
    const { issues } = applyAssignments(defaultConfig(), [
      'attack.queries=0x10',
      'attack.queries=1e400',
      'a\nb=1',
    ]);
    expect(issues.map((i) => i.message)).toEqual([
      'attack.queries must be an integer from 10 to 10000 (got "0x10": not a decimal number)',
      'attack.queries must be an integer from 10 to 10000 (got "1e400": too large to be a number)',
      '"a\\nb" is not a known setting',
    ]);
  });

  it('names every bad field of a link and keeps each message on one line', () => {
    const { issues } = parseShareHash('#q=%0A5&om=bogus&%0Azz=1');
    expect(issues.map((i) => i.field)).toEqual(['attack.queries', 'defense.output.mode', '\nzz']);
    for (const issue of issues) expect(issue.message).not.toMatch(/\n/);
  });
});

describe('the config walk', () => {
  it('refuses objects nested 100,000 deep by the path where they pass the schema', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { attack: deep };
    const { issues } = parseConfig(deep);
    expect(issues.map((i) => i.message)).toEqual([
      '"attack.attack.attack.attack" holds objects nested deeper than any setting (at most 4 levels)',
    ]);
  });

  it('reports a 1e400 read by JSON.parse in words, not as null', () => {
    const { issues } = parseConfig(JSON.parse('{"attack": {"queries": 1e400}}'));
    expect(issues[0]?.message).toBe(
      'attack.queries must be an integer from 10 to 10000 (got a number too large to represent)',
    );
  });
});

describe('names every object inherits select nothing', () => {
  const inherited = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

  it.each(inherited)('%s is no sweep knob, setting, label, fact or key', (name) => {
    expect(SWEEP_KNOB_BY_NAME.get(name)).toBeUndefined();
    expect(getPath(defaultConfig(), name)).toBeUndefined();
    expect(getPath(defaultConfig(), `attack.${name}`)).toBeUndefined();
    expect(choiceLabel('defense.output.mode', name)).toBe(name);
    expect(choiceLabel(name, 'label')).toBe('label');
    // `{__proto__}` is not a placeholder at all (a path starts with a letter), so it stays as text.
    const missing = name.startsWith('_') ? `{${name}}` : '–';
    expect(fillTemplate(`{${name}} {student.fidelity:${name}}`, { 'student.fidelity': 0.5 })).toBe(
      `${missing} 0.5`,
    );
    expect(stepIndex(name, 2, 5, 0)).toBeNull();
  });

  it('still finds every real knob', () => {
    for (const { name } of SWEEP_KNOBS) expect(SWEEP_KNOB_BY_NAME.get(name)?.name).toBe(name);
  });
});
