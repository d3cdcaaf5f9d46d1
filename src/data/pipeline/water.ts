/** Water layer: water areas and linear waterways (with widths), clipped for display, unclipped for terrain. */
import type { OsmData, OsmTags } from '../osm/osmTypes.ts';
import { clipLine, clipPolygons } from './clip.ts';
import { type Feature, lineFeature, polygonFeature } from './geojson.ts';
import type { Point, Ring } from './geometry.ts';
import { osmAreas } from './osmAreas.ts';
import type { Region } from './region.ts';

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
