/** Ward (admin_level 8) polygons from OSM boundary relations, clipped to the region. */
import type { OsmData } from '../osm/osmTypes.ts';
import { clipPolygons } from './clip.ts';
import { type Feature, polygonFeature } from './geojson.ts';
import { relationPolygons } from './osmAreas.ts';
import type { Region } from './region.ts';

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
