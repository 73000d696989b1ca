import { describe, expect, it } from 'vitest';
import { validateLesson, validateLessonIndex } from '../../src/classroom/lessonSchema';

/** A small valid lesson; tests break one field at a time. */
function lesson(): Record<string, unknown> {
  return {
    id: 'demo',
    title: 'Demo',
    summary: 'A demo lesson.',
    start: { 'attack.queries': 300 },
    steps: [
      {
        title: 'One',
        text: 'The attacker sends {config.attack.queries} queries.',
        highlight: ['curve', 'defense.output.mode'],
        prediction: {
          question: 'Good copy?',
          choices: [
            { id: 'yes', text: 'Yes' },
            { id: 'no', text: 'No' },
          ],
          answer: 'yes',
        },
        expect: [{ fact: 'student.fidelity', op: '>', value: 0.5 }],
        reveal: 'Fidelity {student.fidelity:%}, without defenses {baseline.student.fidelity:%}.',
      },
      {
        title: 'Two',
        text: 'Labels only.',
        set: { 'defense.output.mode': 'label', 'attack.student.hidden': '32x32' },
        pin: true,
        sweep: ['defense.output.sigma'],
        reveal: 'A: {A.student.fidelity:%}, B: {student.fidelity:%}.',
      },
    ],
  };
}

function errorsOf(input: unknown): string[] {
  const result = validateLesson(input);
  return result.ok ? [] : result.errors;
}

describe('validateLesson', () => {
  it('accepts a valid lesson and normalises its values', () => {
    const result = validateLesson(lesson());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.steps).toHaveLength(2);
    expect(result.value.steps[1]?.set?.['attack.student.hidden']).toEqual([32, 32]);
    expect(result.value.steps[0]?.prediction?.answer).toBe('yes');
  });

  it.each([
    [
      'a missing title',
      (l: Record<string, unknown>) => delete l.title,
      'title: must be a non-empty string',
    ],
    [
      'an unknown setting',
      (l: Record<string, unknown>) => (l.start = { 'attack.querys': 3 }),
      'start["attack.querys"]: is not a setting of the lab',
    ],
    [
      'a value out of range',
      (l: Record<string, unknown>) => (l.start = { 'attack.queries': 5 }),
      'start["attack.queries"]: must be an integer from 10 to 10000 (got 5)',
    ],
    [
      'an answer that is not a choice',
      (l: Record<string, unknown>) => {
        const steps = l.steps as { prediction?: { answer: string } }[];
        if (steps[0]?.prediction) steps[0].prediction.answer = 'maybe';
      },
      'steps[0].prediction.answer: "maybe" is not one of the choices (yes, no)',
    ],
    [
      'an unknown fact in a reveal',
      (l: Record<string, unknown>) =>
        ((l.steps as { reveal: string }[])[1]!.reveal = '{student.fideltiy:%}'),
      'steps[1].reveal: {student.fideltiy} is not a fact a lesson can quote',
    ],
    [
      'a run fact in the text (before the run)',
      (l: Record<string, unknown>) =>
        ((l.steps as { text: string }[])[0]!.text = 'It gets {student.fidelity}'),
      'steps[0].text: {student.fidelity} is a result of the run; quote it in "reveal"',
    ],
    [
      'an unknown format',
      (l: Record<string, unknown>) =>
        ((l.steps as { reveal: string }[])[0]!.reveal = '{student.fidelity:percent}'),
      'steps[0].reveal: {student.fidelity:percent} has an unknown format',
    ],
    [
      'an unknown highlight target',
      (l: Record<string, unknown>) =>
        ((l.steps as { highlight: string[] }[])[0]!.highlight = ['graph']),
      'steps[0].highlight: "graph" is neither a setting path nor a region',
    ],
    [
      'an expectation with both value and than',
      (l: Record<string, unknown>) =>
        ((l.steps as { expect: unknown[] }[])[0]!.expect = [
          { fact: 'student.fidelity', op: '>', value: 1, than: 'A.student.fidelity' },
        ]),
      'steps[0].expect[0]: needs exactly one of "value" (a constant) or "than" (a fact)',
    ],
    [
      'a bad operator',
      (l: Record<string, unknown>) =>
        ((l.steps as { expect: unknown[] }[])[0]!.expect = [
          { fact: 'student.fidelity', op: '=>', value: 1 },
        ]),
      'steps[0].expect[0].op: must be one of < <= > >= == !=',
    ],
    [
      'an unknown sweep knob',
      (l: Record<string, unknown>) =>
        ((l.steps as { sweep?: string[] }[])[1]!.sweep = ['defense.output.k']),
      'steps[1].sweep: "defense.output.k" is not a sweepable knob',
    ],
    [
      'a pin on the first step',
      (l: Record<string, unknown>) => ((l.steps as { pin?: boolean }[])[0]!.pin = true),
      'steps[0].pin: the first step has no previous run to pin',
    ],
    [
      'a misspelt step field',
      (l: Record<string, unknown>) => ((l.steps as Record<string, unknown>[])[0]!.reveals = 'x'),
      'steps[0].reveals: is not a lesson field',
    ],
    ['no steps', (l: Record<string, unknown>) => (l.steps = []), 'steps: must be a non-empty list'],
    [
      'an id that cannot go in a link',
      (l: Record<string, unknown>) => (l.id = 'My Lesson'),
      'id: "My Lesson" must be lower-case letters, digits or -',
    ],
  ])('names the field for %s', (_, breakIt, message) => {
    const broken = structuredClone(lesson());
    breakIt(broken);
    const errors = errorsOf(broken);
    expect(
      errors.some((e) => e.startsWith(message)),
      errors.join('\n'),
    ).toBe(true);
  });

  it('reports every problem at once, not only the first', () => {
    const broken = lesson();
    delete broken.title;
    broken.start = { 'attack.queries': 5 };
    expect(errorsOf(broken)).toHaveLength(2);
  });

  it('refuses what is not an object', () => {
    expect(errorsOf([])).toEqual(['lesson: must be a JSON object']);
  });
});

describe('validateLessonIndex', () => {
  it('accepts a list of lessons and refuses paths outside the folder and duplicate ids', () => {
    const entry = { id: 'a', title: 'A', summary: 'S', file: 'a.json' };
    expect(validateLessonIndex({ lessons: [entry] }).ok).toBe(true);
    const bad = validateLessonIndex({ lessons: [entry, { ...entry, file: '../x.json' }] });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors).toEqual([
      'lessons[1].file: "../x.json" must be a plain file name ending in .json, beside index.json',
      'lessons[1].id: "a" is used twice',
    ]);
  });
});
