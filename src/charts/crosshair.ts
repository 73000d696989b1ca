/**
 * A keyboard crosshair over a 2-D data box (the decision maps): arrows move it by a fortieth of
 * the box (an eighth with Shift), Home centres it, and it never leaves the box. The widget follows
 * WAI-ARIA's "application" role: the keys are the widget's own, and a live region reads it out.
 */

/** A point in data coordinates. */
export interface DataPoint {
  x: number;
  y: number;
}

/** The box the crosshair lives in: [min, max] along each axis, data units. */
export interface DataBox {
  x: [number, number];
  y: [number, number];
}

/** Arrow step as a share of the box side: plain arrows, and arrows with Shift. */
export const CROSSHAIR_STEP = 1 / 40;
export const CROSSHAIR_BIG_STEP = 1 / 8;

/** Unit moves per arrow key; up is +y (the plot's y axis points up). */
const ARROWS: Readonly<Record<string, [number, number]>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, 1],
  ArrowDown: [0, -1],
};

/** The centre of the box. */
export function boxCentre(box: DataBox): DataPoint {
  return { x: (box.x[0] + box.x[1]) / 2, y: (box.y[0] + box.y[1]) / 2 };
}

/** `point` moved to the nearest point inside the box (each coordinate clamped to its range). */
export function clampToBox(point: DataPoint, box: DataBox): DataPoint {
  return {
    x: Math.min(box.x[1], Math.max(box.x[0], point.x)),
    y: Math.min(box.y[1], Math.max(box.y[0], point.y)),
  };
}

/**
 * Where a key moves the crosshair from `here` (the centre when it is hidden): an arrow steps by
 * CROSSHAIR_STEP of the box side (CROSSHAIR_BIG_STEP with Shift), Home centres it; the result is
 * clamped to the box. Null for any other key.
 *
 * @param key KeyboardEvent.key
 * @param shift whether Shift is held
 * @param here the crosshair now, or null when hidden
 * @param box the data box
 */
export function crosshairKey(
  key: string,
  shift: boolean,
  here: DataPoint | null,
  box: DataBox,
): DataPoint | null {
  if (key === 'Home') return boxCentre(box);
  const unit = ARROWS[key];
  if (!unit) return null;
  const share = shift ? CROSSHAIR_BIG_STEP : CROSSHAIR_STEP;
  const from = here ?? boxCentre(box);
  return clampToBox(
    {
      x: from.x + unit[0] * (box.x[1] - box.x[0]) * share,
      y: from.y + unit[1] * (box.y[1] - box.y[0]) * share,
    },
    box,
  );
}
