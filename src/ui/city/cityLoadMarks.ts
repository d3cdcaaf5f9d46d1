/**
 * The stages of the city's first load, marked on the page's performance timeline as
 * `city:<stage>` (User Timing marks, ms since navigation start) so that bench/renderBench.ts can
 * tell where the time to the first full city frame goes. Only the first mark of each stage is
 * kept (a second view or a remount does not move it).
 */

/** A stage of the first load, in the order they normally happen. */
export type CityLoadStage =
  /** The 3D view's WebGL context exists (canvas created, renderer made). */
  | 'context-created'
  /** Every dataset file has arrived and been parsed. */
  | 'dataset-parsed'
  /** The city's layers (meshes, lines) are built and added to the scene. */
  | 'model-built'
  /** The first frame with the city's layers has been issued. */
  | 'first-frame';

/** Marks `stage` on the performance timeline, once per page. */
export function markCityLoad(stage: CityLoadStage): void {
  const name = `city:${stage}`;
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}
