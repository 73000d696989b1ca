/**
 * Embedding: tells the parent page how tall the lab is, so a host can size its iframe without a
 * scroll bar. Posts {type: 'extraction-lab:height', height} (CSS px, rounded up) whenever the
 * document's height changes. The message carries no data but the height, so it goes to any origin:
 * the lab cannot know which site embeds it. The window is passed in.
 */

export const HEIGHT_MESSAGE = 'extraction-lab:height';

export interface HeightMessage {
  type: typeof HEIGHT_MESSAGE;
  height: number;
}

/** True for a message a host should use to size the iframe (hosts can import this check). */
export function isHeightMessage(data: unknown): data is HeightMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { type?: unknown }).type === HEIGHT_MESSAGE &&
    typeof (data as { height?: unknown }).height === 'number' &&
    Number.isFinite((data as { height: number }).height)
  );
}

/**
 * Starts reporting the height while the page is inside a frame; returns a function that stops.
 * Outside a frame (parent === window) it does nothing.
 */
export function reportHeightToParent(win: Window & typeof globalThis): () => void {
  if (win.parent === win) return () => {};
  const doc = win.document;
  let last = -1;
  const post = () => {
    // The body's box, not the viewport: a frame sized to its content must not grow with itself.
    const height = Math.ceil(doc.body.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    const message: HeightMessage = { type: HEIGHT_MESSAGE, height };
    win.parent.postMessage(message, '*');
  };
  const observer = new win.ResizeObserver(post);
  observer.observe(doc.body);
  post();
  return () => observer.disconnect();
}
