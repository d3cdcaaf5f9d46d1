/**
 * Clipping vector features to the study region (lon/lat degrees). Polygons use polygon-clipping
 * (Martinez–Rueda–Feito sweep line); a polygon wholly inside or outside is decided first with the
 * region's point test so only border-crossing features pay for the sweep.
 */
import polygonClipping from 'polygon-clipping';
import { bbox } from '../../core/geometry/bbox.ts';
import type { Point, Ring } from './geometry.ts';
import type { Region } from './region.ts';

/** Where a set of points lies relative to the region. */
function placement(points: readonly Point[], region: Region): 'inside' | 'outside' | 'border' {
  let inside = 0;
  for (const [x, y] of points) if (region.contains(x, y)) inside++;
  if (inside !== 0 && inside !== points.length) return 'border';
  const [w, s, e, n] = bbox(points);
  const boundaryVertexWithin = region.polygons.some((rings) =>
    rings.some((ring) => ring.some(([x, y]) => x >= w && x <= e && y >= s && y <= n)),
  );
  if (boundaryVertexWithin) return 'border';
  return inside === 0 ? 'outside' : 'inside';
}

/** A polygon set (rings closed or open) clipped to the region; empty when it lies outside. */
export function clipPolygons(polygons: Ring[][], region: Region): Ring[][] {
  const where = placement(polygons.flat(2), region);
  if (where === 'inside') return polygons;
  if (where === 'outside') return [];
  const closed = polygons.map((rings) => rings.map(closeRing));
  const boundary = region.polygons.map((rings) => rings.map(closeRing));
  return polygonClipping.intersection(closed, boundary) as Ring[][];
}

function closeRing(ring: Ring): Ring {
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, first];
}

/**
 * The parts of a polyline inside the region: runs of consecutive inside vertices, each extended by
 * one vertex on either side so the line reaches the boundary (a vertex-level approximation).
 */
export function clipLine(line: readonly Point[], region: Region): Point[][] {
  const inside = line.map(([x, y]) => region.contains(x, y));
  const parts: Point[][] = [];
  let start = -1;
  for (let i = 0; i <= line.length; i++) {
    if (i < line.length && inside[i]) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      const part = line.slice(Math.max(0, start - 1), Math.min(line.length, i + 1));
      if (part.length >= 2) parts.push(part);
      start = -1;
    }
  }
  return parts;
}
