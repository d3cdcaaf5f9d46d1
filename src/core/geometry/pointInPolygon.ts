/**
 * Point-in-ring and point-in-polygon by the even–odd rule (ray casting, W. R. Franklin's PNPOLY).
 *
 * Boundary convention (half-open, like grid cells): a point exactly on an edge counts as inside
 * when the ring's area lies to its east or north, and outside when the area lies to its west or
 * south. For the unit square (0,0)–(1,1): (0, 0.5) and (0.5, 0) are inside, (1, 0.5) and
 * (0.5, 1) outside. So a point on the edge shared by two polygons that tile the plane belongs
 * to exactly one of them. The test does not depend on orientation or on a closing position.
 */
import type { Polygon, Ring } from './ring.ts';

/** True when (x, y) lies inside the ring (even–odd rule; boundary convention above). */
export function pointInRing(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]![0];
    const yi = ring[i]![1];
    const xj = ring[j]![0];
    const yj = ring[j]![1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * True when (x, y) lies inside the polygon: inside its exterior and outside its holes (even–odd
 * over all rings, so a hole's hole counts as inside again).
 */
export function pointInPolygon(x: number, y: number, polygon: Polygon): boolean {
  let inside = false;
  for (const ring of polygon) if (pointInRing(x, y, ring)) inside = !inside;
  return inside;
}
