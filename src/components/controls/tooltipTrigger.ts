/**
 * Action for a field's tooltip: reports "open" while the pointer is over the field or focus is
 * inside it, and lets Escape hide it until both leave (WCAG 1.4.13: dismissable, hoverable,
 * persistent). Listeners sit on the field element, so nothing global is touched.
 */
import type { Action } from 'svelte/action';

export const tooltipTrigger: Action<HTMLElement, (open: boolean) => void> = (node, onChange) => {
  let notify = onChange;
  let hovered = false;
  let focused = false;
  let dismissed = false;
  const update = () => notify((hovered || focused) && !dismissed);
  const settle = () => {
    if (!hovered && !focused) dismissed = false;
    update();
  };
  const enter = () => {
    hovered = true;
    update();
  };
  const leave = () => {
    hovered = false;
    settle();
  };
  const focusIn = () => {
    focused = true;
    update();
  };
  const focusOut = (event: FocusEvent) => {
    if (event.relatedTarget instanceof Node && node.contains(event.relatedTarget)) return;
    focused = false;
    settle();
  };
  const keydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || dismissed || !(hovered || focused)) return;
    dismissed = true;
    event.stopPropagation();
    update();
  };
  node.addEventListener('mouseenter', enter);
  node.addEventListener('mouseleave', leave);
  node.addEventListener('focusin', focusIn);
  node.addEventListener('focusout', focusOut);
  node.addEventListener('keydown', keydown);
  return {
    update(next) {
      notify = next;
    },
    destroy() {
      node.removeEventListener('mouseenter', enter);
      node.removeEventListener('mouseleave', leave);
      node.removeEventListener('focusin', focusIn);
      node.removeEventListener('focusout', focusOut);
      node.removeEventListener('keydown', keydown);
    },
  };
};
