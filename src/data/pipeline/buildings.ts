/**
 * OSM building footprints with estimated heights, storeys and uses, as BuildingRecords (the
 * record of `buildings.json`, data/formats/buildings.ts; also the input of the 3D Tiles writer,
 * `writeTileset(buildings, outDir)`).
 */
import { toSceneMetres } from '../../core/geo.ts';
import type { LandUse } from '../../core/vocabulary.ts';
import type { BuildingRecord } from '../formats/buildings.ts';
import type { OsmTags } from '../osm/osmTypes.ts';
import { bbox } from '../../core/geometry/bbox.ts';
import { counterClockwise } from '../../core/geometry/orientation.ts';
import { pointInPolygon } from '../../core/geometry/pointInPolygon.ts';
import { areaCentroid, type Point, type Ring } from './geometry.ts';
import { osmAreas } from './osmAreas.ts';
import type { OsmData } from '../osm/osmTypes.ts';
import type { Region } from './region.ts';
import type { LandUseArea } from './landUse.ts';

/** Storey height used to convert `building:levels` to metres and back (HCMC nhà phố ≈ 3.3 m). */
export const STOREY_HEIGHT_METRES = 3.3;

/** Estimated storeys and use by OSM `building` value (assumptions, docs/data.md "Heights"). */
export const HEIGHT_BY_BUILDING_TYPE: Readonly<
  Record<string, { floors: number; use: LandUse; storeyMetres?: number }>
> = {
  apartments: { floors: 15, use: 'residential' },
  dormitory: { floors: 10, use: 'residential' },
  residential: { floors: 4, use: 'residential' },
  house: { floors: 3, use: 'residential' },
  detached: { floors: 2, use: 'residential' },
  terrace: { floors: 4, use: 'residential' },
  commercial: { floors: 5, use: 'commercial' },
  retail: { floors: 3, use: 'commercial' },
  office: { floors: 8, use: 'commercial' },
  hotel: { floors: 8, use: 'commercial' },
  industrial: { floors: 1, use: 'industrial', storeyMetres: 9 },
  warehouse: { floors: 1, use: 'industrial', storeyMetres: 9 },
  manufacture: { floors: 1, use: 'industrial', storeyMetres: 9 },
  school: { floors: 3, use: 'education' },
  university: { floors: 5, use: 'education' },
  college: { floors: 5, use: 'education' },
  hospital: { floors: 6, use: 'health' },
  church: { floors: 1, use: 'public', storeyMetres: 15 },
  temple: { floors: 1, use: 'public', storeyMetres: 8 },
  train_station: { floors: 1, use: 'transport', storeyMetres: 8 },
  roof: { floors: 1, use: 'transport', storeyMetres: 4 },
  greenhouse: { floors: 1, use: 'agriculture', storeyMetres: 4 },
};

/** Storeys of a `building=yes` by the land use around it (assumptions, docs/data.md). */
export const FLOORS_BY_LAND_USE: Readonly<Record<LandUse, number>> = {
  residential: 3,
  commercial: 5,
  industrial: 1,
  mixed: 4,
  green: 1,
  education: 3,
  health: 5,
  transport: 1,
  water: 1,
  agriculture: 1,
  public: 2,
};

/** Where a height came from. */
export type HeightSource = 'height' | 'levels' | 'type' | 'landUse';

/**
 * Height, storeys and use of an OSM building: `height` (m) first, then `building:levels` × 3.3 m,
 * then the building-type table, then the surrounding land use (industrial storeys count 9 m).
 */
export function estimateBuildingHeight(
  tags: OsmTags,
  surroundingUse: LandUse | undefined,
): { heightMetres: number; floors: number; use: LandUse; from: HeightSource } {
  const byType = HEIGHT_BY_BUILDING_TYPE[tags.building ?? ''];
  const use = byType?.use ?? surroundingUse ?? 'residential';
  const storey = byType?.storeyMetres ?? (use === 'industrial' ? 9 : STOREY_HEIGHT_METRES);
  const height = Number.parseFloat(tags.height ?? '');
  const levels = Number.parseFloat(tags['building:levels'] ?? '');
  if (Number.isFinite(height) && height > 0) {
    return { heightMetres: height, floors: Math.max(1, Math.round(height / storey)), use, from: 'height' };
  }
  if (Number.isFinite(levels) && levels > 0) {
    const floors = Math.max(1, Math.round(levels));
    return { heightMetres: floors * STOREY_HEIGHT_METRES, floors, use, from: 'levels' };
  }
  const floors = byType?.floors ?? FLOORS_BY_LAND_USE[use];
  return { heightMetres: floors * storey, floors, use, from: byType ? 'type' : 'landUse' };
}

/** Land use at a lon/lat point: the smallest mapped area containing it. */
export function landUseAt(lon: number, lat: number, areas: readonly LandUseArea[]): LandUse | undefined {
  let best: LandUse | undefined;
  let bestSpan = Number.POSITIVE_INFINITY;
  for (const a of areas) {
    for (const rings of a.polygons) {
      const [w, s, e, n] = bbox(rings[0]!);
      if (lon < w || lon > e || lat < s || lat > n) continue;
      const span = (e - w) * (n - s);
      if (span < bestSpan && pointInPolygon(lon, lat, rings)) {
        best = a.use;
        bestSpan = span;
      }
    }
  }
  return best;
}

/** Footprint of a lon/lat ring in scene metres, counter-clockwise, rounded to 0.1 m. */
export function sceneFootprint(ring: readonly Point[]): Ring {
  const scene = ring.map(([lon, lat]): Point => {
    const [e, n] = toSceneMetres(lon, lat);
    return [Math.round(e * 10) / 10, Math.round(n * 10) / 10];
  });
  const ccw = counterClockwise(scene);
  return ccw.filter((p, i) => {
    const q = ccw[(i + 1) % ccw.length]!;
    return p[0] !== q[0] || p[1] !== q[1];
  });
}

/**
 * OSM building footprints (closed ways and multipolygon relations with `building`, not `no`)
 * whose centroid lies in the region; each outer ring of a relation becomes one record
 * (`r<id>`, `r<id>-2`, ...); holes are dropped. Returns records and a count by height source.
 */
export function osmBuildings(
  osm: OsmData,
  region: Region,
  landUse: readonly LandUseArea[],
): { buildings: BuildingRecord[]; heightFrom: Record<HeightSource, number> } {
  const heightFrom: Record<HeightSource, number> = { height: 0, levels: 0, type: 0, landUse: 0 };
  const buildings: BuildingRecord[] = [];
  const { areas } = osmAreas(osm, (t) => t.building !== undefined && t.building !== 'no');
  for (const area of areas) {
    area.polygons.forEach((rings, k) => {
      const [lon, lat] = areaCentroid(rings[0]!);
      if (!region.contains(lon, lat)) return;
      const footprint = sceneFootprint(rings[0]!);
      if (footprint.length < 3) return;
      const estimate = estimateBuildingHeight(area.tags, landUseAt(lon, lat, landUse));
      heightFrom[estimate.from]++;
      buildings.push({
        id: k === 0 ? area.osmId : `${area.osmId}-${k + 1}`,
        source: 'osm',
        use: estimate.use,
        heightMetres: Math.round(estimate.heightMetres * 10) / 10,
        floors: estimate.floors,
        footprint,
      });
    });
  }
  return { buildings, heightFrom };
}
