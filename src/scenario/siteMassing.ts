/**
 * The proposed massing of a published scenario (docs/publish.md): the buildings its zoning edits
 * would allow, as the workbench draws them (src/scenario/stages/landuseView.ts, one footprint per
 * envelope polygon of each rebuilt parcel), written as GeoJSON polygons the viewer extrudes on
 * the site's ground.
 */
import { fromSceneMetres } from '../core/geo.ts';
import type { CityLanduseResult } from './stages/landuseStage.ts';
import { massingFootprints } from './stages/landuseView.ts';

/** What a reader sees of one proposed building. */
export interface SiteMassingProperties {
  /** Parcel id. */
  parcel: string;
  /** Zone of the edit (its rules). */
  zone: string;
  /** Land-use code (QCVN 01:2021 vocabulary, src/core/vocabulary.ts). */
  use: string;
  floors: number;
  /** Height of the building above its ground, metres. */
  heightMetres: number;
  /** Gross floor area of the parcel's build-out, m². */
  grossFloorAreaM2: number;
  /** Gross floor area over lot area (FAR, hệ số sử dụng đất), 2 decimals. */
  floorAreaRatio: number;
}

/** Proposed buildings as GeoJSON polygons (WGS84, 6 decimals ≈ 0.1 m, closed rings). */
export interface SiteMassing {
  type: 'FeatureCollection';
  features: Array<{
    type: 'Feature';
    properties: SiteMassingProperties;
    geometry: { type: 'Polygon'; coordinates: number[][][] };
  }>;
}

/** The proposed massing of a land-use stage result (no features when no parcel is rebuilt). */
export function siteMassingOf(result: Pick<CityLanduseResult, 'proposedParcels'>): SiteMassing {
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return {
    type: 'FeatureCollection',
    features: massingFootprints(result).map(({ parcel, ring }) => {
      // after rounding, consecutive equal points (arcs of the envelope's rounded corners) are dropped
      const lonLat = ring
        .map(([east, north]) => fromSceneMetres(east, north).map(round))
        .filter((p, i, all) => i === 0 || p[0] !== all[i - 1]![0] || p[1] !== all[i - 1]![1]);
      return {
        type: 'Feature' as const,
        properties: {
          parcel: String(parcel.id),
          zone: parcel.zone,
          use: parcel.use,
          floors: parcel.floors,
          heightMetres: Math.round(parcel.height * 10) / 10,
          grossFloorAreaM2: Math.round(parcel.grossFloorArea),
          floorAreaRatio: Math.round((parcel.grossFloorArea / Math.max(1e-9, parcel.lotArea)) * 100) / 100,
        },
        geometry: { type: 'Polygon' as const, coordinates: [[...lonLat, lonLat[0]!]] },
      };
    }),
  };
}
