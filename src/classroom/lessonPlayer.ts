/**
 * Stepping through a lesson: opening one (resuming where the learner left off), moving between
 * steps (pinning the previous step's run when the step asks, applying the step's settings, sweeping
 * its knobs), predictions, finishing (the summary and the `extraction-lab:lesson-completed` message
 * to the embedding page) and the learner's stored progress. The state lives on the page's
 * Classroom (src/state/classroom.svelte.ts, reactive fields the lesson bar reads); these functions
 * change it. Loaded on demand with the rest of the lesson kit (./lessonKit.ts): most visits never
 * open a lesson, so none of this is in the first page's JavaScript.
 */
import type { Config } from '../core/config';
import type { Lab } from '../state/lab';
import { sameConfig } from '../state/store';
import type { FetchLike } from './lessonLoader';
import { loadLesson } from './lessonLoader';
import { loadProgress, saveProgress, type ProgressStorage } from './lessonProgress';
import { stepConfig, stepIndexFromLink } from './lessonRun';
import type { Lesson } from './lessonSchema';
import { lessonCompletedMessage } from './lessonSummary';

/** The Classroom's lesson state and what it reaches (the fields these functions read and write). */
export interface LessonHost {
  readonly lab: Lab;
  readonly win: {
    fetch: FetchLike;
    readonly localStorage?: ProgressStorage;
    readonly parent?: { postMessage(message: unknown, targetOrigin: string): void };
  };
  readonly flags: { lesson: string | null; step: number | null };
  lesson: Lesson | null;
  step: number;
  predictions: Record<number, string>;
  finished: boolean;
  resumedAt: number | null;
  lessonErrors: string[];
  dialog: unknown;
  /** the step change in progress (a newer one cancels an older one that waits for a run) */
  entering: number;
  /** the lesson pinned a run (so leaving the step or the lesson unpins it) */
  pinnedByLesson: boolean;
  writeLink(): void;
}

/** window.localStorage, or null where reading it throws (a sandboxed frame). */
function storage(host: LessonHost): ProgressStorage | null {
  try {
    return host.win.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Keeps the learner's place (step and predictions) for the next visit. */
function keepProgress(host: LessonHost, completed = false): void {
  if (!host.lesson) return;
  saveProgress(storage(host), host.lesson.id, {
    step: host.step,
    predictions: host.predictions,
    completed,
  });
}

/**
 * Opens lesson `id` at a 0-based step (a link's step is 1-based: see `openLessonFromLink`).
 * Without a step it resumes where the learner left off (stored progress), or starts at step 1.
 */
export async function startLesson(host: LessonHost, id: string, stepIndex?: number): Promise<void> {
  host.lessonErrors = [];
  const loaded = await loadLesson((url) => host.win.fetch(url), id);
  if (!loaded.ok) {
    host.lessonErrors = loaded.errors;
    return;
  }
  host.lesson = loaded.value;
  const stored = loadProgress(storage(host), loaded.value);
  // A finished lesson starts over; an unfinished one keeps its predictions (and, when no step is
  // asked for, its step).
  const resume = stored && !stored.completed ? stored : null;
  host.predictions = resume ? { ...resume.predictions } : {};
  host.finished = false;
  host.dialog = null;
  if (host.pinnedByLesson) host.lab.store.getState().unpin();
  host.pinnedByLesson = false;
  // goToStep moves to the step at once (then waits for runs); the welcome note comes after.
  const going = goToStep(host, stepIndex ?? resume?.step ?? 0);
  host.resumedAt = stepIndex === undefined && resume && resume.step > 0 ? resume.step + 1 : null;
  await going;
}

/** Opens the lesson the link names (a notice says so when it cannot). */
export async function openLessonFromLink(host: LessonHost): Promise<void> {
  const id = host.flags.lesson;
  if (!id) return;
  const loaded = await loadLesson((url) => host.win.fetch(url), id);
  if (!loaded.ok) {
    host.lessonErrors = loaded.errors;
    host.lab.store.getState().addNotice({
      kind: 'classroom',
      level: 'error',
      message: 'The lesson in this link could not be opened; the lab works as usual.',
      details: host.lessonErrors,
    });
    return;
  }
  // A link without a step resumes where this learner left off.
  const step = host.flags.step;
  await startLesson(host, id, step === null ? undefined : stepIndexFromLink(loaded.value, step));
}

/** Resolves once the lab shows a result for `config` (or the step changed again: false). */
function waitForResult(host: LessonHost, config: Config, token: number): Promise<boolean> {
  const store = host.lab.store;
  return new Promise((resolve) => {
    const check = () => {
      if (token !== host.entering) return true;
      return sameConfig(store.getState().result?.config, config);
    };
    if (check()) return resolve(token === host.entering);
    const stop = store.subscribe(() => {
      if (!check()) return;
      stop();
      resolve(token === host.entering);
    });
  });
}

/** Goes to step `index`: pins the previous step's run when asked, applies the step's settings. */
export async function goToStep(host: LessonHost, index: number): Promise<void> {
  const lesson = host.lesson;
  if (!lesson) return;
  const target = Math.max(0, Math.min(lesson.steps.length - 1, index));
  const token = ++host.entering;
  if (target !== host.step) host.resumedAt = null;
  host.step = target;
  host.finished = false;
  host.writeLink();
  keepProgress(host);
  const step = lesson.steps[target];
  const store = host.lab.store;
  if (step?.pin && target > 0) {
    const previous = stepConfig(lesson, target - 1);
    if (!sameConfig(store.getState().result?.config, previous)) {
      store.getState().setConfig(previous);
      if (!(await waitForResult(host, previous, token))) return;
    }
    store.getState().pin();
    host.pinnedByLesson = true;
  } else if (host.pinnedByLesson) {
    store.getState().unpin();
    host.pinnedByLesson = false;
  }
  const config = stepConfig(lesson, target);
  if (!sameConfig(store.getState().config, config)) store.getState().setConfig(config);
  // Sweep only the knobs not already swept (or sweeping) around this very config.
  const sweeps = store.getState().sweeps;
  const fresh = (step?.sweep ?? []).filter((knob) => {
    const entry = sweeps[knob];
    return !(entry?.status === 'running' || sameConfig(entry?.result?.config, config));
  });
  if (fresh.length > 0) host.lab.sweepAll(fresh);
}

/** Locks in the learner's choice for the open step. */
export function predictStep(host: LessonHost, choice: string): void {
  host.predictions = { ...host.predictions, [host.step]: choice };
  keepProgress(host);
}

/**
 * Finish on the last step: the bar shows the summary, the embedding page hears
 * `extraction-lab:lesson-completed` (./lessonSummary.ts), and the lesson starts over next time.
 */
export function finishLesson(host: LessonHost): void {
  const lesson = host.lesson;
  if (!lesson) return;
  host.finished = true;
  keepProgress(host, true);
  const parent = host.win.parent;
  if (parent && parent !== (host.win as unknown))
    parent.postMessage(lessonCompletedMessage(lesson, host.predictions), '*');
}
