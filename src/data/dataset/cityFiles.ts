import { InputError } from '../../core/errors.ts';
import { parseJsonText } from '../../core/json.ts';
import type { Feature } from '../pipeline/geojson.ts';
import type { BuildingsDocument } from '../formats/buildings.ts';
import { decodeBuildingsBinary } from '../formats/buildingsBinary.ts';
import type { RoadsDocument } from '../formats/roads.ts';
import { decodeRoadsBinary } from '../formats/roadsBinary.ts';
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

/** An opened dataset: its manifest, and each listed file read once on demand. */
export interface OpenedCityFiles {
  manifest: CityFiles['manifest'];
  /** The bytes of a listed file (undefined when not listed); InputError naming a listed file that is missing. */
  bytes(file: string): Promise<ArrayBuffer | undefined>;
  /** A listed JSON file, parsed (undefined when not listed). */
  json<T>(file: string): Promise<T | undefined>;
  /** The road graph: `roads.bin` when listed (no JSON to parse), else `roads.json`. */
  roads(): Promise<RoadsDocument | undefined>;
  /** The buildings: `buildings.bin` when listed, else `buildings.json`. */
  buildings(): Promise<BuildingsDocument | undefined>;
  /** Terrain metadata, elevation and land cover (undefined unless all three are listed). */
  terrain(): Promise<TerrainFiles | undefined>;
  /** Bytes read so far, the manifest included. */
  bytesRead(): number;
}

/**
 * Opens the dataset through `read` (fetch in the browser and workers, fs in Node): reads and
 * checks the manifest; every other file is read when first asked for. A listed file that cannot
 * be read is an InputError naming it. `buildings.bin` and `roads.bin` (docs/binary-dataset.md)
 * are preferred to their JSON twins when the manifest lists them: the same documents, faster.
 */
export async function openCityFiles(read: ReadDatasetFile): Promise<OpenedCityFiles> {
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
  const pending = new Map<string, Promise<ArrayBuffer | undefined>>();
  const bytes = (file: string): Promise<ArrayBuffer | undefined> => {
    if (!listed.has(file)) return Promise.resolve(undefined);
    let got = pending.get(file);
    if (!got) {
      got = read(file).then((content) => {
        if (!content) throw new InputError('listed in the manifest but missing', file);
        bytesRead += content.byteLength;
        return content;
      });
      pending.set(file, got);
    }
    return got;
  };
  const json = async <T>(file: string): Promise<T | undefined> => {
    const content = await bytes(file);
    return content ? parseJson<T>(file, content) : undefined;
  };
  return {
    manifest,
    bytes,
    json,
    async roads() {
      if (!listed.has('roads.bin')) return json<RoadsDocument>('roads.json');
      return decodeRoadsBinary(new Uint8Array((await bytes('roads.bin'))!), 'roads.bin');
    },
    async buildings() {
      if (!listed.has('buildings.bin')) return json<BuildingsDocument>('buildings.json');
      return decodeBuildingsBinary(new Uint8Array((await bytes('buildings.bin'))!), 'buildings.bin');
    },
    async terrain() {
      const [meta, elevation, landCover] = await Promise.all([
        json<TerrainMeta>('terrain.json'),
        bytes('terrain.i16'),
        bytes('landcover.u8'),
      ]);
      return meta && elevation && landCover ? { meta, elevation, landCover } : undefined;
    },
    bytesRead: () => bytesRead,
  };
}

/** Reads the whole dataset through `read` (see openCityFiles): the manifest, then every file it lists. */
export async function readCityFiles(read: ReadDatasetFile): Promise<CityFiles> {
  const files = await openCityFiles(read);
  const [terrain, roads, buildings, landUse, water, pois, admin, wards] = await Promise.all([
    files.terrain(),
    files.roads(),
    files.buildings(),
    files.json<GeoJsonCollection>('landuse.geojson'),
    files.json<GeoJsonCollection>('water.geojson'),
    files.json<GeoJsonCollection>('pois.geojson'),
    files.json<GeoJsonCollection>('admin.geojson'),
    files.json<CensusWardsCollection>('wards.geojson'),
  ]);
  return {
    manifest: files.manifest,
    ...(terrain ? { terrain } : {}),
    ...(roads ? { roads } : {}),
    ...(buildings ? { buildings } : {}),
    ...(landUse ? { landUse } : {}),
    ...(water ? { water } : {}),
    ...(pois ? { pois } : {}),
    ...(admin ? { admin } : {}),
    ...(wards ? { wards } : {}),
    bytesRead: files.bytesRead(),
  };
}
