/** Points of interest (schools, hospitals, markets, parks, stations; Metro Line 1 named), clipped to the region. */
import type { OsmData, OsmTags } from '../osm/osmTypes.ts';
import { type Feature, pointFeature } from './geojson.ts';
import { areaCentroid } from './geometry.ts';
import { osmAreas } from './osmAreas.ts';
import type { Region } from './region.ts';

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
