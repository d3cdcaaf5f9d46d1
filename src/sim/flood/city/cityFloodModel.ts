import { InputError } from '../../../core/errors.ts';
import type { CityFiles } from '../../../data/dataset/cityFiles.ts';
import type { FloodModelInput } from '../floodInput.ts';
import { applyDike, applyPond, type Dike, type Pond } from './cityEdits.ts';
import type { CityFloodEvent } from './cityEvent.ts';
import { type CityGrid, cityGrid } from './cityGrid.ts';
import {
  CANAL_STORAGE_SHARE,
  type CityDrainage,
  drainCapacityMmPerHour,
  initialDrainageLossMmPerHour,
} from './drainage.ts';
import { raiseRiverBanks } from './embankments.ts';
import { classifyWater } from './riversAndCanals.ts';

/** Cell sizes the city model offers, m (whole multiples of the 20 m terrain). */
export const CITY_CELL_SIZES = [20, 40, 80] as const;

/**
 * Infiltration capacity of the pervious share of a cell, mm/h: a saturated clay-loam value (the
 * 1–10 mm/h clay to 10–30 mm/h loam range of floodLosses.ts; assumption for the Thủ Đức alluvium).
 */
export const INFILTRATION_MM_PER_HOUR = 10;

/** The dataset files the flood model reads (a CityFiles, or the app's loaded dataset). */
export type CityFloodData = Pick<CityFiles, 'terrain' | 'roads' | 'buildings'>;

/** What a plan changes in the city flood model: the event to run, dikes and retention ponds. */
export interface CityFloodInput {
  event: CityFloodEvent;
  dikes?: readonly Dike[];
  ponds?: readonly Pond[];
}

/** Options of {@link cityFloodModel}. */
export interface CityFloodOptions {
  /** Flood grid cell, m: 20 (the terrain), 40 or 80 (block averages). */
  cellSizeMetres: number;
  /**
   * Impervious fraction per cell of the dataset's terrain grid, 0..1 (the land-use model's);
   * replaces the land-cover table's values.
   */
  imperviousness?: Float32Array;
}

/** The engine input for the city and what is needed to read its result. */
export interface CityFloodModel {
  model: FloodModelInput;
  event: CityFloodEvent;
  /** The grid after edits (frame, bed, land cover). */
  grid: CityGrid;
  /** 1 for tidal river cells (held at the tide). */
  river: Uint8Array;
  /** 1 for cells that are water or scenario ponds: permanent water, left out of flood KPIs. */
  permanentWater: Uint8Array;
  /** Drain capacity and outfall control; the stage updates the engine's loss rates from it as the tide moves. */
  drainage: CityDrainage;
  /** Cells raised by dikes, lowered by ponds, and the river-bank cells (cell indices). */
  dikeCells: number[];
  pondCells: number[];
  bankCells: number[];
}

/**
 * Prepares the flood engine's input for Thủ Đức from the dataset terrain, an event, dikes and ponds — a
 * drained, embanked delta city:
 * - elevation, Manning n and imperviousness per cell (cityGrid); outside cells are walls;
 * - water split into tidal rivers (held at the event's tide: the open boundary), canals behind
 *   tide gates and inland water (riversAndCanals.ts);
 * - river banks raised to the default crest (embankments.ts);
 * - ponds lower their cells by their depth; dikes raise their line and the bank they follow to
 *   their crest (cityEdits.ts);
 * - losses: infiltration on the pervious share plus storm drains sized by their design storm,
 *   throttled as the river submerges their outfalls (drainage.ts; the stage updates them in time);
 * - rain falls uniformly on the grid.
 */
export function cityFloodModel(
  files: CityFloodData,
  input: CityFloodInput,
  options: CityFloodOptions,
): CityFloodModel {
  if (!files.terrain) throw new InputError('the dataset has no terrain (terrain.json)', 'manifest.json');
  const grid = cityGrid(files.terrain, options.cellSizeMetres, options.imperviousness);
  const water = classifyWater(grid);
  const river = water.river;
  const bankCells = raiseRiverBanks(grid, river);
  const dikeCells: number[] = [];
  const pondCells: number[] = [];
  for (const pond of input.ponds ?? []) pondCells.push(...applyPond(grid, pond));
  // Dikes after ponds: a dike crossing a pond still stands to its crest.
  for (const dike of input.dikes ?? [])
    dikeCells.push(...applyDike(grid, river, water.canal, bankCells, dike));
  const permanentWater = Uint8Array.from(grid.water);
  for (const k of pondCells) permanentWater[k] = 1;
  for (const k of dikeCells) permanentWater[k] = 0;
  const event = input.event;
  const n = grid.bedMetres.length;
  const drainage: CityDrainage = {
    capacityMmPerHour: new Float64Array(n),
    infiltrationMmPerHour: new Float64Array(n),
    groundMetres: Float64Array.from(grid.bedMetres),
    riverLevelMetres: event.tideLevelMetres,
    storageAreaM2: 0,
  };
  let landCells = 0;
  for (let k = 0; k < n; k++) {
    if (Number.isNaN(grid.bedMetres[k]!) || river[k]) continue;
    if (!permanentWater[k]) landCells++;
    const impervious = Math.min(1, Math.max(0, grid.imperviousness[k]!));
    drainage.infiltrationMmPerHour[k] = (1 - impervious) * INFILTRATION_MM_PER_HOUR;
    if (!permanentWater[k]) drainage.capacityMmPerHour[k] = drainCapacityMmPerHour(impervious);
  }
  drainage.storageAreaM2 = CANAL_STORAGE_SHARE * landCells * grid.cellSizeMetres ** 2;
  const model: FloodModelInput = {
    columns: grid.columns,
    rows: grid.rows,
    cellSizeMetres: grid.cellSizeMetres,
    bedElevationMetres: grid.bedMetres,
    manningN: grid.manningN.map((m, k) => (Number.isNaN(grid.bedMetres[k]!) ? 0.03 : m)),
    lossMillimetresPerHour: initialDrainageLossMmPerHour(drainage),
    heldLevel: { cells: river, levelMetres: event.tideLevelMetres },
    flapGateCells: water.tideGates,
    ...(event.rainMillimetresPerHour.length > 0
      ? { rainMillimetresPerHour: event.rainMillimetresPerHour }
      : {}),
  };
  return { model, event, grid, river, permanentWater, drainage, dikeCells, pondCells, bankCells };
}
