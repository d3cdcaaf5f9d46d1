/** GeoJSON output helpers: features with coordinates rounded to 6 decimals (≈ 0.1 m). */
import type { Point, Ring } from './geometry.ts';

/** A GeoJSON feature with plain properties. */
export interface Feature {
  type: 'Feature';
  properties: Record<string, string | number | boolean | null>;
  geometry:
    | { type: 'Point'; coordinates: Point }
    | { type: 'LineString'; coordinates: Point[] }
    | { type: 'MultiLineString'; coordinates: Point[][] }
    | { type: 'Polygon'; coordinates: Ring[] }
    | { type: 'MultiPolygon'; coordinates: Ring[][] };
}

/** Rounds degrees to 6 decimals. */
export function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

function roundRing(ring: readonly Point[]): Ring {
  const out: Ring = [];
  for (const [x, y] of ring) {
    const p: Point = [round6(x), round6(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
  return out;
}

/** A Polygon or MultiPolygon feature (rings closed per RFC 7946), rounded; undefined when empty. */
export function polygonFeature(polygons: Ring[][], properties: Feature['properties']): Feature | undefined {
  const rounded = polygons
    .map((rings) => rings.map(roundRing).filter((r) => r.length >= 4))
    .filter((rings) => rings.length > 0);
  if (rounded.length === 0) return undefined;
  const geometry: Feature['geometry'] =
    rounded.length === 1
      ? { type: 'Polygon', coordinates: rounded[0]! }
      : { type: 'MultiPolygon', coordinates: rounded };
  return { type: 'Feature', properties, geometry };
}

/** A LineString or MultiLineString feature, rounded; undefined when empty. */
export function lineFeature(lines: Point[][], properties: Feature['properties']): Feature | undefined {
  const rounded = lines
    .map((l) => l.map(([x, y]): Point => [round6(x), round6(y)]))
    .filter((l) => l.length >= 2);
  if (rounded.length === 0) return undefined;
  const geometry: Feature['geometry'] =
    rounded.length === 1
      ? { type: 'LineString', coordinates: rounded[0]! }
      : { type: 'MultiLineString', coordinates: rounded };
  return { type: 'Feature', properties, geometry };
}

/** A Point feature, rounded. */
export function pointFeature(lon: number, lat: number, properties: Feature['properties']): Feature {
  return {
    type: 'Feature',
    properties,
    geometry: { type: 'Point', coordinates: [round6(lon), round6(lat)] },
  };
}

/** Serializes a FeatureCollection compactly, one feature per line (diff-friendly, deterministic). */
export function featureCollectionText(features: readonly Feature[]): string {
  return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}
