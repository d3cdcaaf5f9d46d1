import Flatbush from 'flatbush';
import { toSceneMetres } from '../../../core/geo.ts';
import { InputError } from '../../../core/errors.ts';
import type { CityFiles } from '../../../data/dataset/cityFiles.ts';
import { terrainGrids } from '../../../data/formats/terrain.ts';
import { decodeBuildings } from '../../../data/formats/buildings.ts';
import { LAND_USES, type LandUse } from '../../../core/vocabulary.ts';
import { type RoadGraph, type SnappedPoints, snapToNodes } from '../networkAccess.ts';
import { APARTMENT_ZONE_MIN_FLOORS, BASELINE_ZONES } from './baselineZones.ts';
import { ownZoneRules } from '../zoningRules.ts';
import {
  type CityParcel,
  type CityParcelOptions,
  type CityParcelStats,
  subdivideCityParcels,
} from './cityParcels.ts';
import { type CityWard, cityWardsFromFiles, wardLocator } from './censusResidents.ts';
import { type GrowthGrid, growthGridFromTerrain } from './growthGrid.ts';
import { ringArea } from '../../../core/geometry/area.ts';
import { bbox } from '../../../core/geometry/bbox.ts';
import { ringCentroid } from '../../../core/geometry/centroid.ts';
import { pointInPolygon } from '../../../core/geometry/pointInPolygon.ts';
import { type SceneToTerrain, sceneToTerrain, type TerrainGridFrame } from './terrainFrame.ts';

/** POI categories of the accessibility indicators and the `pois.geojson` kinds in each. */
export const ACCESS_POI_KINDS = {
  school: ['school'],
  clinic: ['hospital', 'clinic'],
  park: ['park'],
  metro: ['metro_station'],
} as const;
export type AccessCategory = keyof typeof ACCESS_POI_KINDS;

/** Existing buildings as columns (scene metres). */
export interface CityBuildings {
  count: number;
  eastMetres: Float64Array;
  northMetres: Float64Array;
  footprintSquareMetres: Float64Array;
  /** Footprint × floors, m². */
  grossFloorAreaM2: Float64Array;
  /** Index into LAND_USES. */
  use: Uint8Array;
  floors: Uint16Array;
  /** Index of the parcel holding the building's centroid, −1 if none. */
  parcel: Int32Array;
  /** Index into `wards` of the census ward holding the centroid, −1 if none. */
  ward: Int16Array;
}

/** Everything the land-use stage needs about the city, prepared once from the dataset files. */
export interface CityLanduseModel {
  parcels: CityParcel[];
  parcelIndexById: Map<string, number>;
  parcelStats: CityParcelStats;
  /** Index of the parcel containing a scene point, −1 if none. */
  parcelLocate(eastMetres: number, northMetres: number): number;
  /** Land use of a baseline zone code. */
  zoneUse(zone: string): LandUse | undefined;
  buildings: CityBuildings;
  /** Census wards of 2019 (`wards.geojson`; empty when the dataset has none). */
  wards: CityWard[];
  /** Index of the ward containing a scene point, −1 if none. */
  wardLocate(eastMetres: number, northMetres: number): number;
  /** Terrain frame and land cover (20 m, row 0 north). */
  terrain: TerrainGridFrame & {
    toScene: SceneToTerrain;
    landCover: Uint8Array;
    elevationMetres: Float64Array;
    /** Imperviousness per terrain cell from the land-cover table, 0..1. */
    baseImperviousness: Float32Array;
    /** Imperviousness of each land-cover class code, 0..1. */
    classImperviousness: Float32Array;
    classNames: string[];
  };
  growthGrid: GrowthGrid;
  roadGraph: RoadGraph;
  pois: Record<AccessCategory, { eastMetres: number[]; northMetres: number[] }>;
  /** Existing buildings and POIs snapped to the road graph (computed on first use, then kept). */
  snapped(): { buildings: SnappedPoints; pois: Partial<Record<AccessCategory, SnappedPoints>> };
  /** Seconds to prepare. */
  preparedSeconds: number;
}

/** R-tree of parcel bounds; `locate` returns the parcel containing a scene point (−1 if none). */
export function parcelLocator(parcels: readonly CityParcel[]): (east: number, north: number) => number {
  const index = new Flatbush(Math.max(1, parcels.length));
  for (const p of parcels) index.add(...bbox(p.ringsMetres[0]!));
  if (parcels.length === 0) index.add(0, 0, 0, 0);
  index.finish();
  return (east, north) => {
    for (const k of index.search(east, north, east, north)) {
      if (parcels[k] && pointInPolygon(east, north, parcels[k].ringsMetres)) return k;
    }
    return -1;
  };
}

/**
 * Prepares the city model from the dataset: parcels (see subdivideCityParcels), existing
 * buildings with their parcel, zones upgraded by what stands on them (unmapped blocks with a
 * building → R1; residential parcels with a building of ≥ 10 storeys → R2), the terrain frame,
 * the growth grid, the road graph and the POIs of the accessibility indicators.
 */
export function prepareCityLanduse(files: CityFiles, options: CityParcelOptions = {}): CityLanduseModel {
  const started = performance.now();
  const missing = (['terrain', 'roads', 'buildings', 'landUse', 'pois'] as const).filter((k) => !files[k]);
  if (missing.length > 0)
    throw new InputError(`the land-use model needs ${missing.join(', ')}`, 'manifest.json');
  const grids = terrainGrids(files.terrain!);
  const meta = files.terrain!.meta;
  const frame: TerrainGridFrame = {
    xllCornerMetres: meta.xllCornerMetres,
    yllCornerMetres: meta.yllCornerMetres,
    cellSizeMetres: meta.cellSizeMetres,
    columns: meta.columns,
    rows: meta.rows,
  };
  const toScene = sceneToTerrain(frame);
  const classNames: string[] = [];
  const baseByCode = new Float32Array(256);
  for (const c of grids.classes) {
    classNames[c.code] = c.name;
    baseByCode[c.code] = c.imperviousness;
  }
  const unmappedCodes = new Uint8Array(256);
  for (const name of ['unmapped', 'building']) {
    const code = classNames.indexOf(name);
    if (code >= 0) unmappedCodes[code] = 1;
  }
  const corners = [
    0,
    frame.columns - 1,
    (frame.rows - 1) * frame.columns,
    frame.rows * frame.columns - 1,
  ].map((cell) => toScene.cellCentre(cell));
  const roads = files.roads!;
  const { parcels, stats } = subdivideCityParcels(
    {
      landUse: files.landUse!,
      boundsMetres: [
        Math.min(...corners.map((c) => c[0])),
        Math.min(...corners.map((c) => c[1])),
        Math.max(...corners.map((c) => c[0])),
        Math.max(...corners.map((c) => c[1])),
      ],
      isUnmappedLand: (e, n) => {
        const cell = toScene.cellAt(e, n);
        return cell >= 0 && unmappedCodes[grids.landCover[cell]!] === 1;
      },
      roads: roads.geometries,
    },
    options,
  );

  const records = decodeBuildings(files.buildings!);
  const count = records.length;
  const buildings: CityBuildings = {
    count,
    eastMetres: new Float64Array(count),
    northMetres: new Float64Array(count),
    footprintSquareMetres: new Float64Array(count),
    grossFloorAreaM2: new Float64Array(count),
    use: new Uint8Array(count),
    floors: new Uint16Array(count),
    parcel: new Int32Array(count),
    ward: new Int16Array(count),
  };
  const wards = cityWardsFromFiles(files);
  const wardLocate = wardLocator(wards);
  const locate = parcelLocator(parcels);
  const hasBuilding = new Uint8Array(parcels.length);
  const maxFloors = new Uint16Array(parcels.length);
  records.forEach((b, k) => {
    const [e, n] = ringCentroid(b.footprint);
    const area = ringArea(b.footprint);
    buildings.eastMetres[k] = e;
    buildings.northMetres[k] = n;
    buildings.footprintSquareMetres[k] = area;
    buildings.grossFloorAreaM2[k] = area * b.floors;
    buildings.use[k] = Math.max(0, LAND_USES.indexOf(b.use));
    buildings.floors[k] = b.floors;
    const p = locate(e, n);
    buildings.parcel[k] = p;
    buildings.ward[k] = wardLocate(e, n);
    if (p >= 0) {
      hasBuilding[p] = 1;
      maxFloors[p] = Math.max(maxFloors[p]!, b.floors);
    }
  });
  parcels.forEach((p, k) => {
    if (p.sourceUse === 'unmapped' && hasBuilding[k]) p.zone = 'R1';
    if (p.zone === 'R1' && maxFloors[k]! >= APARTMENT_ZONE_MIN_FLOORS) p.zone = 'R2';
  });

  const cells = frame.columns * frame.rows;
  const baseImperviousness = new Float32Array(cells);
  for (let i = 0; i < cells; i++) baseImperviousness[i] = baseByCode[grids.landCover[i]!]!;
  const growthGrid = growthGridFromTerrain({
    columns: frame.columns,
    rows: frame.rows,
    cellSizeMetres: frame.cellSizeMetres,
    elevationMetres: grids.elevation.values,
    landCover: grids.landCover,
    classNames,
  });

  const nodeEast = new Float64Array(roads.nodeCount);
  const nodeNorth = new Float64Array(roads.nodeCount);
  for (let i = 0; i < roads.nodeCount; i++) {
    nodeEast[i] = roads.nodePositions[2 * i]!;
    nodeNorth[i] = roads.nodePositions[2 * i + 1]!;
  }
  const roadGraph: RoadGraph = {
    nodeCount: roads.nodeCount,
    nodeEastMetres: nodeEast,
    nodeNorthMetres: nodeNorth,
    linkFrom: roads.links.from,
    linkTo: roads.links.to,
    linkLengthMetres: roads.links.lengthMetres,
  };
  let snapCache: ReturnType<CityLanduseModel['snapped']> | undefined;
  const pois = {} as CityLanduseModel['pois'];
  for (const [category, kinds] of Object.entries(ACCESS_POI_KINDS) as Array<
    [AccessCategory, readonly string[]]
  >) {
    const east: number[] = [];
    const north: number[] = [];
    for (const f of files.pois!.features) {
      if (f.geometry.type !== 'Point' || !kinds.includes(String(f.properties.kind))) continue;
      const [e, n] = toSceneMetres(f.geometry.coordinates[0]!, f.geometry.coordinates[1]!);
      east.push(e);
      north.push(n);
    }
    pois[category] = { eastMetres: east, northMetres: north };
  }
  return {
    parcels,
    parcelIndexById: new Map(parcels.map((p, k) => [p.id, k])),
    parcelStats: stats,
    parcelLocate: locate,
    zoneUse: (zone) => ownZoneRules(BASELINE_ZONES, zone)?.use,
    buildings,
    wards,
    wardLocate,
    terrain: {
      ...frame,
      toScene,
      landCover: grids.landCover,
      elevationMetres: grids.elevation.values,
      baseImperviousness,
      classImperviousness: baseByCode,
      classNames,
    },
    growthGrid,
    roadGraph,
    pois,
    snapped: () => {
      if (!snapCache) {
        const poisSnapped: Partial<Record<AccessCategory, SnappedPoints>> = {};
        for (const [category, p] of Object.entries(pois) as Array<
          [AccessCategory, (typeof pois)[AccessCategory]]
        >) {
          if (p.eastMetres.length > 0)
            poisSnapped[category] = snapToNodes(roadGraph, p.eastMetres, p.northMetres);
        }
        snapCache = {
          buildings: snapToNodes(roadGraph, buildings.eastMetres, buildings.northMetres),
          pois: poisSnapped,
        };
      }
      return snapCache;
    },
    preparedSeconds: (performance.now() - started) / 1000,
  };
}
