import type { CityFiles } from '../data/dataset/cityFiles.ts';
import type { Stage } from '../scenario/pipeline.ts';
import { createFloodStage } from './flood/city/floodStage.ts';
import { createLanduseStage } from './landuse/city/landuseStage.ts';
import { createTrafficStage } from './traffic/city/trafficStage.ts';

/**
 * The scenario pipeline's simulation stages on a city dataset (land use → flood → traffic),
 * the same in the CLI (Node) and in the app's scenario worker. The flood stage runs only for
 * scenarios with a storm event: a scenario without one describes an ordinary day (no flood
 * KPIs, no flooded roads closed), so flood outcomes are compared between scenarios that
 * share an event.
 */
export function cityStages(files: CityFiles): Stage[] {
  const flood: Stage = {
    ...(createFloodStage(files) as Stage),
    appliesTo: (scenario) => scenario.edits.some((e) => e.type === 'stormEvent'),
  };
  return [createLanduseStage(files) as Stage, flood, createTrafficStage(files) as Stage];
}
