/**
 * Plane geometry in local metres for lots and envelopes. Rings are open (the first position is
 * not repeated at the end).
 */

/** A position in local metres [east, north]. */
export type PointMetres = [number, number];

/** Signed area (m²) of an open ring by the shoelace formula: positive when counter-clockwise. */
export function signedRingArea(ring: readonly PointMetres[]): number {
  let twice = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % n]!;
    twice += a[0] * b[1] - b[0] * a[1];
  }
  return twice / 2;
}

/**
 * Area (m²) of a multipolygon whose polygons are [exterior, ...holes] (closed or open rings,
 * any orientation): exterior areas minus hole areas.
 */
export function multiPolygonArea(polygons: ReadonlyArray<ReadonlyArray<readonly PointMetres[]>>): number {
  let total = 0;
  for (const polygon of polygons) {
    polygon.forEach((ring, k) => {
      const a = Math.abs(signedRingArea(ring));
      total += k === 0 ? a : -a;
    });
  }
  return total;
}

/** Distance (m) from point p to the segment a–b. */
export function distanceToSegment(p: PointMetres, a: PointMetres, b: PointMetres): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSquared = dx * dx + dy * dy;
  const t =
    lengthSquared === 0
      ? 0
      : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / lengthSquared));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** True when the closed segments p1–p2 and q1–q2 share at least one point. */
export function segmentsIntersect(
  p1: PointMetres,
  p2: PointMetres,
  q1: PointMetres,
  q2: PointMetres,
): boolean {
  const d1 = cross(q1, q2, p1);
  const d2 = cross(q1, q2, p2);
  const d3 = cross(p1, p2, q1);
  const d4 = cross(p1, p2, q2);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return (
    (d1 === 0 && onSegment(q1, q2, p1)) ||
    (d2 === 0 && onSegment(q1, q2, p2)) ||
    (d3 === 0 && onSegment(p1, p2, q1)) ||
    (d4 === 0 && onSegment(p1, p2, q2))
  );
}

/**
 * The first pair of non-adjacent edges [i, j] of an open ring that touch or cross, or undefined
 * when the ring is simple. Edge i joins ring[i] to ring[i + 1]. O(n²), fine for lot rings.
 */
export function findSelfIntersection(ring: readonly PointMetres[]): [number, number] | undefined {
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      if (segmentsIntersect(ring[i]!, ring[(i + 1) % n]!, ring[j]!, ring[(j + 1) % n]!)) return [i, j];
    }
  }
  return undefined;
}

function cross(a: PointMetres, b: PointMetres, p: PointMetres): number {
  return (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
}

function onSegment(a: PointMetres, b: PointMetres, p: PointMetres): boolean {
  return (
    Math.min(a[0], b[0]) <= p[0] &&
    p[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= p[1] &&
    p[1] <= Math.max(a[1], b[1])
  );
}
