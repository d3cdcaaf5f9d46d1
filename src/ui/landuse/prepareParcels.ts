import { zoningEditor } from '../../state/zoningEditorStore.ts';
import { datasetUrl, scenarioWorker } from '../run/scenarioWorker.ts';

/** Loads the city's parcels from the scenario worker into the zoning editor (once per page). */
export async function prepareParcels(): Promise<void> {
  if (!zoningEditor.getState().startLoadingParcels()) return;
  try {
    zoningEditor.getState().parcelsLoaded(await scenarioWorker().parcelOutlines(datasetUrl()));
  } catch (error) {
    zoningEditor.getState().parcelsFailed(error instanceof Error ? error.message : String(error));
  }
}
