/**
 * A learner's place in a lesson, kept in the browser (localStorage) so a lesson reopened later
 * resumes where it was left: the step and the predictions locked in. Stored data is never trusted:
 * anything malformed, from another version of the lesson or edited by hand is dropped piece by
 * piece (a step out of range restarts at step 1, a prediction that is not one of its step's
 * choices is forgotten), and storage that throws (private mode, a sandboxed frame) is treated as
 * empty. Pure parsing plus two small functions over a storage passed in.
 */
import type { Lesson } from './lessonSchema';

/** What is stored per lesson. */
export interface LessonProgress {
  /** 0-based step index */
  step: number;
  /** the locked-in choice id per 0-based step index */
  predictions: Record<number, string>;
  /** the learner reached the end (Finish) */
  completed: boolean;
}

/** The storage calls used (window.localStorage has them). */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The storage key of a lesson's progress. */
export const progressKey = (lessonId: string): string => `extraction-lab:lesson:${lessonId}`;

/**
 * Reads stored progress against the lesson as it is now.
 * @param raw the stored string (null when nothing is stored)
 * @param lesson the lesson it belongs to (its steps and choices decide what is still valid)
 * @returns the valid part, or null when nothing usable is stored
 */
export function parseProgress(raw: string | null, lesson: Lesson): LessonProgress | null {
  if (raw === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const record = data as Record<string, unknown>;
  const step =
    typeof record.step === 'number' &&
    Number.isInteger(record.step) &&
    record.step >= 0 &&
    record.step < lesson.steps.length
      ? record.step
      : 0;
  const predictions: Record<number, string> = {};
  const stored = record.predictions;
  if (typeof stored === 'object' && stored !== null && !Array.isArray(stored))
    for (const [key, choice] of Object.entries(stored as Record<string, unknown>)) {
      const index = Number(key);
      const choices = Number.isInteger(index)
        ? lesson.steps[index]?.prediction?.choices
        : undefined;
      if (typeof choice === 'string' && choices?.some((c) => c.id === choice))
        predictions[index] = choice;
    }
  return { step, predictions, completed: record.completed === true };
}

/** The stored progress of a lesson (null when none, unreadable, or storage is unavailable). */
export function loadProgress(
  storage: ProgressStorage | null,
  lesson: Lesson,
): LessonProgress | null {
  try {
    return parseProgress(storage?.getItem(progressKey(lesson.id)) ?? null, lesson);
  } catch {
    return null;
  }
}

/** Stores a lesson's progress; a storage that refuses (full, or not allowed) is ignored. */
export function saveProgress(
  storage: ProgressStorage | null,
  lessonId: string,
  progress: LessonProgress,
): void {
  try {
    storage?.setItem(progressKey(lessonId), JSON.stringify(progress));
  } catch {
    // the lesson works without it: it just starts at step 1 next time
  }
}
