import type { Kpis } from '../../../scenario/kpis.ts';
import { depthAt, type DepthGrid, maxDepthAlong, PASSABLE_DEPTH_METRES } from '../floodMetrics.ts';
import { FLOOR_AREA_PER_RESIDENT_M2, type CityFloodTargets } from './cityTargets.ts';

/** Depth above which a cell, a building or a home counts as flooded, m (ankle-deep water enters ground floors). */
export const FLOODED_DEPTH_METRES = 0.1;

/** The planner's flood measures of one run, and the roads to close. */
export interface CityFloodMeasures {
  /** floodedAreaKm2, buildingsFlooded, residentsAffected, roadLengthClosedKm. */
  kpis: Kpis;
  /** roads.json link ids whose polyline is deeper than 0.3 m somewhere at some time. */
  impassableLinkIds: string[];
}

/**
 * Flood KPIs from the maximum-depth grid (m, row 0 north):
 * - `floodedAreaKm2`: area of cells deeper than 0.1 m at some time, permanent water (rivers,
 *   lakes, ponds) excluded;
 * - `buildingsFlooded`: buildings whose footprint-centroid cell was deeper than 0.1 m;
 * - `residentsAffected`: flooded residential floor area / 28 m² per person;
 * - `roadLengthClosedKm`: length of road polylines deeper than 0.3 m somewhere (each street
 *   counted once, not per direction).
 */
export function cityFloodMeasures(
  maxDepthMetres: ArrayLike<number>,
  grid: { columns: number; rows: number; cellSizeMetres: number },
  permanentWater: Uint8Array,
  targets: CityFloodTargets,
): CityFloodMeasures {
  const depth: DepthGrid = { columns: grid.columns, rows: grid.rows, depthMetres: maxDepthMetres };
  let floodedCells = 0;
  for (let k = 0; k < maxDepthMetres.length; k++)
    if (!permanentWater[k] && maxDepthMetres[k]! > FLOODED_DEPTH_METRES) floodedCells++;
  let buildings = 0;
  for (const [x, y] of targets.buildingCentroids)
    if (depthAt(depth, x, y) > FLOODED_DEPTH_METRES) buildings++;
  let floorArea = 0;
  const { points, floorAreaM2 } = targets.homes;
  for (let i = 0; i < points.length; i++)
    if (depthAt(depth, points[i]![0], points[i]![1]) > FLOODED_DEPTH_METRES) floorArea += floorAreaM2[i]!;
  let closedMetres = 0;
  const impassableLinkIds: string[] = [];
  const { roads } = targets;
  for (let g = 0; g < roads.points.length; g++) {
    if (maxDepthAlong(depth, roads.points[g]!) <= PASSABLE_DEPTH_METRES) continue;
    closedMetres += roads.lengthMetres[g]!;
    impassableLinkIds.push(...roads.linkIds[g]!);
  }
  return {
    kpis: {
      floodedAreaKm2: (floodedCells * grid.cellSizeMetres * grid.cellSizeMetres) / 1e6,
      buildingsFlooded: buildings,
      residentsAffected: Math.round(floorArea / FLOOR_AREA_PER_RESIDENT_M2),
      roadLengthClosedKm: closedMetres / 1000,
    },
    impassableLinkIds,
  };
}
