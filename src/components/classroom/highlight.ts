/**
 * Lesson highlights: marks the page's elements whose `data-tour` names a lesson step points at
 * (data-highlight), and scrolls the first into view. Looks only for `[data-tour]` attributes, the
 * stable contract between lessons and the page (src/classroom/tour.ts).
 */

/** Marks the targets; returns a function that removes the marks. */
export function highlightTargets(doc: Document, names: readonly string[]): () => void {
  const marked: Element[] = [];
  for (const name of names) {
    const escaped = name.replace(/["\\]/g, '\\$&');
    for (const element of doc.querySelectorAll(`[data-tour="${escaped}"]`)) {
      element.setAttribute('data-highlight', '');
      marked.push(element);
    }
  }
  return () => {
    for (const element of marked) element.removeAttribute('data-highlight');
  };
}

/** Scrolls the first visible target into view (instantly when the person prefers less motion). */
export function scrollToTarget(doc: Document, names: readonly string[]): void {
  const view = doc.defaultView;
  for (const name of names) {
    const escaped = name.replace(/["\\]/g, '\\$&');
    const element = doc.querySelector<HTMLElement>(`[data-tour="${escaped}"]`);
    if (!element || element.offsetParent === null) continue;
    const reduce = view?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? true;
    element.scrollIntoView({ block: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
    return;
  }
}
