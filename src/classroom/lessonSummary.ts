/**
 * The end of a lesson: what the learner predicted at each step and whether the run bore it out
 * (the lesson's `answer` is the outcome its `expect` claims check against the real run), and the
 * message a course platform receives: `postMessage({type: 'extraction-lab:lesson-completed', ...})`
 * to the page that embeds the lab, beside the height message (./height.ts). Like that one it
 * carries nothing private (the lesson, the step count, how many predictions were made and were
 * right), so it goes to any origin: the lab cannot know which site embeds it.
 */
import type { Lesson } from './lessonSchema';

export const LESSON_COMPLETED_MESSAGE = 'extraction-lab:lesson-completed';

/** One step that asked for a prediction. */
export interface PredictionRow {
  /** 1-based step number */
  step: number;
  title: string;
  question: string;
  /** the learner's choice in words (null: the step was skipped) */
  predicted: string | null;
  /** the outcome the run shows, in words */
  answer: string | null;
  right: boolean;
}

export interface LessonSummary {
  rows: PredictionRow[];
  /** steps that asked for a prediction */
  asked: number;
  /** predictions locked in */
  made: number;
  /** predictions the run bore out */
  right: number;
}

/**
 * Summarises a lesson's predictions.
 * @param lesson the lesson
 * @param predictions the locked-in choice id per 0-based step index
 */
export function lessonSummary(lesson: Lesson, predictions: Record<number, string>): LessonSummary {
  const rows: PredictionRow[] = [];
  lesson.steps.forEach((step, i) => {
    const prediction = step.prediction;
    if (!prediction) return;
    const choice = predictions[i];
    const text = (id: string | undefined) =>
      prediction.choices.find((c) => c.id === id)?.text ?? null;
    rows.push({
      step: i + 1,
      title: step.title,
      question: prediction.question,
      predicted: text(choice),
      answer: text(prediction.answer),
      right: choice !== undefined && choice === prediction.answer,
    });
  });
  return {
    rows,
    asked: rows.length,
    made: rows.filter((r) => r.predicted !== null).length,
    right: rows.filter((r) => r.right).length,
  };
}

/** What a course platform receives when a learner finishes a lesson. */
export interface LessonCompletedMessage {
  type: typeof LESSON_COMPLETED_MESSAGE;
  /** the lesson's id (as in `#lesson=ID`) */
  lesson: string;
  title: string;
  steps: number;
  /** steps that asked for a prediction, predictions made, and predictions the run bore out */
  predictions: { asked: number; made: number; right: number };
}

/** The message for a finished lesson. */
export function lessonCompletedMessage(
  lesson: Lesson,
  predictions: Record<number, string>,
): LessonCompletedMessage {
  const summary = lessonSummary(lesson, predictions);
  return {
    type: LESSON_COMPLETED_MESSAGE,
    lesson: lesson.id,
    title: lesson.title,
    steps: lesson.steps.length,
    predictions: { asked: summary.asked, made: summary.made, right: summary.right },
  };
}

/** True for a lesson-completed message (hosts can import this check). */
export function isLessonCompletedMessage(data: unknown): data is LessonCompletedMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Partial<LessonCompletedMessage>;
  return m.type === LESSON_COMPLETED_MESSAGE && typeof m.lesson === 'string';
}
