/**
 * Planner-facing measures of a flood depth grid (row-major, row 0 north). Points are in GRID
 * coordinates: `x` in cells from the west edge, `y` in cells from the NORTH edge, so cell
 * (row, col) covers x ∈ [col, col + 1), y ∈ [row, row + 1) and its centre is (col + 0.5, row + 0.5).
 */

/** A depth grid and its shape. */
export interface DepthGrid {
  columns: number;
  rows: number;
  /** Depth per cell, m. */
  depthMetres: ArrayLike<number>;
}

/** Depth (m) of roads above which a link counts as impassable (the usual 0.3 m for cars). */
export const PASSABLE_DEPTH_METRES = 0.3;

/** Area (m²) of cells deeper than `thresholdMetres`. */
export function floodedAreaSquareMetres(
  grid: DepthGrid,
  cellSizeMetres: number,
  thresholdMetres: number,
): number {
  let cells = 0;
  for (let k = 0; k < grid.depthMetres.length; k++) if (grid.depthMetres[k]! > thresholdMetres) cells++;
  return cells * cellSizeMetres * cellSizeMetres;
}

/** Depth (m) of the cell containing grid point (x, y); 0 outside the grid. */
export function depthAt(grid: DepthGrid, x: number, y: number): number {
  const col = Math.floor(x);
  const row = Math.floor(y);
  if (col < 0 || row < 0 || col >= grid.columns || row >= grid.rows) return 0;
  return grid.depthMetres[row * grid.columns + col]!;
}

/** A road link as a polyline in grid coordinates. */
export interface GridLink {
  id: string;
  points: ReadonlyArray<readonly [number, number]>;
}

/** The deepest water (m) along a polyline, sampled every quarter cell (and at every vertex). */
export function maxDepthAlong(grid: DepthGrid, points: ReadonlyArray<readonly [number, number]>): number {
  let deepest = 0;
  for (let p = 0; p < points.length; p++) {
    const [x1, y1] = points[p]!;
    deepest = Math.max(deepest, depthAt(grid, x1, y1));
    if (p === 0) continue;
    const [x0, y0] = points[p - 1]!;
    const samples = Math.ceil(Math.hypot(x1 - x0, y1 - y0) * 4);
    for (let s = 1; s < samples; s++) {
      const f = s / samples;
      deepest = Math.max(deepest, depthAt(grid, x0 + (x1 - x0) * f, y0 + (y1 - y0) * f));
    }
  }
  return deepest;
}

/**
 * Links whose deepest water exceeds `thresholdMetres` (default 0.3 m), with that depth, in input
 * order. Pass the max-depth grid for "impassable at some time in the event".
 */
export function impassableLinks(
  grid: DepthGrid,
  links: readonly GridLink[],
  thresholdMetres = PASSABLE_DEPTH_METRES,
): Array<{ id: string; maxDepthMetres: number }> {
  const out: Array<{ id: string; maxDepthMetres: number }> = [];
  for (const link of links) {
    const depth = maxDepthAlong(grid, link.points);
    if (depth > thresholdMetres) out.push({ id: link.id, maxDepthMetres: depth });
  }
  return out;
}

/** Number of buildings whose footprint centroid (grid coordinates) stands in water deeper than the threshold. */
export function floodedBuildingCount(
  grid: DepthGrid,
  centroids: ReadonlyArray<readonly [number, number]>,
  thresholdMetres: number,
): number {
  let count = 0;
  for (const [x, y] of centroids) if (depthAt(grid, x, y) > thresholdMetres) count++;
  return count;
}

/**
 * Converts a point in the grid's CRS (metres, cell-corner origin `xll`, `yll`) to grid
 * coordinates as used above.
 */
export function toGridCoordinates(
  xMetres: number,
  yMetres: number,
  grid: { rows: number; xllCornerMetres: number; yllCornerMetres: number; cellSizeMetres: number },
): [number, number] {
  return [
    (xMetres - grid.xllCornerMetres) / grid.cellSizeMetres,
    grid.rows - (yMetres - grid.yllCornerMetres) / grid.cellSizeMetres,
  ];
}
