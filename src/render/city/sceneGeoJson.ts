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
