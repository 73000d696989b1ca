/**
 * The lab's one store (zustand/vanilla): the config the user is editing, the state of the current
 * run, the latest result and its no-defense comparison, a pinned run, notices and the Play
 * position; sweeps, the every-defense batch and the limits grid are a slice (./sweepSlice.ts). Actions sit beside the state and update it immutably. Nothing here touches the
 * DOM, a worker or the URL: src/state/runner.ts and src/state/location.ts connect those.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  checkField,
  checkKindChoices,
  defaultConfig,
  describeRange,
  FIELD_BY_PATH,
  getPath,
  setPath,
  type Config,
  type ConfigPath,
  type FieldValue,
} from '../core/config';
import { hasDefense, withoutDefenses } from '../core/registry/meta';
import type { SimulationResult } from '../core/types';
import { IDLE_PROGRESS, sweepActions, type SweepActions, type SweepState } from './sweepSlice';

export type { BatchEntry, LimitsEntry, StepProgress, SweepEntry } from './sweepSlice';

/** 'cancelled': the person stopped the run; the previous result (if any) stays, marked stale */
export type RunStatus = 'idle' | 'running' | 'done' | 'error' | 'cancelled';

export interface Progress {
  /** fraction of the run done, in [0, 1] */
  fraction: number;
  /** short phase name reported by the simulator ("victim", "attack", ...) */
  phase: string;
}

export type NoticeKind = 'link' | 'config' | 'worker' | 'clipboard' | 'classroom';

export interface Notice {
  id: number;
  kind: NoticeKind;
  /** 'error' is announced assertively (role=alert), 'info' politely (role=status) */
  level: 'error' | 'info';
  message: string;
  /** one line per rejected field, each naming the field */
  details: string[];
}

export interface LabState extends SweepState {
  config: Config;
  status: RunStatus;
  progress: Progress;
  /** readable message of the last failure, when status is 'error' */
  error: string | null;
  /** the cost model's estimate of the current run in ms (src/core/runCost.ts), null if none */
  estimateMs: number | null;
  /**
   * Set when the engine crashed, stalled and was restarted, or the person cancelled, and cleared
   * by the next result: until then, the result on screen is marked as from the previous settings.
   */
  interrupted: boolean;
  /** the latest result for `config` (kept while a newer run is computing) */
  result: SimulationResult | null;
  /** the same config with every defense off: the faint comparison curve (null until computed) */
  baseline: SimulationResult | null;
  /** a run kept aside for comparison */
  pinned: SimulationResult | null;
  notices: readonly Notice[];
  /** curve slice shown by the maps during Play/Step; null shows the final state */
  frame: number | null;
  playing: boolean;
}

export interface LabActions extends SweepActions {
  /**
   * Sets one field by dotted path. An invalid value is refused: the config keeps its last valid
   * value and the returned message names the field and its allowed range.
   */
  setField(path: ConfigPath, value: unknown): { ok: true } | { ok: false; message: string };
  /** Replaces the whole config (already validated, e.g. by parseShareHash). */
  setConfig(config: Config): void;
  /** Restores every setting to its default. */
  resetConfig(): void;
  /** A run started; `estimateMs` is the cost model's estimate of its duration, if known. */
  runStarted(estimateMs?: number | null): void;
  runProgress(fraction: number, phase: string): void;
  runFinished(result: SimulationResult): void;
  baselineFinished(result: SimulationResult): void;
  runFailed(message: string): void;
  /** The engine stopped responding and was restarted; the run goes on from the start. */
  runRestarted(): void;
  /** The person stopped the run (the engine was restarted); the previous result stays. */
  runCancelled(): void;
  pin(): void;
  unpin(): void;
  addNotice(notice: Omit<Notice, 'id'>): number;
  dismissNotice(id: number): void;
  /** Removes every notice of one kind (e.g. the engine's, once the lab has recovered). */
  dismissNoticesOf(kind: NoticeKind): void;
  /** Shows curve slice `frame` (clamped to the latest result), or the final state with null. */
  setFrame(frame: number | null): void;
  /** Advances one slice; from the final state it starts again at slice 0. */
  stepFrame(): void;
  setPlaying(playing: boolean): void;
}

export type LabStore = StoreApi<LabState & LabActions>;

/** The same config with every defense off, and whether any is on: derived from the registry. */
export { hasDefense, withoutDefenses };

/** Creates a fresh store, optionally starting from a given config. */
export function createLabStore(initial: Config = defaultConfig()): LabStore {
  let nextNoticeId = 1;
  return createStore<LabState & LabActions>()((set, get) => ({
    config: initial,
    status: 'idle',
    progress: IDLE_PROGRESS,
    error: null,
    estimateMs: null,
    interrupted: false,
    result: null,
    baseline: null,
    sweeps: {},
    batch: null,
    limits: null,
    pinned: null,
    notices: [],
    frame: null,
    playing: false,

    setField(path, value) {
      const spec = FIELD_BY_PATH.get(path);
      if (!spec) return { ok: false, message: `${path} is not a known setting` };
      const checked = checkField(spec, value);
      if (!checked.ok) {
        return {
          ok: false,
          message: `${spec.label} must be ${describeRange(spec)}; kept ${formatValue(getPath(get().config, path))}.`,
        };
      }
      if (sameValue(getPath(get().config, path), checked.value)) return { ok: true };
      const next = setPath(get().config, path, checked.value);
      // Another scenario kind starts from its own strategy and answer format.
      set({ config: path === 'scenario.kind' ? checkKindChoices(next, new Set()).config : next });
      return { ok: true };
    },
    setConfig(config) {
      set({ config });
    },
    resetConfig() {
      set({ config: defaultConfig() });
    },

    runStarted(estimateMs = null) {
      set({ status: 'running', progress: IDLE_PROGRESS, error: null, estimateMs });
    },
    runProgress(fraction, phase) {
      set({ progress: { fraction, phase } });
    },
    runFinished(result) {
      const baselineStillValid =
        get().baseline !== null &&
        sameConfig(get().baseline?.config, withoutDefenses(result.config));
      set({
        status: 'done',
        progress: { fraction: 1, phase: 'done' },
        result,
        baseline: hasDefense(result.config) ? (baselineStillValid ? get().baseline : null) : result,
        error: null,
        interrupted: false,
        frame: clampFrame(get().frame, result),
      });
    },
    baselineFinished(baseline) {
      set({ baseline });
    },
    runFailed(message) {
      set({ status: 'error', error: message, playing: false, interrupted: true });
    },
    runRestarted() {
      set({ status: 'running', progress: IDLE_PROGRESS, interrupted: true });
    },
    runCancelled() {
      set({ status: 'cancelled', progress: IDLE_PROGRESS, playing: false, interrupted: true });
    },

    ...sweepActions(set, get),

    pin() {
      set({ pinned: get().result });
    },
    unpin() {
      set({ pinned: null });
    },

    addNotice(notice) {
      const id = nextNoticeId++;
      // A new notice of the same kind replaces the old one: one message per problem source.
      set({ notices: [...get().notices.filter((n) => n.kind !== notice.kind), { ...notice, id }] });
      return id;
    },
    dismissNotice(id) {
      set({ notices: get().notices.filter((n) => n.id !== id) });
    },
    dismissNoticesOf(kind) {
      if (get().notices.some((n) => n.kind === kind))
        set({ notices: get().notices.filter((n) => n.kind !== kind) });
    },

    setFrame(frame) {
      const result = get().result;
      set({ frame: result ? clampFrame(frame, result) : null });
    },
    stepFrame() {
      const result = get().result;
      if (!result || result.curve.length === 0) return;
      const frame = get().frame;
      const last = result.curve.length - 1;
      const next = frame === null || frame >= last ? 0 : frame + 1;
      set({ frame: next });
    },
    setPlaying(playing) {
      set({ playing });
    },
  }));
}

function clampFrame(frame: number | null, result: SimulationResult): number | null {
  if (frame === null || result.curve.length === 0) return null;
  return Math.max(0, Math.min(result.curve.length - 1, Math.round(frame)));
}

function sameValue(a: unknown, b: FieldValue): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/** Structural equality of two configs (plain data: objects, arrays, numbers, strings, booleans). */
export function sameConfig(a: Config | undefined, b: Config | undefined): boolean {
  return a !== undefined && b !== undefined && deepEqual(a, b);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) =>
    deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

function formatValue(value: unknown): string {
  return Array.isArray(value) ? value.join('x') : String(value);
}
