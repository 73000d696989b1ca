// The end of a lesson: the summary of predictions and the message to the embedding page.
import { describe, expect, it } from 'vitest';
import {
  isLessonCompletedMessage,
  lessonCompletedMessage,
  lessonSummary,
} from '../../src/classroom/lessonSummary';
import type { Lesson } from '../../src/classroom/lessonSchema';

const choice = (id: string, text: string) => ({ id, text });
const lesson: Lesson = {
  id: 'demo',
  title: 'Demo lesson',
  summary: 'S',
  steps: [
    {
      title: 'One',
      text: 't',
      reveal: 'r',
      prediction: {
        question: 'Q1?',
        choices: [choice('a', 'Alpha'), choice('b', 'Beta')],
        answer: 'a',
      },
    },
    { title: 'Two', text: 't', reveal: 'r' },
    {
      title: 'Three',
      text: 't',
      reveal: 'r',
      prediction: {
        question: 'Q3?',
        choices: [choice('x', 'Ex'), choice('y', 'Why')],
        answer: 'y',
      },
    },
    {
      title: 'Four',
      text: 't',
      reveal: 'r',
      prediction: { question: 'Q4?', choices: [choice('m', 'Em')] },
    },
  ],
};

describe('lessonSummary', () => {
  it("lists each question, the learner's choice and what the run showed", () => {
    const summary = lessonSummary(lesson, { 0: 'a', 2: 'x' });
    expect(summary).toEqual({
      asked: 3,
      made: 2,
      right: 1,
      rows: [
        {
          step: 1,
          title: 'One',
          question: 'Q1?',
          predicted: 'Alpha',
          answer: 'Alpha',
          right: true,
        },
        { step: 3, title: 'Three', question: 'Q3?', predicted: 'Ex', answer: 'Why', right: false },
        { step: 4, title: 'Four', question: 'Q4?', predicted: null, answer: null, right: false },
      ],
    });
  });

  it('counts nothing when no prediction was made', () => {
    expect(lessonSummary(lesson, {})).toMatchObject({ asked: 3, made: 0, right: 0 });
  });
});

describe('lessonCompletedMessage', () => {
  it('carries the lesson and the counts only, and its check accepts it', () => {
    const message = lessonCompletedMessage(lesson, { 0: 'a', 2: 'y', 3: 'm' });
    expect(message).toEqual({
      type: 'extraction-lab:lesson-completed',
      lesson: 'demo',
      title: 'Demo lesson',
      steps: 4,
      predictions: { asked: 3, made: 3, right: 2 },
    });
    expect(isLessonCompletedMessage(message)).toBe(true);
    expect(isLessonCompletedMessage({ type: 'extraction-lab:height', height: 3 })).toBe(false);
    expect(isLessonCompletedMessage(null)).toBe(false);
  });
});
