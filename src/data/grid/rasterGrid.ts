/**
 * A north-up raster on a projected CRS (metres), the shape shared by DEMs, Manning grids and
 * flood results. Row 0 is the NORTHERN edge (ESRI ASCII and GeoTIFF order); cell (row, col)
 * lies at `values[row * columns + col]`. Cells without data hold NaN.
 */
export interface RasterGrid {
  /** Number of columns (west → east). */
  columns: number;
  /** Number of rows (north → south). */
  rows: number;
  /** x of the grid's west edge, metres (the ESRI `xllcorner`). */
  xllCornerMetres: number;
  /** y of the grid's south edge, metres (the ESRI `yllcorner`). */
  yllCornerMetres: number;
  /** Cell width and height, metres. */
  cellSizeMetres: number;
  /** Row-major values, row 0 north; NaN where the file had NODATA. */
  values: Float64Array;
}

/** x, y (metres) of the centre of cell (row, col); row 0 is the northern row. */
export function cellCentre(grid: RasterGrid, row: number, col: number): [number, number] {
  return [
    grid.xllCornerMetres + (col + 0.5) * grid.cellSizeMetres,
    grid.yllCornerMetres + (grid.rows - row - 0.5) * grid.cellSizeMetres,
  ];
}

/**
 * The cell (row, col) containing the point (x, y) in metres, or undefined outside the grid.
 * A point on a shared edge belongs to the cell to its east / south.
 */
export function cellAt(grid: RasterGrid, xMetres: number, yMetres: number): [number, number] | undefined {
  const col = Math.floor((xMetres - grid.xllCornerMetres) / grid.cellSizeMetres);
  const rowFromSouth = Math.floor((yMetres - grid.yllCornerMetres) / grid.cellSizeMetres);
  const row = grid.rows - 1 - rowFromSouth;
  if (col < 0 || col >= grid.columns || row < 0 || row >= grid.rows) return undefined;
  return [row, col];
}

/** True when two grids have the same shape, origin and cell size (so they can be overlaid). */
export function sameGridShape(a: RasterGrid, b: RasterGrid): boolean {
  const tolerance = 1e-6 * a.cellSizeMetres;
  return (
    a.columns === b.columns &&
    a.rows === b.rows &&
    Math.abs(a.cellSizeMetres - b.cellSizeMetres) <= tolerance &&
    Math.abs(a.xllCornerMetres - b.xllCornerMetres) <= tolerance &&
    Math.abs(a.yllCornerMetres - b.yllCornerMetres) <= tolerance
  );
}
