import { transfer } from 'comlink';
import { readCityFiles } from '../data/dataset/cityFiles.ts';
import { fetchDatasetReader } from '../data/dataset/fetchReader.ts';
import { type ScenarioLayers, scenarioLayersOf } from '../scenario/differenceLayers.ts';
import type { Kpis } from '../scenario/kpis.ts';
import { runScenario, type Stage, type StageId } from '../scenario/pipeline.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { cityStages } from './cityStages.ts';

/** Progress of one stage: which, and the fraction done 0..1. */
export type StageProgress = (stage: StageId, fractionDone: number) => void;

/** What the app gets back from a scenario run. */
export interface ScenarioRunSummary {
  scenarioId: string;
  kpis: Kpis;
  stages: StageId[];
  /** Stages whose results came from the cache (unchanged inputs). */
  cached: StageId[];
  /** The run's map layers for the comparison view (copies of the cached results, transferred). */
  layers: ScenarioLayers;
}

/**
 * The scenario worker's API: loads the dataset once from `datasetUrl` (absolute URL of the
 * folder with manifest.json) and runs scenarios through the pipeline with a result cache that
 * lives as long as the worker, so an unchanged scenario never re-runs.
 */
export function createScenarioApi() {
  let stages: Promise<Stage[]> | undefined;
  const cache = new Map<string, unknown>();
  return {
    async run(
      datasetUrl: string,
      scenario: Scenario,
      onProgress: StageProgress,
      cancelBuffer?: SharedArrayBuffer,
    ): Promise<ScenarioRunSummary> {
      stages ??= readCityFiles(fetchDatasetReader(datasetUrl)).then(cityStages);
      const run = await runScenario(scenario, await stages, {
        cache,
        onStageProgress: (stage, fraction) => void onProgress(stage, fraction),
        ...(cancelBuffer ? { cancelBuffer } : {}),
      });
      const { layers, transferables } = scenarioLayersOf(run.results);
      return transfer(
        {
          scenarioId: scenario.id,
          kpis: run.kpis,
          stages: Object.keys(run.results) as StageId[],
          cached: run.cached,
          layers,
        },
        transferables,
      );
    },
  };
}

/** The typed protocol of workers/scenario.worker.ts. */
export type ScenarioApi = ReturnType<typeof createScenarioApi>;
