/**
 * Performance marks for the latency budget: `lab:input` when a person changes a control,
 * `lab:result` when its result reaches the page (detail: milliseconds the simulation took in the
 * worker), `lab:render` in the frame after the DOM showed it (App.svelte). Once the render mark
 * is placed the change is measured as one `lab:change` measure (input to render; detail: the
 * worker's ms and the arrival ms) that scripts/bench-browser.ts reads, and the marks are cleared:
 * the page holds at most one change's marks and one measure, however long it runs (issue 15:
 * 1,574 marks after 524 changes).
 */
export const INPUT_MARK = 'lab:input';
export const RESULT_MARK = 'lab:result';
export const RENDER_MARK = 'lab:render';
export const CHANGE_MEASURE = 'lab:change';

/** What a `lab:change` measure carries besides its duration. */
export interface ChangeDetail {
  /** the field the person changed */
  field: string;
  /** milliseconds the simulation took inside the worker */
  workerMs: number;
  /** input to the result's arrival on the main thread, ms (worker + messaging + queueing) */
  arrivalMs: number;
}

function available(): boolean {
  return (
    typeof performance !== 'undefined' &&
    typeof performance.mark === 'function' &&
    typeof performance.clearMarks === 'function'
  );
}

/** Marks a control change; `detail` names the field. Only the latest change is kept. */
export function markInput(path: string): void {
  if (!available()) return;
  performance.clearMarks(INPUT_MARK);
  performance.mark(INPUT_MARK, { detail: path });
}

/** Marks a result's arrival on the main thread (the latest only). */
export function markResult(workerMs: number): void {
  if (!available()) return;
  performance.clearMarks(RESULT_MARK);
  performance.mark(RESULT_MARK, { detail: workerMs });
}

/**
 * Marks a result on screen; if a control change preceded it, measures the change as
 * `lab:change` (replacing the previous measure), then clears the three marks.
 */
export function markRender(): void {
  if (!available()) return;
  const render = performance.mark(RENDER_MARK);
  const input = performance.getEntriesByName(INPUT_MARK, 'mark').at(-1) as
    PerformanceMark | undefined;
  const result = performance.getEntriesByName(RESULT_MARK, 'mark').at(-1) as
    PerformanceMark | undefined;
  if (input && result && result.startTime >= input.startTime) {
    const detail: ChangeDetail = {
      field: String(input.detail),
      workerMs: Number(result.detail),
      arrivalMs: result.startTime - input.startTime,
    };
    performance.clearMeasures(CHANGE_MEASURE);
    performance.measure(CHANGE_MEASURE, { start: input.startTime, end: render.startTime, detail });
    performance.clearMarks(INPUT_MARK);
  }
  performance.clearMarks(RESULT_MARK);
  performance.clearMarks(RENDER_MARK);
}
