import type { CityFiles } from '../data/dataset/cityFiles.ts';
import type { Stage } from '../scenario/pipeline.ts';
import { createFloodStage } from './flood/city/floodStage.ts';
import { createLanduseStage } from './landuse/city/landuseStage.ts';

/**
 * The scenario pipeline's simulation stages on a city dataset (land use → flood → traffic),
 * the same in the CLI (Node) and in the app's scenario worker.
 */
export function cityStages(files: CityFiles): Stage[] {
  return [createLanduseStage(files), createFloodStage(files)] as Stage[];
}
