/**
 * Performance marks for the latency budget (scripts/bench-browser.ts reads them): `lab:input` when
 * a person changes a control, `lab:render` when a new result has been drawn (see App.svelte).
 */
export const INPUT_MARK = 'lab:input';
export const RENDER_MARK = 'lab:render';

/** Marks a control change; `detail` names the field. */
export function markInput(path: string): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') {
    performance.mark(INPUT_MARK, { detail: path });
  }
}
