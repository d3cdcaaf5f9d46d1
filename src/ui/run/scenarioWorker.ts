import { type Remote, wrap } from 'comlink';
import type { ScenarioApi } from '../../scenario/scenarioApi.ts';
import { DATASET_URL } from '../city/cityDataset.ts';

let worker: Remote<ScenarioApi> | undefined;

/**
 * The page's one scenario worker (workers/scenario.worker.ts): every simulation the app shows
 * runs there, through the scenario pipeline. Kept alive for the page so its result cache survives
 * between runs (and a cancelled run leaves the cache as it was).
 */
export function scenarioWorker(): Remote<ScenarioApi> {
  worker ??= wrap<ScenarioApi>(
    new Worker(new URL('../../../workers/scenario.worker.ts', import.meta.url), { type: 'module' }),
  );
  return worker;
}

/** Absolute URL of the dataset folder (workers resolve URLs against their own location). */
export function datasetUrl(): string {
  return new URL(DATASET_URL, window.location.href).href;
}
