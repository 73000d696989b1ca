/**
 * Does the result on screen still match the controls? While a run computes, the previous result
 * stays on screen beside the new settings. For a quick run (a fraction of a second) that is the
 * normal way the lab follows a slider and needs no mark; it does need one, visibly, when the new
 * result is not coming soon: after the engine crashed, stalled and was restarted, or the person
 * cancelled (until a new result arrives), and while a run estimated to take seconds computes.
 */
import { sameConfig, type LabState } from './store';

/** A run estimated to take at least this long (ms) marks the previous result as stale at once. */
export const SLOW_RUN_MS = 2500;

/**
 * True when the result on screen was computed from other settings than the controls show and
 * the page should say so ("from the previous settings").
 * @param state the store's config, result, status, interruption flag and the run's estimate
 */
export function resultIsStale(
  state: Pick<LabState, 'config' | 'result' | 'status' | 'interrupted' | 'estimateMs'>,
): boolean {
  if (!state.result || sameConfig(state.result.config, state.config)) return false;
  if (state.interrupted || state.status === 'error' || state.status === 'cancelled') return true;
  return state.status === 'running' && (state.estimateMs ?? 0) >= SLOW_RUN_MS;
}
