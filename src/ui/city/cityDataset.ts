/**
 * Loads the default dataset from `./data/thuduc/` (Vite serves public/ at the app root; the app
 * is built with `base: './'`) in the dataset worker (workers/cityData.worker.ts,
 * data/dataset/cityDataApi.ts): fetched, parsed and the buildings' prisms built off the main
 * thread, in two parts so the city is drawn progressively — the outline (terrain, roads,
 * boundaries, POIs) first, then the details (buildings, water, land-use parcels). One load per
 * page, shared by every view; files missing from the manifest leave their layer out, a file the
 * manifest lists but the server lacks (or a garbled one) is an error naming it.
 */
import { wrap } from 'comlink';
import type { CityDataApi, CityPartResult } from '../../data/dataset/cityDataApi.ts';
import { unpackColumns } from '../../data/dataset/packedColumns.ts';
import type { CityData } from '../../render/city/cityModel.ts';
import { markCityLoad, markWorkerSteps } from './cityLoadMarks.ts';

/** Folder of the default dataset, relative to the page. */
export const DATASET_URL = './data/thuduc/';

/** The manifest written by `twin data build` (fields read here). */
export interface DatasetManifest {
  format: string;
  name: string;
  attribution?: string;
  files: ReadonlyArray<{ path: string; bytes: number }>;
  counts?: { buildings?: { osm: number; synthetic: number } };
}

/** The second part of the dataset: buildings (prism buffers), water, land use. */
export interface LoadedDetails {
  data: Pick<CityData, 'buildings' | 'water' | 'landUse'>;
  /** Bytes of every file fetched (response bodies, both parts and the manifest). */
  bytesTransferred: number;
}

/** A loaded dataset: the outline's files parsed, the manifest, and the details to come. */
export interface LoadedDataset {
  manifest: DatasetManifest;
  /** Terrain, roads, boundaries and POIs. */
  data: Pick<CityData, 'terrain' | 'roads' | 'admin' | 'pois'>;
  /** Buildings, water and land use: they arrive after the outline (rejects with a DatasetError). */
  details: Promise<LoadedDetails>;
}

/** A load failure naming the file. */
export class DatasetError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

function partOf<Part>(result: CityPartResult<Part>): Part {
  if (!result.ok) throw new DatasetError(result.file, result.message);
  return result.part;
}

/** Starts the dataset worker and asks it for both parts at once. */
function load(): Promise<LoadedDataset> {
  const worker = new Worker(new URL('../../../workers/cityData.worker.ts', import.meta.url), {
    type: 'module',
  });
  const api = wrap<CityDataApi>(worker);
  const url = new URL(DATASET_URL, window.location.href).href;
  const failed = new Promise<never>((_, reject) =>
    worker.addEventListener('error', (event) =>
      reject(
        new DatasetError('manifest.json', `the dataset worker failed: ${event.message ?? 'not loaded'}`),
      ),
    ),
  );
  const outlineCall = Promise.race([api.outline(url), failed]);
  const detailsCall = Promise.race([api.details(url), failed]);
  // the worker's work is done once both parts have answered (or it failed)
  void Promise.allSettled([outlineCall, detailsCall]).then(() => worker.terminate());
  const details = detailsCall.then((result) => {
    const { bytesRead, timings, ...data } = partOf(result);
    markWorkerSteps(timings);
    markCityLoad('details-parsed');
    return { data, bytesTransferred: bytesRead };
  });
  // a failure of the details is reported where they are awaited (the views' status overlay)
  details.catch(() => {});
  return outlineCall.then((result) => {
    const { manifest, timings, roads, ...data } = partOf(result);
    markWorkerSteps(timings);
    markCityLoad('outline-parsed');
    return { manifest, data: { ...data, ...(roads ? { roads: unpackColumns(roads) } : {}) }, details };
  });
}

let pending: Promise<LoadedDataset> | undefined;

/** The dataset, fetched once per page (call early: the worker starts at the first call). */
export function loadDataset(): Promise<LoadedDataset> {
  pending ??= load();
  return pending;
}
