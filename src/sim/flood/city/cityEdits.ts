import { toUtm48n } from '../../../data/pipeline/utm.ts';
import type { DikeEdit, PondEdit } from '../../../scenario/scenario.ts';
import { toGridCoordinates } from '../floodMetrics.ts';
import type { CityGrid, FloodGridFrame } from './cityGrid.ts';
import { lineCells, polygonCells } from './rasterize.ts';

/** WGS84 [lon, lat] degrees → grid coordinates (x cells from the west, y cells from the north). */
export function wgs84ToGrid(lonLat: readonly [number, number], frame: FloodGridFrame): [number, number] {
  const [x, y] = toUtm48n(lonLat[0], lonLat[1]);
  return toGridCoordinates(x, y, frame);
}

/**
 * Raises the cells under a dike to `max(ground, crest)` and takes them out of the held river
 * (a dike across a channel closes it). The line is rasterized 4-connected (see lineCells), so a
 * closed dike ring is watertight in the engine. Returns the dike's cells.
 */
export function applyDike(grid: CityGrid, held: Uint8Array, dike: DikeEdit): number[] {
  const cells = lineCells(
    dike.coordinates.map((p) => wgs84ToGrid(p, grid)),
    grid.columns,
    grid.rows,
  );
  for (const k of cells) {
    if (Number.isNaN(grid.bedMetres[k]!)) continue;
    grid.bedMetres[k] = Math.max(grid.bedMetres[k]!, dike.crestHeightMetres);
    held[k] = 0;
  }
  return cells;
}

/**
 * Excavates a retention pond: every inside cell whose centre lies in the polygon is lowered by
 * `depthMetres` (storage = cells × cell area × depth). Returns the pond's cells.
 */
export function applyPond(grid: CityGrid, pond: PondEdit): number[] {
  const ring = pond.polygon.map((p) => wgs84ToGrid(p, grid));
  const cells = polygonCells(ring, grid.columns, grid.rows).filter((k) => !Number.isNaN(grid.bedMetres[k]!));
  for (const k of cells) grid.bedMetres[k] = grid.bedMetres[k]! - pond.depthMetres;
  return cells;
}
