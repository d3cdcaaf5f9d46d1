import { ringSignedArea } from '../../core/geometry/area.ts';
import { pointToSegmentDistance } from '../../core/geometry/segments.ts';
import type { PointMetres } from './planeGeometry.ts';

/** How an exterior lot edge is treated: which setback it gets. */
export type EdgeRole = 'front' | 'rear' | 'side';

/**
 * Roles of the edges of an open exterior ring (edge i joins ring[i] and ring[i + 1]): the front
 * edge, one rear edge and side edges for the rest.
 *
 * The rear edge ("the edge opposite the front") is the edge whose outward unit normal is most
 * opposite the front edge's outward normal (smallest dot product); ties within 1e-9 go to the
 * edge whose midpoint is farthest from the front edge's midpoint, then to the lower index.
 * A rectangle's rear is the side across from its front; an L-shaped lot's rear is the far back
 * edge, and its inner step gets the side setback.
 */
export function edgeRoles(ring: readonly PointMetres[], frontEdge: number): EdgeRole[] {
  const n = ring.length;
  const orientation = Math.sign(ringSignedArea(ring));
  const normals = ring.map((a, i) => outwardNormal(a, ring[(i + 1) % n]!, orientation));
  const mids = ring.map((a, i) => midpoint(a, ring[(i + 1) % n]!));
  const front = normals[frontEdge]!;
  const frontMid = mids[frontEdge]!;
  let rear = -1;
  let bestDot = Infinity;
  let bestDistance = -Infinity;
  normals.forEach((normal, i) => {
    if (i === frontEdge) return;
    const dot = normal[0] * front[0] + normal[1] * front[1];
    const distance = Math.hypot(mids[i]![0] - frontMid[0], mids[i]![1] - frontMid[1]);
    if (dot < bestDot - 1e-9 || (dot <= bestDot + 1e-9 && distance > bestDistance)) {
      rear = i;
      bestDot = Math.min(dot, bestDot);
      bestDistance = distance;
    }
  });
  return ring.map((_, i) => (i === frontEdge ? 'front' : i === rear ? 'rear' : 'side'));
}

/**
 * The exterior edge nearest to any road polyline (distance from the edge's midpoint to the
 * nearest road segment, metres), or 0 when there are no roads. Ties go to the lower index.
 */
export function edgeNearestRoad(
  ring: readonly PointMetres[],
  roads: ReadonlyArray<readonly PointMetres[]>,
): number {
  const n = ring.length;
  let best = 0;
  let bestDistance = Infinity;
  for (let i = 0; i < n; i++) {
    const mid = midpoint(ring[i]!, ring[(i + 1) % n]!);
    for (const road of roads) {
      for (let k = 1; k < road.length; k++) {
        const d = pointToSegmentDistance(mid, road[k - 1]!, road[k]!);
        if (d < bestDistance) {
          bestDistance = d;
          best = i;
        }
      }
    }
  }
  return best;
}

function outwardNormal(a: PointMetres, b: PointMetres, orientation: number): PointMetres {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length = Math.hypot(dx, dy);
  // For a counter-clockwise ring the interior is on the left, so the outward normal is the right one.
  return [(orientation * dy) / length, (-orientation * dx) / length];
}

function midpoint(a: PointMetres, b: PointMetres): PointMetres {
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
}
