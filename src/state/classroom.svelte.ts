/**
 * The classroom layer of the page as one runes class: the link's view flags (embed parts, locked
 * and hidden controls, presenter mode), the lesson being taught and its step, the learner's
 * predictions, and which classroom dialog is open. It drives the lab only through the store's
 * actions (setConfig, pin) and the lab's commands (sweep), and writes the view part of the URL.
 * App.svelte creates it and provides it as a context.
 *
 * The view flags are read at once (locks, hides, embed and presenter mode shape the first paint);
 * the lesson machinery (player, loader, validator, step configs: src/classroom/lessonKit.ts) is
 * imported on demand, the first time a lesson or the lesson list is asked for, or at once when the link
 * names a lesson.
 */
import { getContext, setContext } from 'svelte';
import type { Lab } from './lab';
import type { Config } from '../core/config';
import { coveredBy, parseViewFlags, withViewFlags, type ViewFlags } from '../classroom/viewFlags';
import type { FetchLike } from '../classroom/lessonLoader';
import type { Lesson, LessonIndexEntry } from '../classroom/lessonSchema';
import type { ProgressStorage } from '../classroom/lessonProgress';

type LessonKit = typeof import('../classroom/lessonKit');

export type ClassroomDialog =
  'lessons' | 'cards' | 'glossary' | 'embed' | 'export' | 'report' | 'help' | null;

/** What the classroom needs from the window (passed in for tests). */
export interface ClassroomWindow {
  location: { readonly hash: string };
  history: { replaceState(data: unknown, unused: string, url?: string): void };
  fetch: FetchLike;
  /** where a learner's place in each lesson is kept (reading it may throw in a sandboxed frame) */
  readonly localStorage?: ProgressStorage;
  /** the embedding page, told when a lesson is completed (the window itself when not framed) */
  readonly parent?: { postMessage(message: unknown, targetOrigin: string): void };
}

export class Classroom {
  flags: ViewFlags = $state.raw(parseViewFlags('').flags);
  present = $state(false);
  dialog: ClassroomDialog = $state(null);
  /** policy card shown by the cards dialog (null: all cards) */
  cardId: string | null = $state(null);
  /** glossary entry the glossary dialog scrolls to (null: the top) */
  glossaryTerm: string | null = $state(null);
  index: LessonIndexEntry[] | null = $state.raw(null);
  lesson: Lesson | null = $state.raw(null);
  step = $state(0);
  /** the learner's choice per step index, once locked in */
  predictions: Record<number, string> = $state({});
  /** the learner pressed Finish on the last step: the bar shows the lesson's summary */
  finished = $state(false);
  /** the lesson reopened at the step the learner had reached last time (1-based), or null */
  resumedAt: number | null = $state(null);
  /** problems loading a lesson, each naming the file and field */
  lessonErrors: string[] = $state.raw([]);
  /** a short message for the live region (shortcut feedback) */
  announcement = $state('');

  readonly lab: Lab;
  readonly win: ClassroomWindow;
  /** the step change in progress (a newer one cancels an older one that waits for a run); the
   * lesson player's bookkeeping (src/classroom/lessonPlayer.ts), as is the next field */
  entering = 0;
  /** the lesson pinned a run (leaving the step or the lesson unpins it) */
  pinnedByLesson = false;
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
  writeLink(): void {
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

  /**
   * Opens a lesson at a 0-based step (a link's step is 1-based: use `openFromLink`). Without a
   * step it resumes where the learner left off (stored progress), or starts at step 1.
   */
  async start(id: string, stepIndex?: number): Promise<void> {
    this.lessonErrors = [];
    const kit = await this.lessonKit();
    if (kit) await kit.startLesson(this, id, stepIndex);
  }

  /** Opens the lesson named in the link, if any. */
  async openFromLink(): Promise<void> {
    if (!this.flags.lesson) return;
    const kit = await this.lessonKit();
    if (kit) return kit.openLessonFromLink(this);
    this.lab.store.getState().addNotice({
      kind: 'classroom',
      level: 'error',
      message: 'The lesson in this link could not be opened; the lab works as usual.',
      details: this.lessonErrors,
    });
  }

  stepConfig(index = this.step): Config | null {
    return this.lesson && this.kit ? this.kit.stepConfig(this.lesson, index) : null;
  }

  /** Goes to step `index` (src/classroom/lessonPlayer.ts goToStep). */
  async goTo(index: number): Promise<void> {
    if (this.kit) await this.kit.goToStep(this, index);
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
    this.kit?.predictStep(this, choice);
  }

  /** Finish on the last step: the summary, the embedding page told, a fresh start next time. */
  finish(): void {
    this.kit?.finishLesson(this);
  }

  /** Starts the open lesson again from step 1 with no predictions. */
  restart(): void {
    if (!this.lesson) return;
    this.predictions = {};
    this.resumedAt = null;
    void this.goTo(0);
  }

  exit(): void {
    this.entering++;
    if (this.pinnedByLesson) this.lab.store.getState().unpin();
    this.pinnedByLesson = false;
    this.lesson = null;
    this.step = 0;
    this.predictions = {};
    this.finished = false;
    this.resumedAt = null;
    this.writeLink();
  }

  open(dialog: ClassroomDialog, cardId: string | null = null): void {
    this.cardId = cardId;
    this.dialog = dialog;
  }

  /** Opens the glossary at one term (src/classroom/glossary.ts). */
  openGlossary(termId: string | null = null): void {
    this.glossaryTerm = termId;
    this.dialog = 'glossary';
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
