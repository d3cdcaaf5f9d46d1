import { InputError } from '../../../core/errors.ts';
import type { CityFiles } from '../../../data/dataset/cityFiles.ts';
import type { DikeEdit, PondEdit, Scenario } from '../../../scenario/scenario.ts';
import type { LanduseStageResult } from '../../../scenario/stageResults.ts';
import type { FloodModelInput } from '../floodInput.ts';
import { lossRateFromImperviousness } from '../floodLosses.ts';
import { applyDike, applyPond } from './cityEdits.ts';
import { type CityFloodEvent, scenarioEvent } from './cityEvent.ts';
import { type CityGrid, cityGrid, prepareWater } from './cityGrid.ts';

/** Cell sizes the city model offers, m (whole multiples of the 20 m terrain). */
export const CITY_CELL_SIZES = [20, 40, 80] as const;

/**
 * Infiltration capacity of the pervious share of a cell, mm/h: a saturated clay-loam value (the
 * 1–10 mm/h clay to 10–30 mm/h loam range of floodLosses.ts; assumption for the Thủ Đức alluvium).
 */
export const INFILTRATION_MM_PER_HOUR = 10;
/**
 * Storm-drain capacity everywhere, mm/h (assumption: HCMC drains are nominally sized for 2-year
 * storms, ≈ 40–60 mm/h, but siltation and tide-locked outfalls cut that in flood events).
 */
export const DRAINAGE_MM_PER_HOUR = 20;

/** The dataset files the flood model reads (a CityFiles, or the app's loaded dataset). */
export type CityFloodData = Pick<CityFiles, 'terrain' | 'roads' | 'buildings'>;

/** Options of {@link cityFloodModel}. */
export interface CityFloodOptions {
  /** Flood grid cell, m: 20 (the terrain), 40 or 80 (block averages). */
  cellSizeMetres: number;
  /** The land-use stage's result (its imperviousness replaces the land-cover table's). */
  upstream?: LanduseStageResult;
  /** The event to run; default: the scenario's (scenarioEvent). */
  event?: CityFloodEvent;
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
  /** Cells raised by dikes and lowered by ponds (cell indices). */
  dikeCells: number[];
  pondCells: number[];
}

/**
 * Prepares the flood engine's input for Thủ Đức from the dataset terrain and a scenario:
 * elevation, Manning n and φ-index losses (`(1 − imperviousness) × 10 + 20` mm/h) per cell;
 * outside cells are walls; tidal rivers (water joined to the outside) are held at the event's
 * tide level; inland water is taken as full (see prepareWater); dikes raise their 4-connected
 * cells to the crest; ponds lower theirs by their depth; rain falls uniformly on the grid.
 */
export function cityFloodModel(
  files: CityFloodData,
  scenario: Scenario,
  options: CityFloodOptions,
): CityFloodModel {
  if (!files.terrain) throw new InputError('the dataset has no terrain (terrain.json)', 'manifest.json');
  const grid = cityGrid(files.terrain, options.cellSizeMetres, options.upstream?.imperviousness);
  const river = prepareWater(grid);
  const dikeCells: number[] = [];
  const pondCells: number[] = [];
  for (const edit of scenario.edits) {
    if (edit.type === 'pond') pondCells.push(...applyPond(grid, edit as PondEdit));
  }
  // Dikes after ponds: a dike crossing a pond still stands to its crest.
  for (const edit of scenario.edits) {
    if (edit.type === 'dike') dikeCells.push(...applyDike(grid, river, edit as DikeEdit));
  }
  const permanentWater = Uint8Array.from(grid.water);
  for (const k of pondCells) permanentWater[k] = 1;
  for (const k of dikeCells) permanentWater[k] = 0;
  const event = options.event ?? scenarioEvent(scenario);
  const model: FloodModelInput = {
    columns: grid.columns,
    rows: grid.rows,
    cellSizeMetres: grid.cellSizeMetres,
    bedElevationMetres: grid.bedMetres,
    manningN: grid.manningN.map((n, k) => (Number.isNaN(grid.bedMetres[k]!) ? 0.03 : n)),
    lossMillimetresPerHour: lossRateFromImperviousness(
      grid.imperviousness,
      INFILTRATION_MM_PER_HOUR,
      DRAINAGE_MM_PER_HOUR,
    ),
    heldLevel: { cells: river, levelMetres: event.tideLevelMetres },
    ...(event.rainMillimetresPerHour.length > 0
      ? { rainMillimetresPerHour: event.rainMillimetresPerHour }
      : {}),
  };
  return { model, event, grid, river, permanentWater, dikeCells, pondCells };
}
