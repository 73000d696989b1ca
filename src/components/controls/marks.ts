/**
 * Performance marks for the latency budget (scripts/bench-browser.ts reads them): `lab:input` when
 * a person changes a control, `lab:result` when its result reaches the page (detail: milliseconds
 * the simulation took in the worker), `lab:render` in the frame after the DOM showed it (App.svelte).
 */
export const INPUT_MARK = 'lab:input';
export const RESULT_MARK = 'lab:result';
export const RENDER_MARK = 'lab:render';

/** Marks a result's arrival on the main thread. */
export function markResult(workerMs: number): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') {
    performance.mark(RESULT_MARK, { detail: workerMs });
  }
}

/** Marks a control change; `detail` names the field. */
export function markInput(path: string): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') {
    performance.mark(INPUT_MARK, { detail: path });
  }
}
