/**
 * Small exact geometry for CPU picking in the scene frame (east, north, up metres): ray vs vertical
 * prism (extruded footprint), point in polygon (even-odd rule), distance from a point to a segment.
 */

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
 * Even-odd test of (east, north) against the ring stored in `coords` (flat [e, n, ...]) from
 * vertex `start` to `end` − 1 (not closed).
 */
export function pointInRing(
  coords: ArrayLike<number>,
  start: number,
  end: number,
  east: number,
  north: number,
): boolean {
  let inside = false;
  for (let i = start, j = end - 1; i < end; j = i++) {
    const ei = coords[2 * i]!;
    const ni = coords[2 * i + 1]!;
    const ej = coords[2 * j]!;
    const nj = coords[2 * j + 1]!;
    if (ni > north !== nj > north && east < ((ej - ei) * (north - ni)) / (nj - ni) + ei) inside = !inside;
  }
  return inside;
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
      if (pointInRing(coords, start, end, e, n)) best = t;
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
