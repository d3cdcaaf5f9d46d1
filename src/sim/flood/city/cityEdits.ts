import { toUtm48n } from '../../../core/utm48n.ts';
import { toGridCoordinates } from '../floodMetrics.ts';
import type { CityGrid, FloodGridFrame } from './cityGrid.ts';
import { lineCells, polygonCells } from './rasterize.ts';

/** A dike (đê bao): a WGS84 [longitude, latitude] polyline and its crest elevation, m above MSL. */
export interface Dike {
  coordinates: ReadonlyArray<readonly [number, number]>;
  crestHeightMetres: number;
}

/** A retention pond (hồ điều tiết): a WGS84 [longitude, latitude] polygon excavated `depthMetres` below ground. */
export interface Pond {
  polygon: ReadonlyArray<readonly [number, number]>;
  depthMetres: number;
}

/** River-bank cells within this distance of a dike line take its crest, m (the dike is drawn approximately). */
export const DIKE_BANK_SNAP_METRES = 250;

/** WGS84 [lon, lat] degrees → grid coordinates (x cells from the west, y cells from the north). */
export function wgs84ToGrid(lonLat: readonly [number, number], frame: FloodGridFrame): [number, number] {
  const [x, y] = toUtm48n(lonLat[0], lonLat[1]);
  return toGridCoordinates(x, y, frame);
}

/** Distance from point p to the polyline, in the points' unit. */
function distanceToLine(
  p: readonly [number, number],
  line: ReadonlyArray<readonly [number, number]>,
): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 1; i < line.length; i++) {
    const [ax, ay] = line[i - 1]!;
    const [bx, by] = line[i]!;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 > 0 ? Math.max(0, Math.min(1, ((p[0] - ax) * dx + (p[1] - ay) * dy) / len2)) : 0;
    best = Math.min(best, Math.hypot(p[0] - (ax + t * dx), p[1] - (ay + t * dy)));
  }
  if (line.length === 1) best = Math.hypot(p[0] - line[0]![0], p[1] - line[0]![1]);
  return best;
}

/**
 * A dike is a closed barrier with gates, not an open line: it raises (1) the land and river cells
 * its line passes (rasterized 4-connected, so a drawn ring is watertight; river cells under it stop
 * being held at the tide) to `max(ground, crest)`, leaving canal cells open (the canal passes the
 * dike through its tide gate), and (2) every river-bank cell within {@link DIKE_BANK_SNAP_METRES} of
 * the line, so a riverside dike drawn approximately still closes the bank it follows. Returns the
 * raised cells.
 */
export function applyDike(
  grid: CityGrid,
  held: Uint8Array,
  canal: Uint8Array,
  bankCells: readonly number[],
  dike: Dike,
): number[] {
  const line = dike.coordinates.map((p) => wgs84ToGrid(p, grid));
  const raised: number[] = [];
  const seen = new Set<number>();
  const raise = (k: number) => {
    if (Number.isNaN(grid.bedMetres[k]!) || canal[k] || seen.has(k)) return;
    seen.add(k);
    grid.bedMetres[k] = Math.max(grid.bedMetres[k]!, dike.crestHeightMetres);
    held[k] = 0;
    raised.push(k);
  };
  for (const k of lineCells(line, grid.columns, grid.rows)) raise(k);
  const snapCells = DIKE_BANK_SNAP_METRES / grid.cellSizeMetres;
  for (const k of bankCells) {
    const r = Math.floor(k / grid.columns);
    const c = k - r * grid.columns;
    if (distanceToLine([c + 0.5, r + 0.5], line) <= snapCells) raise(k);
  }
  return raised;
}

/**
 * Excavates a retention pond: every inside cell whose centre lies in the polygon is lowered by
 * `depthMetres` (storage = cells × cell area × depth). Returns the pond's cells.
 */
export function applyPond(grid: CityGrid, pond: Pond): number[] {
  const ring = pond.polygon.map((p) => wgs84ToGrid(p, grid));
  const cells = polygonCells(ring, grid.columns, grid.rows).filter((k) => !Number.isNaN(grid.bedMetres[k]!));
  for (const k of cells) grid.bedMetres[k] = grid.bedMetres[k]! - pond.depthMetres;
  return cells;
}
