import { InputError } from '../../core/errors.ts';
import { parseJsonText } from '../../core/json.ts';
import type { Feature } from '../pipeline/geojson.ts';
import type { BuildingsDocument } from '../formats/buildings.ts';
import type { RoadsDocument } from '../formats/roads.ts';
import type { TerrainFiles, TerrainMeta } from '../formats/terrain.ts';

/** A GeoJSON FeatureCollection as the pipeline writes it (WGS84). */
export interface GeoJsonCollection {
  type: 'FeatureCollection';
  features: Feature[];
}

/** Properties of one ward of `wards.geojson` (format `twin-wards/1`). */
export interface CensusWardProperties {
  /** GSO ward code, e.g. "27106". */
  code: string;
  /** Name as in the source (unaccented). */
  name: string;
  /** District before Thủ Đức City was formed (2021): "District 2", "District 9", "Thu Duc". */
  oldDistrict: string;
  /** Census populations (null where the build had no census table). */
  population2009: number | null;
  population2019: number;
}

/** `wards.geojson`: census wards of 2019 with their populations (GSO) and polygons (WGS84). */
export interface CensusWardsCollection {
  type: 'FeatureCollection';
  format: string;
  attribution: string;
  features: Array<Feature & { properties: CensusWardProperties }>;
}

/** The dataset files written by `twin data build`, parsed; absent files leave their member out. */
export interface CityFiles {
  manifest: { format: string; name: string; files: ReadonlyArray<{ path: string; bytes: number }> };
  terrain?: TerrainFiles;
  roads?: RoadsDocument;
  buildings?: BuildingsDocument;
  landUse?: GeoJsonCollection;
  water?: GeoJsonCollection;
  pois?: GeoJsonCollection;
  admin?: GeoJsonCollection;
  /** Census wards (absent in datasets built before the census layer or without `--census`). */
  wards?: CensusWardsCollection;
  /** Bytes read, all files together. */
  bytesRead: number;
}

/** Reads one file of the dataset folder; undefined when it does not exist. */
export type ReadDatasetFile = (path: string) => Promise<ArrayBuffer | undefined>;

function parseJson<T>(file: string, bytes: ArrayBuffer): T {
  return parseJsonText(new TextDecoder().decode(bytes), file) as T;
}

/**
 * Reads the dataset through `read` (fetch in the browser, fs in Node): the manifest first,
 * then every file it lists. A listed file that cannot be read is an InputError naming it.
 */
export async function readCityFiles(read: ReadDatasetFile): Promise<CityFiles> {
  const manifestBytes = await read('manifest.json');
  if (!manifestBytes)
    throw new InputError('dataset manifest not found (run `twin data build`)', 'manifest.json');
  const manifest = parseJson<CityFiles['manifest']>('manifest.json', manifestBytes);
  if (manifest.format !== 'twin-dataset/1' || !Array.isArray(manifest.files)) {
    throw new InputError(
      [{ path: 'format', message: 'expected "twin-dataset/1" with a files list' }],
      'manifest.json',
    );
  }
  const listed = new Set(manifest.files.map((f) => f.path));
  let bytesRead = manifestBytes.byteLength;
  const get = async (file: string): Promise<ArrayBuffer | undefined> => {
    if (!listed.has(file)) return undefined;
    const bytes = await read(file);
    if (!bytes) throw new InputError('listed in the manifest but missing', file);
    bytesRead += bytes.byteLength;
    return bytes;
  };
  const json = async <T>(file: string): Promise<T | undefined> => {
    const bytes = await get(file);
    return bytes ? parseJson<T>(file, bytes) : undefined;
  };
  const [meta, elevation, landCover, roads, buildings, landUse, water, pois, admin, wards] =
    await Promise.all([
      json<TerrainMeta>('terrain.json'),
      get('terrain.i16'),
      get('landcover.u8'),
      json<RoadsDocument>('roads.json'),
      json<BuildingsDocument>('buildings.json'),
      json<GeoJsonCollection>('landuse.geojson'),
      json<GeoJsonCollection>('water.geojson'),
      json<GeoJsonCollection>('pois.geojson'),
      json<GeoJsonCollection>('admin.geojson'),
      json<CensusWardsCollection>('wards.geojson'),
    ]);
  return {
    manifest,
    ...(meta && elevation && landCover ? { terrain: { meta, elevation, landCover } } : {}),
    ...(roads ? { roads } : {}),
    ...(buildings ? { buildings } : {}),
    ...(landUse ? { landUse } : {}),
    ...(water ? { water } : {}),
    ...(pois ? { pois } : {}),
    ...(admin ? { admin } : {}),
    ...(wards ? { wards } : {}),
    bytesRead,
  };
}
