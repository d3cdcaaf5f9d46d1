/** Land-use layer: mapped OSM areas (landuse, leisure, amenity, natural) clipped to the region. */
import type { LandUse } from '../../core/vocabulary.ts';
import type { OsmData, OsmTags } from '../osm/osmTypes.ts';
import { clipPolygons } from './clip.ts';
import { type Feature, polygonFeature } from './geojson.ts';
import type { Ring } from './geometry.ts';
import { LAND_USE_NAMES, landUseOfTags, landUseTag } from './landUseTags.ts';
import { osmAreas } from './osmAreas.ts';
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
