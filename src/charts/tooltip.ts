/**
 * Where a chart's tooltip goes: beside its anchor (a probed point), on the right unless the anchor
 * sits past `flipAfter` or the tooltip would cross the frame's right edge, then on the left; and
 * always inside the frame, so a read-out never spills over the page's edge on a phone.
 */
import type { Size } from './frame';

export interface TooltipOptions {
  /** gap between the anchor and the tooltip's near edge, px */
  gap: number;
  /** vertical anchoring: the tooltip's top at the anchor, or its middle */
  align: 'top' | 'middle';
  /** anchors right of this x (frame px) put the tooltip on the left even if it would fit */
  flipAfter: number;
}

export interface TooltipPlacement {
  /** the tooltip's top-left corner inside the frame, px */
  left: number;
  top: number;
  /** which side of the anchor it went to */
  side: 'right' | 'left';
}

/**
 * The tooltip's top-left corner for an anchor at (x, y) in the frame, both in px.
 *
 * Right of the anchor by `gap` is the default; left of it (by the same gap) when the anchor is
 * past `flipAfter` or the right side would overflow the frame. The corner is then clamped to
 * [0, frame - tooltip] on each axis, so the tooltip stays inside the frame whenever it fits
 * (a tooltip larger than the frame is pinned to its left or top edge).
 *
 * @param anchor the probed point, frame px
 * @param tooltip the tooltip's measured size, px (0 before it is measured)
 * @param frame the frame's size, px
 */
export function placeTooltip(
  anchor: { x: number; y: number },
  tooltip: Size,
  frame: Size,
  options: TooltipOptions,
): TooltipPlacement {
  const { gap, align, flipAfter } = options;
  const fitsRight = anchor.x + gap + tooltip.width <= frame.width;
  const side = anchor.x > flipAfter || !fitsRight ? 'left' : 'right';
  const left = side === 'right' ? anchor.x + gap : anchor.x - gap - tooltip.width;
  const top = align === 'top' ? anchor.y : anchor.y - tooltip.height / 2;
  return {
    left: clamp(left, 0, frame.width - tooltip.width),
    top: clamp(top, 0, frame.height - tooltip.height),
    side,
  };
}

/** `value` clamped to [lo, hi]; `lo` wins when the range is empty. */
function clamp(value: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, value));
}
