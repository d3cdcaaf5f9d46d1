/**
 * Rasterizing scenario geometry onto a grid, in GRID coordinates: x in cells from the west edge,
 * y in cells from the NORTH edge (cell (row, col) covers x ∈ [col, col+1), y ∈ [row, row+1)).
 */
import { bbox } from '../../../core/geometry/bbox.ts';
import { pointInRing } from '../../../core/geometry/pointInPolygon.ts';
import type { Ring } from '../../../core/geometry/ring.ts';

/**
 * The cells a polyline passes through, **4-connected**: consecutive cells always share an edge,
 * never only a corner, so a wall drawn along the line has no diagonal gap for water to leak
 * through (the engine exchanges water across edges only). Cells are walked with the Amanatides &
 * Woo (1987) voxel traversal, which visits every cell the segment touches in order; when the
 * segment passes exactly through a cell corner, the cell beside the corner (x step first) is added. Returns unique
 * cell indices (row * columns + col) inside the grid, in walking order.
 */
export function lineCells(
  points: ReadonlyArray<readonly [number, number]>,
  columns: number,
  rows: number,
): number[] {
  const out: number[] = [];
  const seen = new Set<number>();
  const add = (col: number, row: number) => {
    if (col < 0 || row < 0 || col >= columns || row >= rows) return;
    const k = row * columns + col;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(k);
    }
  };
  for (let p = 0; p < points.length; p++) {
    const [x1, y1] = points[p]!;
    if (p === 0) {
      add(Math.floor(x1), Math.floor(y1));
      continue;
    }
    const [x0, y0] = points[p - 1]!;
    let col = Math.floor(x0);
    let row = Math.floor(y0);
    const endCol = Math.floor(x1);
    const endRow = Math.floor(y1);
    const dx = x1 - x0;
    const dy = y1 - y0;
    const stepX = dx > 0 ? 1 : -1;
    const stepY = dy > 0 ? 1 : -1;
    const tDeltaX = dx !== 0 ? Math.abs(1 / dx) : Number.POSITIVE_INFINITY;
    const tDeltaY = dy !== 0 ? Math.abs(1 / dy) : Number.POSITIVE_INFINITY;
    let tMaxX = dx !== 0 ? (dx > 0 ? col + 1 - x0 : x0 - col) * tDeltaX : Number.POSITIVE_INFINITY;
    let tMaxY = dy !== 0 ? (dy > 0 ? row + 1 - y0 : y0 - row) * tDeltaY : Number.POSITIVE_INFINITY;
    add(col, row);
    const limit = Math.abs(endCol - col) + Math.abs(endRow - row);
    for (let i = 0; i < limit; i++) {
      if (tMaxX < tMaxY) {
        col += stepX;
        tMaxX += tDeltaX;
      } else if (tMaxY < tMaxX) {
        row += stepY;
        tMaxY += tDeltaY;
      } else {
        // Exactly through a corner: step x first so the path stays edge-connected.
        col += stepX;
        tMaxX += tDeltaX;
        add(col, row);
        row += stepY;
        tMaxY += tDeltaY;
        i++;
      }
      add(col, row);
    }
  }
  return out;
}

/** Cells whose centre lies inside the polygon ring (grid coordinates, even–odd rule), as cell indices. */
export function polygonCells(ring: Ring, columns: number, rows: number): number[] {
  const [minX, minY, maxX, maxY] = bbox(ring);
  const out: number[] = [];
  for (let row = Math.max(0, Math.floor(minY)); row <= Math.min(rows - 1, Math.floor(maxY)); row++)
    for (let col = Math.max(0, Math.floor(minX)); col <= Math.min(columns - 1, Math.floor(maxX)); col++)
      if (pointInRing(col + 0.5, row + 0.5, ring)) out.push(row * columns + col);
  return out;
}
