/**
 * Planar area of rings and polygons (shoelace formula), in the square of the positions' unit
 * (m² for scene metres). See ring.ts for the representation.
 */
import type { MultiPolygon, Polygon, Ring } from './ring.ts';

/**
 * Signed area of a ring: positive when counter-clockwise (x east, y north), negative when
 * clockwise, 0 for a degenerate ring. Sums `a.x·b.y − b.x·a.y` over the edges a → b from the
 * first vertex on, then halves.
 */
export function ringSignedArea(ring: Ring): number {
  let twice = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % n]!;
    twice += a[0] * b[1] - b[0] * a[1];
  }
  return twice / 2;
}

/** Area of a ring, whatever its orientation (≥ 0). */
export function ringArea(ring: Ring): number {
  return Math.abs(ringSignedArea(ring));
}

/** Area of a polygon: its exterior's area minus its holes' (rings of any orientation). */
export function polygonArea(polygon: Polygon): number {
  let area = 0;
  polygon.forEach((ring, k) => {
    const a = ringArea(ring);
    area += k === 0 ? a : -a;
  });
  return area;
}

/** Area of a multipolygon: the sum of its polygons' exteriors minus their holes. */
export function multiPolygonArea(polygons: MultiPolygon): number {
  let total = 0;
  for (const polygon of polygons) {
    polygon.forEach((ring, k) => {
      const a = ringArea(ring);
      total += k === 0 ? a : -a;
    });
  }
  return total;
}
