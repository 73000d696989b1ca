/**
 * Lesson highlights: marks the page's elements whose `data-tour` names a lesson step points at
 * (data-highlight), and brings the chart the step talks about into view. Looks only for
 * `[data-tour]` attributes, the stable contract between lessons and the page
 * (src/classroom/tour.ts).
 */

/** Regions that are results (charts, tables, the scoreboard), in the order they are preferred. */
const CHART_REGIONS = [
  'detection',
  'curve',
  'maps',
  'attacker-sees',
  'frontier',
  'sweep',
  'ledger',
  'scoreboard',
  'charts',
];

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

/**
 * The target to bring into view: the first chart the step names (a step talks about a chart, and
 * its controls sit in the settings columns), else the first setting. Order: the step's own order
 * among charts.
 */
export function scrollTargetName(names: readonly string[]): string | undefined {
  return names.find((n) => CHART_REGIONS.includes(n)) ?? names[0];
}

/**
 * Scrolls the step's chart (or first setting) into the part of the window the lesson bar leaves
 * free (instantly when the person prefers less motion); a chart already wholly in view stays put.
 * Settings inside a scrolling settings column are scrolled into view within the column only.
 * @returns true when the chart the step names (or, naming none, its first setting) was there
 */
export function scrollToTarget(doc: Document, names: readonly string[]): boolean {
  const view = doc.defaultView;
  if (!view) return false;
  const reduce = view.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? true;
  const behavior: ScrollBehavior = reduce ? 'auto' : 'smooth';
  const find = (name: string) => {
    const escaped = name.replace(/["\\]/g, '\\$&');
    const element = doc.querySelector<HTMLElement>(`[data-tour="${escaped}"]`);
    return element && element.offsetParent !== null ? element : null;
  };
  const chartName = scrollTargetName(names.filter((n) => find(n) !== null));
  const target = chartName ? find(chartName) : null;
  if (target) {
    const covered =
      parseFloat(
        view.getComputedStyle(doc.documentElement).getPropertyValue('--lesson-bar-height'),
      ) || 0;
    const margin = 12;
    const rect = target.getBoundingClientRect();
    const free = view.innerHeight - covered;
    const inView = rect.top >= 0 && rect.bottom <= free;
    if (!inView) view.scrollBy({ top: rect.top - margin, behavior });
  }
  // Settings the step names, within a settings column that scrolls on its own.
  for (const name of names) {
    const element = find(name);
    const column = element?.closest<HTMLElement>('aside');
    if (!element || !column || column.scrollHeight <= column.clientHeight) continue;
    const box = column.getBoundingClientRect();
    const rect = element.getBoundingClientRect();
    if (rect.top < box.top || rect.bottom > box.bottom)
      column.scrollBy({ top: rect.top - box.top - 24, behavior });
  }
  // Done when the step's chart was on the page (a chart drawn with the first result: try again).
  const wanted = scrollTargetName(names);
  return wanted !== undefined && find(wanted) !== null;
}

/**
 * Scrolls to the step's chart (`scrollToTarget`) and keeps it in view while the page settles:
 * charts above it finish drawing after the step's run (the region below the maps is drawn after
 * the first result's paint, lazily loaded charts replace their stand-ins), and each such change
 * of the page's height moves the target. For `ms` after the call, every change of the body's size
 * scrolls to it again, until the person scrolls, taps or presses a key themselves.
 * @returns a function that stops watching (call it when the step changes)
 */
export function keepTargetInView(doc: Document, names: readonly string[], ms = 6000): () => void {
  const view = doc.defaultView;
  scrollToTarget(doc, names);
  if (!view || typeof view.ResizeObserver === 'undefined') return () => undefined;
  const observer = new view.ResizeObserver(() => scrollToTarget(doc, names));
  const events = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;
  const stop = () => {
    observer.disconnect();
    view.clearTimeout(timer);
    for (const type of events) view.removeEventListener(type, stop, true);
  };
  const timer = view.setTimeout(stop, ms);
  for (const type of events) view.addEventListener(type, stop, { capture: true, passive: true });
  observer.observe(doc.body);
  return stop;
}
