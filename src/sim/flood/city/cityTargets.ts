import { fromSceneMetres } from '../../../core/geo.ts';
import { ringArea } from '../../../core/geometry/area.ts';
import { decodeBuildings } from '../../../data/formats/buildings.ts';
import { toUtm48n } from '../../../core/utm48n.ts';
import { LAND_USES, type LandUse } from '../../../core/vocabulary.ts';
import type { FloorSpace } from '../../floorSpace.ts';
import { toGridCoordinates } from '../floodMetrics.ts';
import type { CityFloodData } from './cityFloodModel.ts';
import type { FloodGridFrame } from './cityGrid.ts';

/** Floor area per resident, m² (HCMC average housing floor space per person, ≈ 28 m² in 2019–2020). */
export const FLOOR_AREA_PER_RESIDENT_M2 = 28;
/** Uses whose floor space houses residents (shophouses have homes above the shop). */
export const RESIDENTIAL_USES: readonly LandUse[] = ['residential', 'mixed'];

/** What the flood KPIs are measured on, in grid coordinates of one flood grid. */
export interface CityFloodTargets {
  /** One entry per road polyline (both directions of a street share it). */
  roads: {
    points: Array<Array<[number, number]>>;
    lengthMetres: Float64Array;
    /** roads.json link ids drawn on each polyline. */
    linkIds: string[][];
  };
  /** Building footprint centroids (vertex means), grid coordinates. */
  buildingCentroids: Array<[number, number]>;
  /** Points where people live (buildings or the land-use stage's floor space) and how many, persons. */
  homes: { points: Array<[number, number]>; residents: Float64Array };
}

/** Scene metres (core/geo frame) → grid coordinates of `frame` (via WGS84 and UTM 48N). */
export function sceneToGrid(east: number, north: number, frame: FloodGridFrame): [number, number] {
  const [lon, lat] = fromSceneMetres(east, north);
  const [x, y] = toUtm48n(lon, lat);
  return toGridCoordinates(x, y, frame);
}

/**
 * Roads, buildings and homes of the dataset in the grid's coordinates. Homes come from the land-use
 * model's floor space when given (its census-calibrated residents, or residential and mixed GFA /
 * 28 m² per person without them), else from the dataset buildings (footprint area × storeys of
 * residential and mixed buildings / 28 m² per person).
 */
export function cityFloodTargets(
  files: CityFloodData,
  frame: FloodGridFrame,
  floorSpace?: FloorSpace,
): CityFloodTargets {
  const targets: CityFloodTargets = {
    roads: { points: [], lengthMetres: new Float64Array(0), linkIds: [] },
    buildingCentroids: [],
    homes: { points: [], residents: new Float64Array(0) },
  };
  if (files.roads) {
    const { geometries, links } = files.roads;
    const polylines = geometries.offsets.length - 1;
    targets.roads.lengthMetres = new Float64Array(polylines);
    for (let g = 0; g < polylines; g++) {
      const points: Array<[number, number]> = [];
      for (let v = geometries.offsets[g]!; v < geometries.offsets[g + 1]!; v++)
        points.push(sceneToGrid(geometries.coordinates[2 * v]!, geometries.coordinates[2 * v + 1]!, frame));
      targets.roads.points.push(points);
      targets.roads.linkIds.push([]);
    }
    for (let i = 0; i < links.ids.length; i++) {
      const g = links.geometry[i]!;
      targets.roads.linkIds[g]?.push(links.ids[i]!);
      targets.roads.lengthMetres[g] = links.lengthMetres[i]!;
    }
  }
  const homePoints: Array<[number, number]> = [];
  const homeResidents: number[] = [];
  if (files.buildings) {
    for (const b of decodeBuildings(files.buildings)) {
      let east = 0;
      let north = 0;
      for (const [e, n] of b.footprint) {
        east += e;
        north += n;
      }
      const centroid = sceneToGrid(east / b.footprint.length, north / b.footprint.length, frame);
      targets.buildingCentroids.push(centroid);
      if (!floorSpace && RESIDENTIAL_USES.includes(b.use)) {
        homePoints.push(centroid);
        homeResidents.push((ringArea(b.footprint) * b.floors) / FLOOR_AREA_PER_RESIDENT_M2);
      }
    }
  }
  if (floorSpace) {
    const fs = floorSpace;
    const residential = new Set(RESIDENTIAL_USES.map((u) => LAND_USES.indexOf(u)));
    for (let i = 0; i < fs.grossFloorAreaM2.length; i++) {
      const residents = fs.residents
        ? fs.residents[i]!
        : residential.has(fs.use[i]!)
          ? fs.grossFloorAreaM2[i]! / FLOOR_AREA_PER_RESIDENT_M2
          : 0;
      if (!(residents > 0)) continue;
      homePoints.push(sceneToGrid(fs.eastMetres[i]!, fs.northMetres[i]!, frame));
      homeResidents.push(residents);
    }
  }
  targets.homes = { points: homePoints, residents: Float64Array.from(homeResidents) };
  return targets;
}
