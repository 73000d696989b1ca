/**
 * The lab as the components see it: the store, its rune bridge and the few commands that reach
 * beyond the store (run now, sweep, remember a history step). App.svelte creates it and provides
 * it as a Svelte context; components call `useLab()`. Tests provide their own with `labContext`.
 */
import { getContext, setContext } from 'svelte';
import { fromStore, type Reactive } from './bridge.svelte';
import type { LabActions, LabState, LabStore } from './store';

export interface LabCommands {
  /** runs the current config now (the Run button) */
  runNow(): void;
  /** stops the running run (the Cancel button); the previous result stays, marked stale */
  cancelRun(): void;
  /** sweeps one knob around the current config */
  sweep(knob: string): void;
  /** sweeps several knobs as one batch, every knob coarse first */
  sweepAll(knobs: readonly string[]): void;
  /** computes the limits-against-accounts grid around the current config */
  limits(): void;
  /** leaves one Back step in the browser history (deliberate actions) */
  remember(): void;
}

export interface Lab extends LabCommands {
  store: LabStore;
  state: Reactive<LabState & LabActions>;
}

const LAB_KEY = Symbol('extraction-lab');

/** Wraps a store and its commands; commands default to doing nothing (component tests). */
export function createLab(store: LabStore, commands: Partial<LabCommands> = {}): Lab {
  return {
    store,
    state: fromStore(store),
    runNow: commands.runNow ?? (() => {}),
    cancelRun: commands.cancelRun ?? (() => {}),
    sweep: commands.sweep ?? (() => {}),
    sweepAll: commands.sweepAll ?? (() => {}),
    limits: commands.limits ?? (() => {}),
    remember: commands.remember ?? (() => {}),
  };
}

/** Provides the lab to the component tree (call during component initialisation). */
export function provideLab(lab: Lab): void {
  setContext(LAB_KEY, lab);
}

/** The lab provided by an ancestor. */
export function useLab(): Lab {
  const lab = getContext<Lab | undefined>(LAB_KEY);
  if (!lab) throw new Error('useLab() needs provideLab() in an ancestor component');
  return lab;
}

/** A context map for `render(Component, { context: labContext(lab) })` in tests. */
export function labContext(lab: Lab): Map<symbol, Lab> {
  return new Map([[LAB_KEY, lab]]);
}
