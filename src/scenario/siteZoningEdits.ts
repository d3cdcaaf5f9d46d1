/**
 * The zoning edits of a published scenario (docs/publish.md): the areas it rezones, each with the
 * rules the planner set there, written as GeoJSON polygons the viewer paints over the land-use
 * plan in their use's colour with a bold outline.
 */
import { pointInRing } from '../core/geometry/pointInPolygon.ts';
import type { Scenario } from './scenario.ts';

/** What a reader sees of one rezoned area. */
export interface SiteZoningEditProperties {
  /** Id of the zoning edit in the scenario. */
  id: string;
  /** Zone code the area gets (e.g. "TT-MIXED"). */
  zone: string;
  /** Land-use code of the zone's rules (QCVN 01:2021 vocabulary, src/core/vocabulary.ts). */
  use: string;
  /** Maximum floor-area ratio (hệ số sử dụng đất). */
  maxFAR: number;
  /** Maximum building height, metres. */
  maxHeightMetres: number;
  /** Maximum building coverage (mật độ xây dựng), 0..1. */
  maxCoverage: number;
  /** Minimum share of each lot kept green, 0..1 (0 when the rules set none). */
  minGreenRatio: number;
}

/** Rezoned areas as GeoJSON polygons (WGS84, closed rings). */
export interface SiteZoningEdits {
  type: 'FeatureCollection';
  features: Array<{
    type: 'Feature';
    properties: SiteZoningEditProperties;
    geometry: { type: 'Polygon'; coordinates: number[][][] };
  }>;
}

/**
 * The zoning edits of `scenario` that can be drawn: one feature per edit with a polygon and rules
 * (an edit by parcel ids has no area of its own; one without rules only renames the zone).
 * Undefined when there is none, so nothing is published.
 */
export function siteZoningEditsOf(scenario: Pick<Scenario, 'edits'>): SiteZoningEdits | undefined {
  const features: SiteZoningEdits['features'] = [];
  for (const edit of scenario.edits) {
    if (edit.type !== 'zoning' || !edit.polygon || edit.polygon.length < 3 || !edit.rules) continue;
    const ring = edit.polygon.map(([lon, lat]) => [lon, lat]);
    const [first, last] = [ring[0]!, ring[ring.length - 1]!];
    if (first[0] !== last[0] || first[1] !== last[1]) ring.push([...first]);
    features.push({
      type: 'Feature',
      properties: {
        id: edit.id,
        zone: edit.zone,
        use: edit.rules.use,
        maxFAR: edit.rules.maxFAR,
        maxHeightMetres: edit.rules.maxHeight,
        maxCoverage: edit.rules.maxCoverage,
        minGreenRatio: edit.rules.minGreenRatio ?? 0,
      },
      geometry: { type: 'Polygon', coordinates: [ring] },
    });
  }
  return features.length > 0 ? { type: 'FeatureCollection', features } : undefined;
}

/** The rezoned area at a longitude/latitude (degrees): the last drawn one there, else undefined. */
export function siteZoningEditAt(
  edits: SiteZoningEdits,
  longitude: number,
  latitude: number,
): SiteZoningEditProperties | undefined {
  return edits.features.findLast((f) =>
    pointInRing(longitude, latitude, f.geometry.coordinates[0] as Array<[number, number]>),
  )?.properties;
}
