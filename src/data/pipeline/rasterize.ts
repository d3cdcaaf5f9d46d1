/**
 * Scanline rasterization on row-major grids. Geometry is given in grid units: x = column
 * coordinate, y = row coordinate (cell (c, r) covers [c, c+1) × [r, r+1); its centre is
 * (c + 0.5, r + 0.5)). A cell is painted when its centre is inside (even-odd over all rings).
 */
import type { Point } from './geometry.ts';

/** A writable grid of `cols × rows` values, row-major. */
export interface RasterTarget {
  values: { [index: number]: number; length: number };
  cols: number;
  rows: number;
}

/** Paints `value` into every cell whose centre lies inside the polygon (rings in grid units). */
export function fillPolygon(target: RasterTarget, rings: readonly (readonly Point[])[], value: number): void {
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const ring of rings) {
    for (const [, y] of ring) {
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  const r0 = Math.max(0, Math.floor(minY - 0.5));
  const r1 = Math.min(target.rows - 1, Math.ceil(maxY - 0.5));
  const crossings: number[] = [];
  for (let r = r0; r <= r1; r++) {
    const y = r + 0.5;
    crossings.length = 0;
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const yi = ring[i]![1];
        const yj = ring[j]![1];
        if (yi > y !== yj > y)
          crossings.push(ring[i]![0] + ((y - yi) * (ring[j]![0] - ring[i]![0])) / (yj - yi));
      }
    }
    crossings.sort((a, b) => a - b);
    for (let k = 0; k + 1 < crossings.length; k += 2) {
      const c0 = Math.max(0, Math.ceil(crossings[k]! - 0.5));
      const c1 = Math.min(target.cols - 1, Math.ceil(crossings[k + 1]! - 0.5) - 1);
      for (let c = c0; c <= c1; c++) target.values[r * target.cols + c] = value;
    }
  }
}

/** Paints cells whose centre is within `halfWidth` (grid units) of the polyline. */
export function paintLine(
  target: RasterTarget,
  line: readonly Point[],
  halfWidth: number,
  value: number,
): void {
  const reach = Math.ceil(halfWidth);
  const h2 = halfWidth * halfWidth;
  for (let k = 1; k < line.length; k++) {
    const [ax, ay] = line[k - 1]!;
    const [bx, by] = line[k]!;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const c0 = Math.max(0, Math.floor(Math.min(ax, bx)) - reach);
    const c1 = Math.min(target.cols - 1, Math.floor(Math.max(ax, bx)) + reach);
    const r0 = Math.max(0, Math.floor(Math.min(ay, by)) - reach);
    const r1 = Math.min(target.rows - 1, Math.floor(Math.max(ay, by)) + reach);
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const px = c + 0.5 - ax;
        const py = r + 0.5 - ay;
        let t = len2 === 0 ? 0 : (px * dx + py * dy) / len2;
        t = Math.min(1, Math.max(0, t));
        const ex = px - t * dx;
        const ey = py - t * dy;
        if (ex * ex + ey * ey <= h2) target.values[r * target.cols + c] = value;
      }
    }
  }
}
