/**
 * Work that can wait for the next paint: a frame, then a task of its own. The page uses it to draw
 * in steps what would otherwise be one long task (issue 14: no main-thread task over 50 ms while
 * the page starts), e.g. the frontier's region after the first result's maps are on screen.
 */

/** What `afterPaint` needs of the window (passed in for tests). */
export interface PaintHost {
  requestAnimationFrame(callback: () => void): number;
  cancelAnimationFrame(handle: number): void;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * Runs `callback` in a task of its own after the next frame is painted (requestAnimationFrame
 * runs just before the paint; the timeout it sets runs after it).
 * @param callback the deferred work
 * @param host the window
 * @returns a function that cancels the callback if it has not run yet
 */
export function afterPaint(
  callback: () => void,
  host: PaintHost = window as PaintHost,
): () => void {
  let timer: unknown = null;
  const frame = host.requestAnimationFrame(() => {
    timer = host.setTimeout(callback, 0);
  });
  return () => {
    host.cancelAnimationFrame(frame);
    if (timer !== null) host.clearTimeout(timer);
  };
}

/** What `whenIdleOnce` needs of the window. */
export interface IdleOnceHost {
  requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * Runs `callback` when the main thread is next idle (at the latest `timeoutMs` later; browsers
 * without idle callbacks: in a task of its own).
 * @param callback the deferred work
 * @param timeoutMs the longest wait
 * @param host the window
 * @returns a function that cancels the callback if it has not run yet
 */
export function whenIdleOnce(
  callback: () => void,
  timeoutMs = 500,
  host: IdleOnceHost = window as IdleOnceHost,
): () => void {
  if (host.requestIdleCallback && host.cancelIdleCallback) {
    const handle = host.requestIdleCallback(callback, { timeout: timeoutMs });
    return () => host.cancelIdleCallback?.(handle);
  }
  const timer = host.setTimeout(callback, 0);
  return () => host.clearTimeout(timer);
}
