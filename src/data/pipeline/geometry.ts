/**
 * Geometry the pipeline needs beyond core/geometry: ellipsoidal and spherical edge lengths,
 * ring overlap and segment-to-ring distance (synthetic buildings), and the lon/lat centroid the
 * committed dataset was built with. Points are `[x, y]` pairs (scene metres or degrees, as the
 * caller documents): core/geometry's ring representation, in the mutable arrays the pipeline
 * builds.
 */
import { bbox } from '../../core/geometry/bbox.ts';
import { pointInRing } from '../../core/geometry/pointInPolygon.ts';
import { pointToSegmentDistance, segmentsIntersect } from '../../core/geometry/segments.ts';

/** A point `[x, y]` (a core/geometry Position the pipeline may write to). */
export type Point = [number, number];
/** A ring of points, open or closed (core/geometry's Ring, mutable). */
export type Ring = Point[];

const EARTH_MEAN_RADIUS_METRES = 6_371_008.8;
const WGS84_A = 6_378_137;
const WGS84_E2 = 0.006_694_379_990_14;
const DEG = Math.PI / 180;

/**
 * Ellipsoidal distance in metres between two nearby lon/lat points in degrees (WGS84 meridional
 * and prime-vertical radii of curvature at the mean latitude; error < 1 mm per km for the short
 * OSM edges it is used on, unlike the 0.3–0.5 % of a spherical formula at this latitude).
 */
export function geodesicMetres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const phi = ((lat1 + lat2) / 2) * DEG;
  const s = Math.sin(phi);
  const w = 1 - WGS84_E2 * s * s;
  const primeVertical = WGS84_A / Math.sqrt(w);
  const meridional = (WGS84_A * (1 - WGS84_E2)) / (w * Math.sqrt(w));
  const north = (lat2 - lat1) * DEG * meridional;
  const east = (lon2 - lon1) * DEG * primeVertical * Math.cos(phi);
  return Math.sqrt(north * north + east * east);
}

/**
 * Great-circle distance in metres between two lon/lat points in degrees (haversine formula,
 * spherical Earth of mean radius 6,371,008.8 m; < 0.5 % error against the ellipsoid).
 */
export function haversineMetres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * DEG;
  const dLon = (lon2 - lon1) * DEG;
  const s = Math.sin(dLat / 2);
  const t = Math.sin(dLon / 2);
  const a = s * s + Math.cos(lat1 * DEG) * Math.cos(lat2 * DEG) * t * t;
  return 2 * EARTH_MEAN_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** True when two simple polygons (single rings) overlap: an edge crossing or one inside the other. */
export function ringsOverlap(a: readonly Point[], b: readonly Point[]): boolean {
  for (let i = 0, j = a.length - 1; i < a.length; j = i++) {
    for (let k = 0, l = b.length - 1; k < b.length; l = k++) {
      if (segmentsIntersect(a[j]!, a[i]!, b[l]!, b[k]!)) return true;
    }
  }
  return pointInRing(a[0]![0], a[0]![1], b) || pointInRing(b[0]![0], b[0]![1], a);
}

/** Smallest distance between segment ab and a ring's area (0 when they touch or ab is inside). */
export function segmentRingDistance(a: Point, b: Point, ring: readonly Point[]): number {
  if (pointInRing(a[0], a[1], ring)) return 0;
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const c = ring[j]!;
    const d = ring[i]!;
    if (segmentsIntersect(a, b, c, d)) return 0;
    best = Math.min(
      best,
      pointToSegmentDistance(a, c, d),
      pointToSegmentDistance(b, c, d),
      pointToSegmentDistance(c, a, b),
      pointToSegmentDistance(d, a, b),
    );
  }
  return best;
}

/**
 * Area-weighted centroid of a lon/lat ring (falls back to the bounds centre for degenerate rings),
 * as the committed dataset was built with it (POIs of areas, the point that places an OSM
 * building in the region and its land use).
 *
 * Kept apart from core/geometry's ringCentroid on purpose, to rebuild the dataset byte for byte:
 * its cross products of absolute degrees (≈ 106.8 × 10.8) cancel catastrophically for small rings
 * (a 20 m building's 2·area is ≈ 3e-8 deg², its rounding error ≈ 1e-13 per term), so the result
 * can lie metres to kilometres off the ring. Replace it with ringCentroid of the ring translated
 * to its first vertex (or in scene metres) together with a dataset rebuild.
 */
export function areaCentroid(ring: readonly Point[]): Point {
  let twice = 0; // trapezoid form of the shoelace sum
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    twice += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  const area = twice / 2;
  if (Math.abs(area) < 1e-18) {
    const [w, s, e, n] = bbox(ring);
    return [(w + e) / 2, (s + n) / 2];
  }
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
    cx += (ring[j]![0] + ring[i]![0]) * f;
    cy += (ring[j]![1] + ring[i]![1]) * f;
  }
  return [cx / (6 * area), cy / (6 * area)];
}
