/**
 * Loads the default dataset from `./data/thuduc/` (Vite serves public/ at the app root; the app
 * is built with `base: './'`). One fetch per file, shared by every view; files missing from the
 * manifest leave their layer out, a file the manifest lists but the server lacks is an error
 * naming it.
 */
import type { BuildingsDocument } from '../../data/pipeline/buildingsFormat.ts';
import type { RoadsDocument } from '../../data/pipeline/roadsFormat.ts';
import type { CityData } from '../../render/city/cityModel.ts';
import type { FeatureCollection } from '../../render/city/sceneGeoJson.ts';
import type { TerrainMeta } from '../../render/city/terrainGrid.ts';

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

function parseJson<T>(file: string, bytes: ArrayBuffer): T {
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as T;
  } catch (error) {
    throw new DatasetError(file, `invalid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function load(): Promise<LoadedDataset> {
  const manifestBytes = await fetchBytes('manifest.json');
  const manifest = parseJson<DatasetManifest>('manifest.json', manifestBytes);
  if (manifest.format !== 'twin-dataset/1' || !Array.isArray(manifest.files)) {
    throw new DatasetError('manifest.json', 'expected format "twin-dataset/1" with a files list');
  }
  const listed = new Set(manifest.files.map((f) => f.path));
  let bytesTransferred = manifestBytes.byteLength;
  const get = async (file: string): Promise<ArrayBuffer | undefined> => {
    if (!listed.has(file)) return undefined;
    const bytes = await fetchBytes(file);
    bytesTransferred += bytes.byteLength;
    return bytes;
  };
  const json = async <T>(file: string): Promise<T | undefined> => {
    const bytes = await get(file);
    return bytes ? parseJson<T>(file, bytes) : undefined;
  };
  const [terrainMeta, elevation, landCover, roads, buildings, landUse, water, pois, admin] =
    await Promise.all([
      json<TerrainMeta>('terrain.json'),
      get('terrain.i16'),
      get('landcover.u8'),
      json<RoadsDocument>('roads.json'),
      json<BuildingsDocument>('buildings.json'),
      json<FeatureCollection>('landuse.geojson'),
      json<FeatureCollection>('water.geojson'),
      json<FeatureCollection>('pois.geojson'),
      json<FeatureCollection>('admin.geojson'),
    ]);
  const data: CityData = {
    ...(terrainMeta && elevation && landCover
      ? { terrain: { meta: terrainMeta, elevation, landCover } }
      : {}),
    ...(roads ? { roads } : {}),
    ...(buildings ? { buildings } : {}),
    ...(landUse ? { landUse } : {}),
    ...(water ? { water } : {}),
    ...(pois ? { pois } : {}),
    ...(admin ? { admin } : {}),
  };
  return { manifest, data, bytesTransferred };
}

let pending: Promise<LoadedDataset> | undefined;

/** The dataset, fetched once per page. */
export function loadDataset(): Promise<LoadedDataset> {
  pending ??= load();
  return pending;
}
