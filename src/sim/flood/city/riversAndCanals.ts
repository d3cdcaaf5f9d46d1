/**
 * Rivers, canals and tide gates of the city flood grid.
 *
 * HCMC drains through canals (kênh, rạch) into the Saigon and Đồng Nai rivers; where a canal meets
 * the river, tide gates (cống ngăn triều) shut when the river stands higher than the canal, so a
 * king tide does not run up the canals into the city (HCMC flood-control plan, Decision
 * 1547/QĐ-TTg of 2008: ring dikes with tide-control sluices on the canal mouths). The grid's water
 * cells are therefore split three ways:
 * - **river**: the wide tidal channels, found by a morphological opening of the water mask (cells
 *   farther than half of {@link RIVER_MIN_WIDTH_METRES} from land, grown back by as much) plus the
 *   water cells on the city's outer edge, where the rivers form the boundary and leave the grid.
 *   River cells are held at the tide level: they are the model's open boundary.
 * - **canal**: the other water cells joined to the rivers. They keep storage above their normal
 *   level ({@link CANAL_NORMAL_LEVEL_METRES}, the pre-storm level the gates keep) and drain to the
 *   river through **tide gates**: the canal cells next to a river cell are flap cells
 *   (`FloodModelInput.flapGateCells`), so water leaves when the river is lower and never enters.
 * - **inland water** (ponds and lakes not joined to the rivers): taken as full, its bed raised to
 *   its spill level (the lowest land on its shore), so it stores nothing below its normal surface.
 */
import { type CityGrid, maskComponents } from './cityGrid.ts';

/** Channels at least this wide are rivers (held at the tide), m: the Saigon and Đồng Nai are 300–600 m wide; canals 10–120 m. */
export const RIVER_MIN_WIDTH_METRES = 150;
/** Water level canals hold before an event (gates drain them at low tide), m above MSL (assumption). */
export const CANAL_NORMAL_LEVEL_METRES = 0;

/** The water cells of the grid by role (1 = member, one byte per cell, row 0 north). */
export interface CityWaterBodies {
  river: Uint8Array;
  canal: Uint8Array;
  /** Canal cells next to a river cell: flap gates. */
  tideGates: Uint8Array;
}

/** Steps (8-neighbour) from each water cell to the nearest inside land cell; 0 on land and outside. */
function stepsFromLand(grid: CityGrid): Int32Array {
  const { columns, rows, bedMetres: bed, water } = grid;
  const steps = new Int32Array(bed.length).fill(-1);
  let frontier: number[] = [];
  for (let k = 0; k < bed.length; k++) {
    if (Number.isNaN(bed[k]!) || !water[k]) steps[k] = 0;
    if (!Number.isNaN(bed[k]!) && !water[k]) frontier.push(k);
  }
  for (let d = 1; frontier.length > 0; d++) {
    const next: number[] = [];
    for (const k of frontier) {
      forNeighbours8(k, columns, rows, (m) => {
        if (steps[m] === -1) {
          steps[m] = d;
          next.push(m);
        }
      });
    }
    frontier = next;
  }
  for (let k = 0; k < steps.length; k++) if (steps[k] === -1) steps[k] = Number.MAX_SAFE_INTEGER;
  return steps;
}

/** Calls `visit` for the 8 neighbours of cell k inside the grid. */
export function forNeighbours8(k: number, columns: number, rows: number, visit: (m: number) => void): void {
  const r = Math.floor(k / columns);
  const c = k - r * columns;
  for (let dr = -1; dr <= 1; dr++) {
    const rr = r + dr;
    if (rr < 0 || rr >= rows) continue;
    for (let dc = -1; dc <= 1; dc++) {
      const cc = c + dc;
      if ((dr === 0 && dc === 0) || cc < 0 || cc >= columns) continue;
      visit(rr * columns + cc);
    }
  }
}

/** Calls `visit` for the 4 edge neighbours of cell k inside the grid. */
export function forNeighbours4(k: number, columns: number, rows: number, visit: (m: number) => void): void {
  const r = Math.floor(k / columns);
  const c = k - r * columns;
  if (c > 0) visit(k - 1);
  if (c < columns - 1) visit(k + 1);
  if (r > 0) visit(k - columns);
  if (r < rows - 1) visit(k + columns);
}

/** Whether cell k lies on the grid edge or next to an outside (NaN) cell. */
function touchesOutside(grid: CityGrid, k: number): boolean {
  const { columns, rows, bedMetres: bed } = grid;
  const r = Math.floor(k / columns);
  const c = k - r * columns;
  if (r === 0 || c === 0 || r === rows - 1 || c === columns - 1) return true;
  let outside = false;
  forNeighbours4(k, columns, rows, (m) => {
    if (Number.isNaN(bed[m]!)) outside = true;
  });
  return outside;
}

/**
 * Splits the grid's water into river, canals and inland water (see the module comment) and
 * raises the beds of canals and inland water in place to their normal level.
 */
export function classifyWater(grid: CityGrid): CityWaterBodies {
  const { columns, rows, bedMetres: bed } = grid;
  const n = bed.length;
  const halfWidth = Math.max(1, Math.round(RIVER_MIN_WIDTH_METRES / 2 / grid.cellSizeMetres));
  const steps = stepsFromLand(grid);
  const river = new Uint8Array(n);
  let frontier: number[] = [];
  for (let k = 0; k < n; k++) {
    if (!grid.water[k] || Number.isNaN(bed[k]!)) continue;
    if (steps[k]! > halfWidth || touchesOutside(grid, k)) {
      river[k] = 1;
      frontier.push(k);
    }
  }
  for (let d = 0; d < halfWidth && frontier.length > 0; d++) {
    const next: number[] = [];
    for (const k of frontier)
      forNeighbours8(k, columns, rows, (m) => {
        if (grid.water[m] && !river[m] && !Number.isNaN(bed[m]!)) {
          river[m] = 1;
          next.push(m);
        }
      });
    frontier = next;
  }
  const canal = new Uint8Array(n);
  const tideGates = new Uint8Array(n);
  const rest = new Uint8Array(n);
  for (let k = 0; k < n; k++) rest[k] = grid.water[k]! && !river[k] && !Number.isNaN(bed[k]!) ? 1 : 0;
  for (const cells of maskComponents(rest, columns, rows).members) {
    let joined = false;
    let spill = Number.POSITIVE_INFINITY;
    for (const k of cells)
      forNeighbours4(k, columns, rows, (m) => {
        if (river[m]) joined = true;
        else if (!grid.water[m] && !Number.isNaN(bed[m]!) && bed[m]! < spill) spill = bed[m]!;
      });
    const level = joined ? Math.min(spill, CANAL_NORMAL_LEVEL_METRES) : spill;
    for (const k of cells) {
      if (Number.isFinite(level)) bed[k] = Math.max(bed[k]!, level);
      if (!joined) continue;
      canal[k] = 1;
      forNeighbours4(k, columns, rows, (m) => {
        if (river[m]) tideGates[k] = 1;
      });
    }
  }
  return { river, canal, tideGates };
}
