/**
 * The stages of the city's first load, marked on the page's performance timeline as
 * `city:<stage>` (User Timing marks, ms since navigation start) so that bench/renderBench.ts can
 * tell where the time to the first full city frame goes. Only the first mark of each stage is
 * kept (a second view or a remount does not move it).
 */
import type { CityWorkerStep, CityWorkerTimings } from '../../data/dataset/cityDataApi.ts';

/** A stage of the first load, in the order they normally happen (`worker-…`: in the dataset worker). */
export type CityLoadStage =
  | `worker-${CityWorkerStep}`
  /** The 3D view's WebGL context exists (canvas created, renderer made). */
  | 'context-created'
  /** The outline part (terrain, roads, boundaries, POIs) has arrived from the dataset worker, parsed. */
  | 'outline-parsed'
  /** The outline's layers are built and in the scene. */
  | 'outline-built'
  /** The first frame with the outline has been issued. */
  | 'outline-frame'
  /** The details (buildings as prism buffers, water, land use) have arrived from the dataset worker. */
  | 'details-parsed'
  /** Every layer of the city is built and in the scene. */
  | 'model-built'
  /** The first frame with every layer has been issued (`cityReady` follows at the next). */
  | 'first-frame';

/** Marks `stage` on the performance timeline, once per page: now, or at `epochMs` (ms since the epoch). */
export function markCityLoad(stage: CityLoadStage, epochMs?: number): void {
  const name = `city:${stage}`;
  if (performance.getEntriesByName(name, 'mark').length > 0) return;
  performance.mark(name, epochMs === undefined ? {} : { startTime: epochMs - performance.timeOrigin });
}

/** Marks the steps the dataset worker reports. */
export function markWorkerSteps(timings: CityWorkerTimings): void {
  for (const [step, epochMs] of Object.entries(timings))
    markCityLoad(`worker-${step as CityWorkerStep}`, epochMs);
}
