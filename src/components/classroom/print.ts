/**
 * Printing one part of the page (a report, the policy cards): the part is moved to the end of
 * <body> by the `portal` action, and `printSection` marks the document so the print CSS of
 * classroom.css shows that part alone. The document and window are the page's own.
 */

export type PrintSection = 'report' | 'cards';

/** Svelte action: moves the node to the end of <body> while it is mounted. */
export function portal(node: HTMLElement): { destroy(): void } {
  node.ownerDocument.body.append(node);
  return { destroy: () => node.remove() };
}

/** Prints only the print area named `section`; the mark is removed once printing is done. */
export function printSection(win: Window, section: PrintSection): void {
  const root = win.document.documentElement;
  root.dataset.printing = section;
  const done = () => {
    delete root.dataset.printing;
    win.removeEventListener('afterprint', done);
  };
  win.addEventListener('afterprint', done);
  win.print();
}
