// Stored lesson progress: kept when valid, dropped piece by piece when not, storage errors ignored.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  loadProgress,
  parseProgress,
  progressKey,
  saveProgress,
} from '../../src/classroom/lessonProgress';
import type { Lesson } from '../../src/classroom/lessonSchema';

const choice = (id: string) => ({ id, text: id });
const lesson: Lesson = {
  id: 'demo',
  title: 'Demo',
  summary: 'S',
  steps: [
    {
      title: '1',
      text: 't',
      reveal: 'r',
      prediction: { question: 'q', choices: [choice('a'), choice('b')], answer: 'a' },
    },
    { title: '2', text: 't', reveal: 'r' },
    {
      title: '3',
      text: 't',
      reveal: 'r',
      prediction: { question: 'q', choices: [choice('x'), choice('y')], answer: 'y' },
    },
  ],
};

/** An in-memory storage; `broken` throws on every call, as a sandboxed frame's does. */
function memory(broken = false) {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => {
      if (broken) throw new Error('SecurityError');
      return items.get(key) ?? null;
    },
    setItem: (key: string, value: string) => {
      if (broken) throw new Error('QuotaExceededError');
      items.set(key, value);
    },
  };
}

describe('lesson progress', () => {
  it('round-trips through storage under the lesson key', () => {
    const storage = memory();
    const progress = { step: 2, predictions: { 0: 'b', 2: 'y' }, completed: false };
    saveProgress(storage, 'demo', progress);
    expect([...storage.items.keys()]).toEqual([progressKey('demo')]);
    expect(progressKey('demo')).toBe('extraction-lab:lesson:demo');
    expect(loadProgress(storage, lesson)).toEqual(progress);
  });

  it('drops what no longer fits the lesson: a step out of range, an unknown choice, a step without a question', () => {
    expect(
      parseProgress(
        JSON.stringify({
          step: 7,
          predictions: { 0: 'zzz', 1: 'a', 2: 'x', foo: 'a' },
          completed: 'yes',
        }),
        lesson,
      ),
    ).toEqual({ step: 0, predictions: { 2: 'x' }, completed: false });
    expect(parseProgress(JSON.stringify({ step: 1.5 }), lesson)?.step).toBe(0);
    expect(parseProgress(JSON.stringify({ step: -1, predictions: ['a'] }), lesson)).toEqual({
      step: 0,
      predictions: {},
      completed: false,
    });
  });

  it('treats nothing stored, bad JSON and non-objects as no progress', () => {
    for (const raw of [null, '', '{"step": 1', 'null', '[]', '42', '"text"'])
      expect(parseProgress(raw, lesson), String(raw)).toBeNull();
  });

  it('never throws, whatever is stored', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (raw) => {
        const parsed = parseProgress(raw, lesson);
        if (parsed) {
          expect(parsed.step).toBeGreaterThanOrEqual(0);
          expect(parsed.step).toBeLessThan(lesson.steps.length);
        }
      }),
    );
  });

  it('ignores a storage that throws', () => {
    const storage = memory(true);
    expect(loadProgress(storage, lesson)).toBeNull();
    expect(() =>
      saveProgress(storage, 'demo', { step: 1, predictions: {}, completed: false }),
    ).not.toThrow();
    expect(loadProgress(null, lesson)).toBeNull();
  });
});
