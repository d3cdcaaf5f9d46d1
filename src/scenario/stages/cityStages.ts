import type { CityFiles } from '../../data/dataset/cityFiles.ts';
import type { FloodRunnerFactory } from '../../sim/flood/floodRun.ts';
import type { Stage } from '../pipeline.ts';
import { DEFAULT_RUN_OPTIONS, type RunOptions } from '../runOptions.ts';
import { createFloodStage } from './floodStage.ts';
import type { CityLanduseModel } from '../../sim/landuse/city/cityLanduseModel.ts';
import { createLanduseStage } from './landuseStage.ts';
import type { CityTrafficModel } from '../../sim/traffic/city/cityTrafficModel.ts';
import { createTrafficStage } from './trafficStage.ts';

/** Prepared city models shared by stage sets of different run options (else each stage prepares its own). */
export interface CityModels {
  landuse?: CityLanduseModel;
  traffic?: CityTrafficModel;
}

/**
 * The scenario pipeline's simulation stages on a city dataset (land use → flood → traffic),
 * the same in the CLI (Node) and in the app's scenario worker, for one set of run options
 * (default {@link DEFAULT_RUN_OPTIONS}: 80 m flood cells, traffic gap 1e-3). Each option that
 * changes a stage's result is part of that stage's cache inputs (the flood stage's cell size,
 * the traffic stage's relative gap), so runs with other options are cached separately. The flood
 * stage runs only for scenarios with a storm event: a scenario without one describes an ordinary
 * day (no flood KPIs, no flooded roads closed), so flood outcomes are compared between scenarios
 * that share an event. `floodRunner` builds the flood engine (the CLI and the app: WebAssembly on
 * every core; default the JavaScript kernel on one thread, same results).
 */
export function cityStages(
  files: CityFiles,
  options: Partial<RunOptions> = {},
  models: CityModels = {},
  floodRunner?: FloodRunnerFactory,
): Stage[] {
  const { floodCellSizeMetres, trafficRelativeGap } = { ...DEFAULT_RUN_OPTIONS, ...options };
  const landuse = createLanduseStage(files, models.landuse ? { model: models.landuse } : {});
  const flood: Stage<'flood'> = {
    ...createFloodStage(files, {
      cellSizeMetres: floodCellSizeMetres,
      ...(floodRunner ? { runner: floodRunner } : {}),
    }),
    appliesTo: (scenario) => scenario.edits.some((e) => e.type === 'stormEvent'),
  };
  const trafficBase = createTrafficStage(files, {
    relativeGap: trafficRelativeGap,
    ...(models.traffic ? { model: models.traffic } : {}),
  });
  const traffic: Stage<'traffic'> = {
    ...trafficBase,
    inputs: (scenario) => ({ scenario: trafficBase.inputs(scenario), relativeGap: trafficRelativeGap }),
  };
  return [landuse, flood, traffic];
}
