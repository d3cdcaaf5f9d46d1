/** Axis-aligned bounding box of positions. See ring.ts for the representation. */
import type { Position } from './ring.ts';

/** Bounds `[minX, minY, maxX, maxY]`; an empty list gives [+∞, +∞, −∞, −∞]. */
export type BBox = [minX: number, minY: number, maxX: number, maxY: number];

/** Bounding box of a ring (or any list of positions). */
export function bbox(positions: ReadonlyArray<Position>): BBox {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const [x, y] of positions) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}
