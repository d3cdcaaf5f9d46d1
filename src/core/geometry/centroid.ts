/**
 * Area-weighted centroids (centres of mass of a uniform plate) of rings and polygons, in the
 * positions' frame. See ring.ts for the representation.
 */
import { ringSignedArea } from './area.ts';
import type { Polygon, Position, Ring } from './ring.ts';

/**
 * Centroid of the area a ring encloses (either orientation). A degenerate ring (zero area)
 * gives its first position ([0, 0] for an empty ring).
 */
export function ringCentroid(ring: Ring): [number, number] {
  return polygonCentroid([ring]);
}

/**
 * Centroid of a polygon's area: the exterior's minus its holes' (rings of any orientation).
 * A polygon of zero area gives the exterior's first position ([0, 0] when there is none).
 */
export function polygonCentroid(polygon: Polygon): [number, number] {
  let twiceArea = 0;
  let sumX = 0;
  let sumY = 0;
  polygon.forEach((ring, k) => {
    const sign = (k === 0 ? 1 : -1) * Math.sign(ringSignedArea(ring));
    for (let i = 0, n = ring.length; i < n; i++) {
      const a = ring[i]!;
      const b = ring[(i + 1) % n]!;
      const cross = a[0] * b[1] - b[0] * a[1];
      twiceArea += sign * cross;
      sumX += sign * (a[0] + b[0]) * cross;
      sumY += sign * (a[1] + b[1]) * cross;
    }
  });
  if (twiceArea === 0) {
    const first: Position | undefined = polygon[0]?.[0];
    return [first?.[0] ?? 0, first?.[1] ?? 0];
  }
  return [sumX / (3 * twiceArea), sumY / (3 * twiceArea)];
}
