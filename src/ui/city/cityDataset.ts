/**
 * Loads the default dataset from `./data/thuduc/` (Vite serves public/ at the app root; the app
 * is built with `base: './'`). One fetch per file, shared by every view; files missing from the
 * manifest leave their layer out, a file the manifest lists but the server lacks is an error
 * naming it.
 */
import { InputError } from '../../core/errors.ts';
import { readCityFiles } from '../../data/dataset/cityFiles.ts';
import type { CityData } from '../../render/city/cityModel.ts';
import { markCityLoad } from './cityLoadMarks.ts';

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

/** A loaded dataset: parsed files, the manifest and the bytes transferred. */
export interface LoadedDataset {
  manifest: DatasetManifest;
  data: CityData;
  /** Bytes of every file fetched (response bodies). */
  bytesTransferred: number;
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

async function fetchBytes(file: string): Promise<ArrayBuffer> {
  let response: Response;
  try {
    response = await fetch(`${DATASET_URL}${file}`);
  } catch (error) {
    throw new DatasetError(file, error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw new DatasetError(file, `HTTP ${response.status}`);
  const bytes = await response.arrayBuffer();
  // a dev server answers unknown paths with index.html: refuse it for data files
  if (file.endsWith('.json') || file.endsWith('.geojson')) {
    const head = new TextDecoder()
      .decode(new Uint8Array(bytes, 0, Math.min(64, bytes.byteLength)))
      .trimStart();
    if (!head.startsWith('{') && !head.startsWith('['))
      throw new DatasetError(file, 'not found (not a JSON file)');
  }
  return bytes;
}

/** Reads the dataset through the shared reader (data/dataset/cityFiles), naming a failing file. */
async function load(): Promise<LoadedDataset> {
  try {
    const { manifest, bytesRead, ...data } = await readCityFiles(async (file) => {
      try {
        return await fetchBytes(file);
      } catch (error) {
        if (error instanceof DatasetError && error.message === 'HTTP 404') return undefined;
        throw error;
      }
    });
    markCityLoad('dataset-parsed');
    return { manifest, data, bytesTransferred: bytesRead };
  } catch (error) {
    if (error instanceof InputError) throw new DatasetError(error.file ?? 'manifest.json', error.message);
    throw error;
  }
}

let pending: Promise<LoadedDataset> | undefined;

/** The dataset, fetched once per page. */
export function loadDataset(): Promise<LoadedDataset> {
  pending ??= load();
  return pending;
}
