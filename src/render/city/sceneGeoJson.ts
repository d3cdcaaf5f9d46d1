/** GeoJSON (WGS84 degrees) read into the scene frame (east/north metres from core/geo's origin). */
import { toSceneMetres } from '../../core/geo.ts';
import type { Feature } from '../../data/pipeline/geojson.ts';

/** A FeatureCollection as the pipeline writes it. */
export interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}

/** One polygon: rings of flat [east, north, ...] scene metres (outer ring first, closing vertex dropped). */
export type ScenePolygon = number[][];

function sceneRing(ring: ReadonlyArray<readonly [number, number]>): number[] {
  const out: number[] = [];
  const n =
    ring.length > 1 && ring[0]![0] === ring[ring.length - 1]![0] && ring[0]![1] === ring[ring.length - 1]![1]
      ? ring.length - 1
      : ring.length;
  for (let i = 0; i < n; i++) {
    const [e, north] = toSceneMetres(ring[i]![0], ring[i]![1]);
    out.push(e, north);
  }
  return out;
}

/** The polygons of a Polygon/MultiPolygon feature in scene metres ([] for other geometries). */
export function scenePolygons(feature: Feature): ScenePolygon[] {
  const g = feature.geometry;
  if (g.type === 'Polygon') return [g.coordinates.map(sceneRing)];
  if (g.type === 'MultiPolygon') return g.coordinates.map((p) => p.map(sceneRing));
  return [];
}

/** The lines of a LineString/MultiLineString feature in scene metres ([] for other geometries). */
export function sceneLines(feature: Feature): number[][] {
  const g = feature.geometry;
  const line = (l: ReadonlyArray<readonly [number, number]>) =>
    l.flatMap(([lon, lat]) => toSceneMetres(lon, lat));
  if (g.type === 'LineString') return [line(g.coordinates)];
  if (g.type === 'MultiLineString') return g.coordinates.map(line);
  return [];
}

/** Area-weighted centroid of a ring (flat scene coordinates), metres; vertex mean for degenerate rings. */
export function ringCentroid(ring: readonly number[]): [number, number] {
  let area = 0;
  let ce = 0;
  let cn = 0;
  const n = ring.length / 2;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const f = ring[2 * j]! * ring[2 * i + 1]! - ring[2 * i]! * ring[2 * j + 1]!;
    area += f;
    ce += (ring[2 * j]! + ring[2 * i]!) * f;
    cn += (ring[2 * j + 1]! + ring[2 * i + 1]!) * f;
  }
  if (Math.abs(area) < 1e-9) {
    let e = 0;
    let north = 0;
    for (let i = 0; i < n; i++) {
      e += ring[2 * i]!;
      north += ring[2 * i + 1]!;
    }
    return [e / n, north / n];
  }
  return [ce / (3 * area), cn / (3 * area)];
}

/** Absolute area of a ring (shoelace), m². */
export function ringArea(ring: readonly number[]): number {
  let area = 0;
  const n = ring.length / 2;
  for (let i = 0, j = n - 1; i < n; j = i++)
    area += ring[2 * j]! * ring[2 * i + 1]! - ring[2 * i]! * ring[2 * j + 1]!;
  return Math.abs(area) / 2;
}
