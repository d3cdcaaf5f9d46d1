import { proxy, wrap } from 'comlink';
import type { CancelToken } from '../../core/cancel.ts';
import { TerrainGrid } from '../../render/city/terrainGrid.ts';
import type { FloodView } from '../../render/flood/waterSurface.ts';
import type { Scenario } from '../../scenario/scenario.ts';
import type { CityFloodEvent } from '../../sim/flood/city/cityEvent.ts';
import { type CityFloodData, cityFloodModel } from '../../sim/flood/city/cityFloodModel.ts';
import { type CityFloodTargets, cityFloodTargets } from '../../sim/flood/city/cityTargets.ts';
import { type CityFloodMeasures, cityFloodMeasures } from '../../sim/flood/city/floodKpis.ts';
import type { FloodApi } from '../../sim/flood/floodApi.ts';
import type { FloodVolume } from '../../sim/flood/floodVolume.ts';
import { loadDataset } from '../city/cityDataset.ts';

/** Animation frames per run (memory: frames × cells × 4 bytes; 36 × 0.89 M cells ≈ 128 MB at 20 m). */
const FRAMES_PER_RUN = 36;

/** What one flood run in the browser gives the panel. */
export interface FloodPanelResult {
  view: FloodView;
  measures: CityFloodMeasures;
  volume: FloodVolume;
  steps: number;
  /** Wall time of the worker run (model build excluded), s. */
  workerSeconds: number;
  cellSizeMetres: number;
}

const targetsByCell = new Map<number, CityFloodTargets>();
let terrainGrid: TerrainGrid | undefined;

/**
 * Runs the city flood model for `scenario` (its dikes and ponds) and `event` in a flood Web
 * Worker (`threads` row workers when the page is cross-origin isolated), then measures the KPIs on
 * the main thread. Rejects with a CancelledError (message "cancelled") when `cancel` fires.
 */
export async function runCityFlood(
  scenario: Scenario,
  event: CityFloodEvent,
  cellSizeMetres: number,
  threads: number,
  cancel: CancelToken,
  onProgress: (fractionDone: number) => void,
): Promise<FloodPanelResult> {
  const dataset = await loadDataset();
  // the app's parsed dataset: the same terrain.json / roads.json / buildings.json documents
  const data = dataset.data as unknown as CityFloodData;
  const terrain = dataset.data.terrain;
  if (!terrain) throw new Error('terrain.json: the dataset has no terrain');
  const city = cityFloodModel(data, scenario, { cellSizeMetres, event });
  const worker = new Worker(new URL('../../../workers/flood.worker.ts', import.meta.url), { type: 'module' });
  try {
    const api = wrap<FloodApi>(worker);
    const started = performance.now();
    const result = await api.run(
      {
        model: city.model,
        durationSeconds: event.durationSeconds,
        snapshotIntervalSeconds: event.durationSeconds / FRAMES_PER_RUN,
        threads,
      },
      proxy(onProgress),
      cancel.buffer,
    );
    const workerSeconds = (performance.now() - started) / 1000;
    let targets = targetsByCell.get(cellSizeMetres);
    if (!targets) {
      targets = cityFloodTargets(data, city.grid);
      targetsByCell.set(cellSizeMetres, targets);
    }
    terrainGrid ??= new TerrainGrid(terrain.meta, terrain.elevation, terrain.landCover);
    const hidden = Uint8Array.from(city.permanentWater, (w, k) =>
      w || Number.isNaN(city.grid.bedMetres[k]!) ? 1 : 0,
    );
    return {
      view: {
        grid: {
          columns: city.grid.columns,
          rows: city.grid.rows,
          cellSizeMetres,
          bedMetres: city.grid.bedMetres,
          hidden,
        },
        terrain: terrainGrid,
        frames: result.frames,
        maxDepthMetres: result.maxDepthMetres,
      },
      measures: cityFloodMeasures(result.maxDepthMetres, city.grid, city.permanentWater, targets),
      volume: result.volume,
      steps: result.steps,
      workerSeconds,
      cellSizeMetres,
    };
  } finally {
    worker.terminate();
  }
}
