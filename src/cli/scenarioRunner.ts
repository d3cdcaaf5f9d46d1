import { InputError, UsageError } from '../core/errors.ts';
import type { CityFiles } from '../data/dataset/cityFiles.ts';
import { readCityFolder } from '../data/node/readCityFolder.ts';
import {
  runScenario,
  STAGE_ORDER,
  type Stage,
  type StageId,
  type ScenarioRun,
} from '../scenario/pipeline.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { cityEditCheck } from '../scenario/cityReferences.ts';
import { parseScenario } from '../scenario/validate.ts';
import { cityStages } from '../scenario/stages/cityStages.ts';
import { nodeFloodRunner } from './flood/threadedEngine.ts';
import { inFile, readJsonFile } from './io.ts';

/** Parses `--only flood,traffic` into stage ids (usage error for unknown names). */
export function parseOnly(value: string | undefined): StageId[] | undefined {
  if (value === undefined) return undefined;
  const ids = value.split(',').map((s) => s.trim());
  for (const id of ids) {
    if (!(STAGE_ORDER as readonly string[]).includes(id)) {
      throw new UsageError(`--only expects stages from ${STAGE_ORDER.join(', ')}, got "${id}"`);
    }
  }
  return ids as StageId[];
}

/**
 * Reads and validates a scenario file, its references too against the default dataset (road
 * links, parcels, zones, geometry inside the city): every problem names the file and JSON path,
 * so a run never meets an edit it cannot apply.
 */
export async function loadScenario(file: string): Promise<Scenario> {
  const doc = await readJsonFile(file);
  const checkInCity = cityEditCheck(await readDefaultDataset());
  return inFile(file, () => parseScenario(doc, checkInCity));
}

/**
 * A rejection handler naming `file` on an InputError that names no file: a stage's input error
 * (say a new road far from every street) is about the scenario file that holds the edit.
 */
export function inScenarioFile(file: string): (error: unknown) => never {
  return (error) => {
    throw error instanceof InputError && error.file === undefined ? error.inFile(file) : error;
  };
}

let defaultDataset: Promise<CityFiles> | undefined;

/** Reads the default dataset (public/data/thuduc) once per process; errors name the dataset file. */
export function readDefaultDataset(): Promise<CityFiles> {
  defaultDataset ??= readCityFolder().catch((error: unknown) => {
    throw error instanceof InputError ? error.inFile(`public/data/thuduc/${error.file ?? ''}`) : error;
  });
  return defaultDataset;
}

/**
 * Runs scenarios on one loaded dataset with one shared result cache, so stages whose inputs
 * two scenarios share run once. Progress per stage goes to `onProgress`. `dataset` is the
 * dataset to run on when the caller reads it too (default: {@link readDefaultDataset}, read once).
 */
export function createScenarioRunner(
  onProgress: (scenarioId: string, stage: StageId, fraction: number) => void,
  dataset?: Promise<CityFiles>,
) {
  let files: Promise<CityFiles> | undefined = dataset;
  let stages: Stage[] | undefined;
  const cache = new Map<string, unknown>();
  return async (scenario: Scenario, only?: StageId[]): Promise<ScenarioRun> => {
    files ??= readDefaultDataset();
    stages ??= cityStages(await files, {}, {}, nodeFloodRunner());
    return runScenario(scenario, stages, {
      cache,
      ...(only ? { only } : {}),
      onStageProgress: (stage, fraction) => onProgress(scenario.id, stage, fraction),
    });
  };
}

export { stableKpis } from '../scenario/kpis.ts';
