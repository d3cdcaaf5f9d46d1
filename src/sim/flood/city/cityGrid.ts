import { InputError } from '../../../core/errors.ts';
import type { CityFiles } from '../../../data/dataset/cityFiles.ts';
import { type LandCoverClass, terrainGrids } from '../../../data/formats/terrain.ts';

/** Land-cover code of cells outside the city boundary (`terrain.json`). */
export const OUTSIDE_CLASS = 0;
/** Land-cover code of water (rivers, canals, lakes). */
export const WATER_CLASS = 9;
/** Land-cover code of road surface. */
export const ROAD_CLASS = 12;
/**
 * Carriageways lie this far below the plots beside them, m (kerb plus plinth: HCMC plots and
 * ground floors stand above the street, so streets are the low points of a block and carry its
 * runoff to the drains; assumption). Applied to the road cells of the 20 m terrain.
 */
export const STREET_BELOW_PLOTS_METRES = 0.25;

/** A flood grid's frame in EPSG:32648 (row 0 north), as in `FloodStageResult.grid`. */
export interface FloodGridFrame {
  xllCornerMetres: number;
  yllCornerMetres: number;
  cellSizeMetres: number;
  columns: number;
  rows: number;
}

/** The dataset terrain resampled for the flood engine. All arrays row-major, row 0 north. */
export interface CityGrid extends FloodGridFrame {
  /** Ground elevation, m above MSL; NaN outside the city (walls). */
  bedMetres: Float64Array;
  /** Manning n, s/m^(1/3) (block mean of the land-cover values). */
  manningN: Float64Array;
  /** Impervious fraction 0..1 (block mean). */
  imperviousness: Float64Array;
  /** 1 where most of the block is water (land-cover class 9). */
  water: Uint8Array;
}

/**
 * Resamples the 20 m dataset terrain to `cellSizeMetres` (a whole multiple f of the terrain cell)
 * by block averaging f × f terrain cells: a coarse cell is inside the city when at least half its
 * terrain cells are; its elevation, Manning n and imperviousness are the means over its inside
 * cells; it is water when at least half its inside cells are water. `imperviousness` (one value
 * per terrain cell, e.g. the land-use stage's) replaces the land-cover table's values.
 */
export function cityGrid(
  terrain: NonNullable<CityFiles['terrain']>,
  cellSizeMetres: number,
  imperviousness?: ArrayLike<number>,
): CityGrid {
  const { elevation, landCover, classes } = terrainGrids(terrain);
  const f = Math.round(cellSizeMetres / elevation.cellSizeMetres);
  if (!(f >= 1 && Math.abs(f * elevation.cellSizeMetres - cellSizeMetres) < 1e-9))
    throw new InputError(
      `cell size ${cellSizeMetres} m is not a whole multiple of the terrain's ${elevation.cellSizeMetres} m`,
      'terrain.json',
    );
  const fine = elevation.columns * elevation.rows;
  if (imperviousness && imperviousness.length !== fine)
    throw new InputError(`upstream imperviousness has ${imperviousness.length} values, expected ${fine}`);
  const byCode = classTable(classes);
  const columns = Math.ceil(elevation.columns / f);
  const rows = Math.ceil(elevation.rows / f);
  const n = columns * rows;
  const grid: CityGrid = {
    xllCornerMetres: elevation.xllCornerMetres,
    // Row 0 stays at the northern edge: extra southern rows extend below the terrain's corner.
    yllCornerMetres:
      elevation.yllCornerMetres + elevation.rows * elevation.cellSizeMetres - rows * cellSizeMetres,
    cellSizeMetres,
    columns,
    rows,
    bedMetres: new Float64Array(n),
    manningN: new Float64Array(n),
    imperviousness: new Float64Array(n),
    water: new Uint8Array(n),
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      let cells = 0;
      let inside = 0;
      let water = 0;
      let z = 0;
      let zLand = 0;
      let manning = 0;
      let impervious = 0;
      for (let fr = r * f; fr < Math.min((r + 1) * f, elevation.rows); fr++) {
        for (let fc = c * f; fc < Math.min((c + 1) * f, elevation.columns); fc++) {
          const k = fr * elevation.columns + fc;
          cells++;
          const code = landCover[k]!;
          if (code === OUTSIDE_CLASS) continue;
          const cls = byCode[code];
          if (!cls) throw new InputError(`landcover.u8: cell ${k} has unknown class ${code}`, 'terrain.json');
          inside++;
          if (code === WATER_CLASS) water++;
          else zLand += elevation.values[k]! - (code === ROAD_CLASS ? STREET_BELOW_PLOTS_METRES : 0);
          z += elevation.values[k]!;
          manning += cls.manningN;
          impervious += imperviousness ? imperviousness[k]! : cls.imperviousness;
        }
      }
      const k = r * columns + c;
      if (inside * 2 < f * f || inside === 0 || cells === 0) {
        grid.bedMetres[k] = Number.NaN;
        continue;
      }
      grid.water[k] = water * 2 >= inside ? 1 : 0;
      // A land block's ground is its land's (a burned canal bed in a corner is not a pit in it).
      grid.bedMetres[k] = grid.water[k] || water === inside ? z / inside : zLand / (inside - water);
      grid.manningN[k] = manning / inside;
      grid.imperviousness[k] = impervious / inside;
    }
  }
  return grid;
}

function classTable(classes: readonly LandCoverClass[]): Array<LandCoverClass | undefined> {
  const table: Array<LandCoverClass | undefined> = [];
  for (const cls of classes) table[cls.code] = cls;
  return table;
}

/**
 * Labels the 4-connected components of the cells where `mask` is 1: returns the component id per
 * cell (-1 outside the mask) and the cells of each component.
 */
export function maskComponents(
  mask: Uint8Array,
  columns: number,
  rows: number,
): { label: Int32Array; members: number[][] } {
  const label = new Int32Array(mask.length).fill(-1);
  const members: number[][] = [];
  const stack: number[] = [];
  for (let seed = 0; seed < mask.length; seed++) {
    if (!mask[seed] || label[seed]! >= 0) continue;
    const id = members.length;
    const cells: number[] = [];
    label[seed] = id;
    stack.push(seed);
    while (stack.length > 0) {
      const k = stack.pop()!;
      cells.push(k);
      const r = Math.floor(k / columns);
      const c = k - r * columns;
      const visit = (m: number) => {
        if (mask[m] && label[m]! < 0) {
          label[m] = id;
          stack.push(m);
        }
      };
      if (c > 0) visit(k - 1);
      if (c < columns - 1) visit(k + 1);
      if (r > 0) visit(k - columns);
      if (r < rows - 1) visit(k + columns);
    }
    members.push(cells);
  }
  return { label, members };
}
