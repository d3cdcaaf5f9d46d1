/**
 * Small exact geometry for CPU picking in the scene frame (east, north, up metres): ray vs vertical
 * prism (extruded footprint; the roof test is core/geometry's point in ring), distance from a
 * point to a segment.
 */
import { pointInRing } from '../../core/geometry/pointInPolygon.ts';
import { ringOfFlat } from '../../core/geometry/ring.ts';

/** A ray: origin and direction (need not be unit length), east/north/up components. */
export interface SceneRay {
  originEast: number;
  originNorth: number;
  originUp: number;
  directionEast: number;
  directionNorth: number;
  directionUp: number;
}

/**
 * Ray parameter t (≥ 0) of the first hit of `ray` on the prism over the footprint ring
 * (vertices start..end−1 of `coords`) between heights `baseUp` and `topUp`, or Infinity.
 * Tests the roof plane and every wall quad.
 */
export function rayPrism(
  ray: SceneRay,
  coords: ArrayLike<number>,
  start: number,
  end: number,
  baseUp: number,
  topUp: number,
): number {
  let best = Infinity;
  if (ray.directionUp !== 0) {
    const t = (topUp - ray.originUp) / ray.directionUp;
    if (t >= 0) {
      const e = ray.originEast + t * ray.directionEast;
      const n = ray.originNorth + t * ray.directionNorth;
      if (inBounds(coords, start, end, e, n) && pointInRing(e, n, ringOfFlat(coords, start, end))) best = t;
    }
  }
  for (let i = start, j = end - 1; i < end; j = i++) {
    const pe = coords[2 * j]!;
    const pn = coords[2 * j + 1]!;
    const qe = coords[2 * i]! - pe;
    const qn = coords[2 * i + 1]! - pn;
    // solve origin + t·d = p + s·q in the horizontal plane (Cramer's rule)
    const det = qe * ray.directionNorth - qn * ray.directionEast;
    if (det === 0) continue;
    const we = pe - ray.originEast;
    const wn = pn - ray.originNorth;
    const t = (qe * wn - qn * we) / det;
    const s = (ray.directionEast * wn - ray.directionNorth * we) / det;
    if (t < 0 || t >= best || s < 0 || s > 1) continue;
    const up = ray.originUp + t * ray.directionUp;
    if (up >= baseUp && up <= topUp) best = t;
  }
  return best;
}

/** True when (east, north) lies in the bounding box of vertices start..end−1 of `coords` (no allocation). */
function inBounds(
  coords: ArrayLike<number>,
  start: number,
  end: number,
  east: number,
  north: number,
): boolean {
  let minE = Infinity;
  let minN = Infinity;
  let maxE = -Infinity;
  let maxN = -Infinity;
  for (let i = start; i < end; i++) {
    minE = Math.min(minE, coords[2 * i]!);
    maxE = Math.max(maxE, coords[2 * i]!);
    minN = Math.min(minN, coords[2 * i + 1]!);
    maxN = Math.max(maxN, coords[2 * i + 1]!);
  }
  return east >= minE && east <= maxE && north >= minN && north <= maxN;
}

/** Squared distance (m²) from (east, north) to the segment a–b. */
export function segmentDistanceSquared(
  east: number,
  north: number,
  aEast: number,
  aNorth: number,
  bEast: number,
  bNorth: number,
): number {
  const de = bEast - aEast;
  const dn = bNorth - aNorth;
  const lengthSquared = de * de + dn * dn;
  const along = lengthSquared > 0 ? ((east - aEast) * de + (north - aNorth) * dn) / lengthSquared : 0;
  const f = Math.min(1, Math.max(0, along));
  const ex = aEast + f * de - east;
  const ey = aNorth + f * dn - north;
  return ex * ex + ey * ey;
}
