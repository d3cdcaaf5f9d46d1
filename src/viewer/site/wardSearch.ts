/**
 * Search of the public site: wards (data/wards.geojson, WGS84 polygons), then streets and places
 * (data/places.json, src/scenario/sitePlaces.ts).
 */
import type { SitePlace } from '../../scenario/sitePlaces.ts';

/** What the search reads of the wards file. */
export interface Wards {
  features: Array<{
    properties: { name: string };
    geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] };
  }>;
}

/** A ward found: its name and bounding box [west, south, east, north], degrees. */
export interface WardMatch {
  name: string;
  bounds: [number, number, number, number];
}

/** Lower case without diacritics (Thảo Điền → thao dien), so typed Vietnamese matches plain names. */
export function searchKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().trim();
}

/** The first ward whose name starts with the query (else contains it), ignoring case and diacritics. */
export function findWard(wards: Wards, query: string): WardMatch | undefined {
  const key = searchKey(query);
  if (!key) return undefined;
  const names = wards.features.map((f) => searchKey(f.properties.name));
  let index = names.findIndex((name) => name.startsWith(key));
  if (index < 0) index = names.findIndex((name) => name.includes(key));
  if (index < 0) return undefined;
  const feature = wards.features[index]!;
  const points =
    feature.geometry.type === 'Polygon'
      ? (feature.geometry.coordinates as number[][][]).flat()
      : (feature.geometry.coordinates as number[][][][]).flat(2);
  const lons = points.map((p) => p[0]!);
  const lats = points.map((p) => p[1]!);
  return {
    name: feature.properties.name,
    bounds: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)],
  };
}

/**
 * A ward whose name matches the query (see {@link findWard}), else the first street or place whose
 * name starts with it, else one that contains it (case and diacritics ignored).
 */
export function findPlace(wards: Wards, places: readonly SitePlace[], query: string): WardMatch | undefined {
  const ward = findWard(wards, query);
  if (ward) return ward;
  const key = searchKey(query);
  if (!key) return undefined;
  const keys = places.map((p) => searchKey(p.name));
  let index = keys.findIndex((name) => name.startsWith(key));
  if (index < 0) index = keys.findIndex((name) => name.includes(key));
  const place = places[index];
  return place && { name: place.name, bounds: place.bounds };
}
