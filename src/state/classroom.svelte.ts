/**
 * The classroom layer of the page as one runes class: the link's view flags (embed parts, locked
 * and hidden controls, presenter mode), the lesson being taught and its step, the learner's
 * predictions, and which classroom dialog is open. It drives the lab only through the store's
 * actions (setConfig, pin) and the lab's commands (sweep), and writes the view part of the URL.
 * App.svelte creates it and provides it as a context.
 *
 * The view flags are read at once (locks, hides, embed and presenter mode shape the first paint);
 * the lesson machinery (loader, validator, step configs: src/classroom/lessonKit.ts) is imported
 * on demand, the first time a lesson or the lesson list is asked for, or at once when the link
 * names a lesson.
 */
import { getContext, setContext } from 'svelte';
import { sameConfig } from './store';
import type { Lab } from './lab';
import type { Config } from '../core/config';
import { coveredBy, parseViewFlags, withViewFlags, type ViewFlags } from '../classroom/viewFlags';
import type { FetchLike } from '../classroom/lessonLoader';
import type { Lesson, LessonIndexEntry } from '../classroom/lessonSchema';

type LessonKit = typeof import('../classroom/lessonKit');

export type ClassroomDialog = 'lessons' | 'cards' | 'embed' | 'export' | 'report' | 'help' | null;

/** What the classroom needs from the window (passed in for tests). */
export interface ClassroomWindow {
  location: { readonly hash: string };
  history: { replaceState(data: unknown, unused: string, url?: string): void };
  fetch: FetchLike;
}

export class Classroom {
  flags: ViewFlags = $state.raw(parseViewFlags('').flags);
  present = $state(false);
  dialog: ClassroomDialog = $state(null);
  /** policy card shown by the cards dialog (null: all cards) */
  cardId: string | null = $state(null);
  index: LessonIndexEntry[] | null = $state.raw(null);
  lesson: Lesson | null = $state.raw(null);
  step = $state(0);
  /** the learner's choice per step index, once locked in */
  predictions: Record<number, string> = $state({});
  /** problems loading a lesson, each naming the file and field */
  lessonErrors: string[] = $state.raw([]);
  /** a short message for the live region (shortcut feedback) */
  announcement = $state('');

  readonly lab: Lab;
  readonly win: ClassroomWindow;
  /** the step change in progress (a newer one cancels an older one that waits for a run) */
  private entering = 0;
  private pinnedByLesson = false;
  /** the lesson machinery, once imported (a lesson is open only after it is) */
  private kit: LessonKit | null = null;

  constructor(lab: Lab, win: ClassroomWindow) {
    this.lab = lab;
    this.win = win;
    const { flags, issues } = parseViewFlags(win.location.hash);
    this.flags = flags;
    this.present = flags.present;
    // A link into a lesson: fetch the lesson machinery now, beside the page's first run.
    if (flags.lesson !== null) void this.lessonKit();
    if (issues.length > 0)
      lab.store.getState().addNotice({
        kind: 'classroom',
        level: 'error',
        message: "Part of this link's view settings could not be used; the lab kept the rest.",
        details: issues,
      });
  }

  /**
   * Follows a link edited or opened in place (hashchange): the view flags change, and a lesson
   * named by the link opens (or moves to its step). Our own URL writes do not fire hashchange.
   */
  followLink(): void {
    const { flags } = parseViewFlags(this.win.location.hash);
    const lessonChanged = flags.lesson !== (this.lesson?.id ?? null);
    const stepChanged =
      flags.lesson !== null && flags.step !== null && flags.step !== this.step + 1;
    this.flags = flags;
    this.present = flags.present;
    if (flags.lesson === null && this.lesson) this.exit();
    else if (lessonChanged || stepChanged) void this.openFromLink();
  }

  get embedded(): boolean {
    return this.flags.embed !== null;
  }

  isLocked(path: string): boolean {
    return coveredBy(path, this.flags.lock);
  }

  isHidden(path: string): boolean {
    return coveredBy(path, this.flags.hide);
  }

  /** Writes the view keys into the URL, leaving the settings part to src/state/location.ts. */
  private writeLink(): void {
    const flags: ViewFlags = {
      ...this.flags,
      lesson: this.lesson?.id ?? null,
      step: this.lesson ? this.step + 1 : null,
      present: this.present,
    };
    this.flags = flags;
    const next = withViewFlags(this.win.location.hash, flags);
    if (next !== this.win.location.hash) this.win.history.replaceState(null, '', next);
  }

  setPresent(on: boolean): void {
    this.present = on;
    this.writeLink();
  }

  /**
   * The lesson machinery, imported on first use (the module is fetched once; later calls resolve
   * at once). Null when it cannot be fetched (offline before the service worker cached it): the
   * reason goes to `lessonErrors`, which the lesson list shows.
   */
  async lessonKit(): Promise<LessonKit | null> {
    if (this.kit) return this.kit;
    try {
      this.kit = await import('../classroom/lessonKit');
      return this.kit;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.lessonErrors = [`the lesson player could not be loaded (${reason})`];
      return null;
    }
  }

  async loadIndex(): Promise<void> {
    if (this.index) return;
    const kit = await this.lessonKit();
    if (!kit) return;
    const loaded = await kit.loadLessonIndex((url) => this.win.fetch(url));
    if (loaded.ok) this.index = loaded.value;
    else this.lessonErrors = loaded.errors;
  }

  /** Opens a lesson at a 0-based step (a link's step is 1-based: use `openFromLink`). */
  async start(id: string, stepIndex = 0): Promise<void> {
    this.lessonErrors = [];
    const kit = await this.lessonKit();
    if (!kit) return;
    const loaded = await kit.loadLesson((url) => this.win.fetch(url), id);
    if (!loaded.ok) {
      this.lessonErrors = loaded.errors;
      return;
    }
    this.lesson = loaded.value;
    this.predictions = {};
    this.dialog = null;
    if (this.pinnedByLesson) this.lab.store.getState().unpin();
    this.pinnedByLesson = false;
    await this.goTo(stepIndex);
  }

  /** Opens the lesson named in the link, if any. */
  async openFromLink(): Promise<void> {
    if (!this.flags.lesson) return;
    const id = this.flags.lesson;
    const kit = await this.lessonKit();
    const loaded = kit ? await kit.loadLesson((url) => this.win.fetch(url), id) : null;
    if (loaded && !loaded.ok) this.lessonErrors = loaded.errors;
    if (!kit || !loaded?.ok) {
      this.lab.store.getState().addNotice({
        kind: 'classroom',
        level: 'error',
        message: 'The lesson in this link could not be opened; the lab works as usual.',
        details: this.lessonErrors,
      });
      return;
    }
    await this.start(id, kit.stepIndexFromLink(loaded.value, this.flags.step));
  }

  stepConfig(index = this.step): Config | null {
    return this.lesson && this.kit ? this.kit.stepConfig(this.lesson, index) : null;
  }

  /** Resolves once the lab shows a result for `config` (or the step changed again: false). */
  private waitForResult(config: Config, token: number): Promise<boolean> {
    const store = this.lab.store;
    return new Promise((resolve) => {
      const check = () => {
        if (token !== this.entering) return true;
        return sameConfig(store.getState().result?.config, config);
      };
      if (check()) return resolve(token === this.entering);
      const stop = store.subscribe(() => {
        if (!check()) return;
        stop();
        resolve(token === this.entering);
      });
    });
  }

  /** Goes to step `index`: pins the previous step's run when asked, applies the step's settings. */
  async goTo(index: number): Promise<void> {
    const lesson = this.lesson;
    const stepConfig = this.kit?.stepConfig;
    if (!lesson || !stepConfig) return;
    const target = Math.max(0, Math.min(lesson.steps.length - 1, index));
    const token = ++this.entering;
    this.step = target;
    this.writeLink();
    const step = lesson.steps[target];
    const store = this.lab.store;
    if (step?.pin && target > 0) {
      const previous = stepConfig(lesson, target - 1);
      if (!sameConfig(store.getState().result?.config, previous)) {
        store.getState().setConfig(previous);
        if (!(await this.waitForResult(previous, token))) return;
      }
      store.getState().pin();
      this.pinnedByLesson = true;
    } else if (this.pinnedByLesson) {
      store.getState().unpin();
      this.pinnedByLesson = false;
    }
    const config = stepConfig(lesson, target);
    if (!sameConfig(store.getState().config, config)) store.getState().setConfig(config);
    // Sweep only the knobs not already swept (or sweeping) around this very config.
    const sweeps = store.getState().sweeps;
    const fresh = (step?.sweep ?? []).filter((knob) => {
      const entry = sweeps[knob];
      return !(entry?.status === 'running' || sameConfig(entry?.result?.config, config));
    });
    if (fresh.length > 0) this.lab.sweepAll(fresh);
  }

  next(): void {
    if (this.lesson && this.step < this.lesson.steps.length - 1) void this.goTo(this.step + 1);
  }

  back(): void {
    if (this.lesson && this.step > 0) void this.goTo(this.step - 1);
  }

  /** Puts the step's settings back (the learner may have changed them). */
  resetStep(): void {
    if (this.lesson) void this.goTo(this.step);
    else this.lab.store.getState().resetConfig();
  }

  /** The open lesson step asks for a prediction that is not locked in yet (numbers stay veiled). */
  get awaitingPrediction(): boolean {
    const step = this.lesson?.steps[this.step];
    return step?.prediction !== undefined && this.predictions[this.step] === undefined;
  }

  predict(choice: string): void {
    this.predictions = { ...this.predictions, [this.step]: choice };
  }

  exit(): void {
    this.entering++;
    if (this.pinnedByLesson) this.lab.store.getState().unpin();
    this.pinnedByLesson = false;
    this.lesson = null;
    this.step = 0;
    this.predictions = {};
    this.writeLink();
  }

  open(dialog: ClassroomDialog, cardId: string | null = null): void {
    this.cardId = cardId;
    this.dialog = dialog;
  }

  close(): void {
    this.dialog = null;
  }

  announce(message: string): void {
    this.announcement = message;
  }
}

const CLASSROOM_KEY = Symbol('extraction-lab-classroom');

export function provideClassroom(classroom: Classroom): void {
  setContext(CLASSROOM_KEY, classroom);
}

/** The classroom provided by App.svelte. */
export function useClassroom(): Classroom {
  const classroom = getContext<Classroom | undefined>(CLASSROOM_KEY);
  if (!classroom) throw new Error('useClassroom() needs provideClassroom() in an ancestor');
  return classroom;
}

/** The classroom if there is one (controls use it for locks; their own tests provide none). */
export function maybeClassroom(): Classroom | null {
  return getContext<Classroom | undefined>(CLASSROOM_KEY) ?? null;
}

/** Context entries for component tests (add them to the lab's context map). */
export function classroomContextEntry(classroom: Classroom): [symbol, Classroom] {
  return [CLASSROOM_KEY, classroom];
}
