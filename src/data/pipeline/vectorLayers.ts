/**
 * Vector layers clipped to the boundary: land use, water (areas and linear waterways), points of
 * interest (incl. Metro Line 1 stations) and administrative areas (districts, wards).
 */
import type { LandUse } from '../../scenario/scenario.ts';
import type { OsmData, OsmTags } from '../osm/osmTypes.ts';
import { clipLine, clipPolygons } from './clip.ts';
import { type Feature, lineFeature, pointFeature, polygonFeature } from './geojson.ts';
import { boundsOf, type Point, type Ring, signedArea } from './geometry.ts';
import { LAND_USE_NAMES, landUseOfTags, landUseTag } from './landUseTags.ts';
import { osmAreas, relationPolygons } from './osmAreas.ts';
import type { Region } from './region.ts';

/** A clipped land-use area (lon/lat degrees) kept in memory for rasterizing and the synthetic filler. */
export interface LandUseArea {
  osmId: string;
  use: LandUse;
  polygons: Ring[][];
}

/** Land-use polygons: every mapped OSM area clipped to the region. */
export function extractLandUse(
  osm: OsmData,
  region: Region,
): { areas: LandUseArea[]; features: Feature[]; unmapped: Record<string, number> } {
  const unmapped: Record<string, number> = {};
  const isLandArea = (t: OsmTags) =>
    t.landuse !== undefined || t.leisure !== undefined || t.amenity !== undefined || t.natural !== undefined;
  const { areas: raw } = osmAreas(osm, (t) => isLandArea(t) && t.building === undefined);
  const areas: LandUseArea[] = [];
  const features: Feature[] = [];
  for (const a of raw) {
    const use = landUseOfTags(a.tags);
    if (use === undefined) {
      const key = a.tags.landuse !== undefined ? `landuse=${a.tags.landuse}` : 'other';
      if (a.tags.landuse !== undefined) unmapped[key] = (unmapped[key] ?? 0) + 1;
      continue;
    }
    const polygons = clipPolygons(a.polygons, region);
    if (polygons.length === 0) continue;
    const f = polygonFeature(polygons, {
      osmId: a.osmId,
      use,
      vi: LAND_USE_NAMES[use].vi,
      en: LAND_USE_NAMES[use].en,
      tag: landUseTag(a.tags) ?? '',
      name: a.tags.name ?? null,
    });
    if (!f) continue;
    areas.push({ osmId: a.osmId, use, polygons });
    features.push(f);
  }
  return { areas, features, unmapped };
}

/** Default widths of linear waterways without a `width` tag, metres (assumption, docs/data.md). */
export const WATERWAY_DEFAULT_WIDTH_METRES: Readonly<Record<string, number>> = {
  river: 60,
  canal: 15,
  stream: 5,
  drain: 3,
  ditch: 2,
};

/** A linear waterway kept for terrain burning: lon/lat polyline, width in metres, OSM kind. */
export interface Waterway {
  line: Point[];
  widthMetres: number;
  /** `river`, `canal`, `stream`, `drain` or `ditch`. */
  kind: string;
}

/** A water area for terrain burning: lon/lat polygons, unclipped, and whether it is a river/canal. */
export interface WaterArea {
  polygons: Ring[][];
  river: boolean;
}

/** Water areas (natural=water, waterway=riverbank, landuse=reservoir/basin) and linear waterways. */
export function extractWater(
  osm: OsmData,
  region: Region,
): {
  areas: Ring[][][];
  terrainAreas: WaterArea[];
  lines: Waterway[];
  features: Feature[];
  areaCount: number;
  lineCount: number;
} {
  const isWater = (t: OsmTags) =>
    t.natural === 'water' || t.waterway === 'riverbank' || t.landuse === 'reservoir' || t.landuse === 'basin';
  const features: Feature[] = [];
  const areas: Ring[][][] = [];
  const terrainAreas: WaterArea[] = [];
  for (const a of osmAreas(osm, isWater).areas) {
    const river = a.tags.water === 'river' || a.tags.water === 'canal' || a.tags.waterway === 'riverbank';
    terrainAreas.push({ polygons: a.polygons, river });
    const polygons = clipPolygons(a.polygons, region);
    const f = polygonFeature(polygons, {
      osmId: a.osmId,
      kind: 'area',
      water: a.tags.water ?? a.tags.waterway ?? a.tags.landuse ?? 'water',
      name: a.tags.name ?? null,
    });
    if (!f) continue;
    areas.push(polygons);
    features.push(f);
  }
  const areaCount = features.length;
  const lines: Waterway[] = [];
  for (const way of osm.ways) {
    const kind = way.tags.waterway;
    if (kind === undefined || WATERWAY_DEFAULT_WIDTH_METRES[kind] === undefined) continue;
    const line: Point[] = [];
    for (const ref of way.refs) {
      const i = osm.nodeIndex.get(ref);
      if (i !== undefined) line.push([osm.longitudes[i]!, osm.latitudes[i]!]);
    }
    const parts = clipLine(line, region);
    const tagged = Number.parseFloat(way.tags.width ?? '');
    const widthMetres = Number.isFinite(tagged) && tagged > 0 ? tagged : WATERWAY_DEFAULT_WIDTH_METRES[kind]!;
    const f = lineFeature(parts, {
      osmId: `w${way.id}`,
      kind: 'line',
      water: kind,
      widthMetres,
      name: way.tags.name ?? null,
    });
    lines.push({ line, widthMetres, kind });
    if (f) features.push(f);
  }
  return { areas, terrainAreas, lines, features, areaCount, lineCount: features.length - areaCount };
}

/**
 * Metro Line 1 (Bến Thành – Suối Tiên) stations in Thủ Đức, by the names OSM used in 2018 (then
 * under construction); "Suối Tiên" in 2018 OSM is the station opened in 2024 as "Đại học Quốc gia".
 */
const METRO_LINE_1: ReadonlyArray<[osmName: string, name: string]> = [
  ['Thảo Điền', 'Thảo Điền'],
  ['An Phú', 'An Phú'],
  ['Rạch Chiếc', 'Rạch Chiếc'],
  ['Phước Long', 'Phước Long'],
  ['Bình Thái', 'Bình Thái'],
  ['Thủ Đức', 'Thủ Đức'],
  ['Khu Công Nghệ Cao', 'Khu Công nghệ cao'],
  ['Suối Tiên', 'Đại học Quốc gia'],
  ['Bến Xe Suối Tiên', 'Bến xe Suối Tiên'],
];

const POI_KINDS: ReadonlyArray<[key: string, values: readonly string[], kind: string]> = [
  ['amenity', ['school', 'kindergarten'], 'school'],
  ['amenity', ['university', 'college'], 'university'],
  ['amenity', ['hospital'], 'hospital'],
  ['amenity', ['clinic', 'doctors'], 'clinic'],
  ['amenity', ['marketplace'], 'market'],
  ['leisure', ['park'], 'park'],
  ['railway', ['station', 'halt'], 'station'],
];

function poiKind(tags: OsmTags): string | undefined {
  for (const [key, values, kind] of POI_KINDS) if (values.includes(tags[key] ?? '')) return kind;
  return undefined;
}

/** Points of interest: tagged nodes, and areas at their ring-vertex centroid; clipped to the region. */
export function extractPois(osm: OsmData, region: Region): { features: Feature[]; metroStations: number } {
  const features: Feature[] = [];
  let metroStations = 0;
  const add = (osmId: string, lon: number, lat: number, tags: OsmTags) => {
    const kind = poiKind(tags);
    if (kind === undefined || !region.contains(lon, lat)) return;
    const baseName = (tags.name ?? '').replace(/\s*\(.*\)\s*$/, '');
    const metro = kind === 'station' ? METRO_LINE_1.find(([osmName]) => osmName === baseName) : undefined;
    if (metro) metroStations++;
    features.push(
      pointFeature(lon, lat, {
        osmId,
        kind: metro ? 'metro_station' : kind,
        name: metro ? metro[1] : (tags.name ?? null),
        osmName: tags.name ?? null,
        line: metro ? 'Metro Line 1' : null,
      }),
    );
  };
  for (const n of osm.taggedNodes) add(`n${n.id}`, n.longitudeDegrees, n.latitudeDegrees, n.tags);
  for (const a of osmAreas(osm, (t) => poiKind(t) !== undefined).areas) {
    const [lon, lat] = areaCentroid(a.polygons[0]![0]!);
    add(a.osmId, lon, lat, a.tags);
  }
  return { features, metroStations };
}

/** Area-weighted centroid of a ring (falls back to the bounds centre for degenerate rings). */
export function areaCentroid(ring: readonly Point[]): Point {
  const area = signedArea(ring);
  if (Math.abs(area) < 1e-18) {
    const [w, s, e, n] = boundsOf(ring);
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

/** Ward (admin_level 8) areas present in the extract, clipped to the region. */
export function extractWards(osm: OsmData, region: Region): Feature[] {
  const features: Feature[] = [];
  const wayById = new Map(osm.ways.map((w) => [w.id, w]));
  for (const relation of osm.relations) {
    if (relation.tags.boundary !== 'administrative' || relation.tags.admin_level !== '8') continue;
    const polygons = clipPolygons(relationPolygons(osm, relation, wayById), region);
    const f = polygonFeature(polygons, {
      osmId: `r${relation.id}`,
      name: relation.tags.name ?? null,
      adminLevel: 8,
    });
    if (f) features.push(f);
  }
  return features;
}
