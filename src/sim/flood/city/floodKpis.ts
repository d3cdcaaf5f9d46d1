import { depthAt, type DepthGrid, maxDepthAlong, PASSABLE_DEPTH_METRES } from '../floodMetrics.ts';
import type { CityFloodTargets } from './cityTargets.ts';

/** Depth at which a cell, a building or a home counts as flooded, m (ankle-deep water enters ground floors). */
export const FLOODED_DEPTH_METRES = 0.1;

/** The planner's flood measures of one run, and the roads to close. */
export interface CityFloodMeasures {
  /** The stage's KPIs (local names; reported as `flood.<name>`, definitions in scenario/kpis.ts). */
  kpis: Record<string, number>;
  /** roads.json link ids whose street reached the closing depth somewhere at some time of the event. */
  impassableLinkIds: string[];
  /** roads.json link ids whose street reached the closing depth within the assigned hour. */
  closedInHourLinkIds: string[];
}

/**
 * Flood KPIs from the maximum-depth grid of the event and of the assigned hour (m, row 0 north);
 * permanent water (rivers, canals, lakes, ponds) is not land, and streets crossing it (bridges)
 * or homes next to it read only the land cells:
 * - `landAreaKm2`: land of the flood grid inside the city;
 * - `floodedAreaKm2` / `floodedAreaOver30cmKm2`: land whose maximum depth reached ≥ 0.10 m / ≥ 0.30 m;
 * - `roadLengthClosedKm`: street centreline length (each street once, not per direction) whose
 *   depth reached ≥ 0.30 m (PASSABLE_DEPTH_METRES: motorbikes stall in deeper water) at any time;
 * - `residentsAffected`: residents of homes whose ground reached ≥ 0.10 m;
 * - `buildingsFlooded`: buildings whose footprint-centroid cell reached ≥ 0.10 m.
 */
export function cityFloodMeasures(
  maxDepthMetres: ArrayLike<number>,
  hourMaxDepthMetres: ArrayLike<number>,
  grid: { columns: number; rows: number; cellSizeMetres: number; bedMetres: ArrayLike<number> },
  permanentWater: Uint8Array,
  targets: CityFloodTargets,
): CityFloodMeasures {
  // Streets, buildings and homes stand on land: water cells (canals under bridges, ponds) are not read.
  const onLand = (values: ArrayLike<number>) =>
    Float64Array.from({ length: values.length }, (_, k) => (permanentWater[k] ? 0 : values[k]!));
  const depth: DepthGrid = { columns: grid.columns, rows: grid.rows, depthMetres: onLand(maxDepthMetres) };
  const hourDepth: DepthGrid = {
    columns: grid.columns,
    rows: grid.rows,
    depthMetres: onLand(hourMaxDepthMetres),
  };
  let landCells = 0;
  let floodedCells = 0;
  let deepCells = 0;
  for (let k = 0; k < maxDepthMetres.length; k++) {
    if (permanentWater[k] || Number.isNaN(grid.bedMetres[k]!)) continue;
    landCells++;
    if (maxDepthMetres[k]! >= FLOODED_DEPTH_METRES) floodedCells++;
    if (maxDepthMetres[k]! >= PASSABLE_DEPTH_METRES) deepCells++;
  }
  let buildings = 0;
  for (const [x, y] of targets.buildingCentroids)
    if (depthAt(depth, x, y) >= FLOODED_DEPTH_METRES) buildings++;
  let residents = 0;
  const { points, residents: people } = targets.homes;
  for (let i = 0; i < points.length; i++)
    if (depthAt(depth, points[i]![0], points[i]![1]) >= FLOODED_DEPTH_METRES) residents += people[i]!;
  let closedMetres = 0;
  const impassableLinkIds: string[] = [];
  const closedInHourLinkIds: string[] = [];
  const { roads } = targets;
  for (let g = 0; g < roads.points.length; g++) {
    if (maxDepthAlong(depth, roads.points[g]!) < PASSABLE_DEPTH_METRES) continue;
    closedMetres += roads.lengthMetres[g]!;
    impassableLinkIds.push(...roads.linkIds[g]!);
    if (maxDepthAlong(hourDepth, roads.points[g]!) >= PASSABLE_DEPTH_METRES)
      closedInHourLinkIds.push(...roads.linkIds[g]!);
  }
  const km2 = (cells: number) => (cells * grid.cellSizeMetres * grid.cellSizeMetres) / 1e6;
  return {
    kpis: {
      landAreaKm2: km2(landCells),
      floodedAreaKm2: km2(floodedCells),
      floodedAreaOver30cmKm2: km2(deepCells),
      roadLengthClosedKm: closedMetres / 1000,
      residentsAffected: Math.round(residents),
      buildingsFlooded: buildings,
    },
    impassableLinkIds,
    closedInHourLinkIds,
  };
}
