/**
 * The workbench's dataset worker (workers/cityData.worker.ts): fetches the dataset, parses it and
 * builds the buildings' prism buffers off the main thread, in two parts so the page can draw the
 * city progressively: `outline` (terrain, roads, boundaries, POIs: drawn first) and `details`
 * (buildings as prism buffers, water, land-use parcels). Both calls share one read of each file;
 * large arrays move as transferables. A failure is returned (not thrown) with the file it concerns,
 * since an error crossing the worker boundary loses its fields.
 */
import { transfer } from 'comlink';
import { InputError } from '../../core/errors.ts';
import type { TerrainFiles } from '../formats/terrain.ts';
import type { RoadsDocument } from '../formats/roads.ts';
import { type BuildingPrisms, buildingPrismBuffers, buildingPrisms } from './buildingPrisms.ts';
import { type CityFiles, type GeoJsonCollection, type OpenedCityFiles, openCityFiles } from './cityFiles.ts';
import { fetchDatasetReader } from './fetchReader.ts';
import { type Packed, packColumns } from './packedColumns.ts';

/** The worker's steps whose end it reports (wall-clock), for the page's load breakdown. */
export type CityWorkerStep = 'outline-read' | 'buildings-fetched' | 'buildings-decoded' | 'prisms-built';

/** When the worker finished each of its steps, ms since the epoch (performance.timeOrigin + now). */
export type CityWorkerTimings = Partial<Record<CityWorkerStep, number>>;

const now = () => performance.timeOrigin + performance.now();

/** What the page draws first. */
export interface CityOutline {
  manifest: CityFiles['manifest'];
  terrain?: TerrainFiles;
  /** The road graph, its long columns packed for the trip (`unpackColumns`). */
  roads?: Packed<RoadsDocument>;
  admin?: GeoJsonCollection;
  pois?: GeoJsonCollection;
  timings: CityWorkerTimings;
}

/** What follows: the buildings, water and land-use parcels, and the bytes of every file read. */
export interface CityDetails {
  buildings?: BuildingPrisms;
  water?: GeoJsonCollection;
  landUse?: GeoJsonCollection;
  /** Bytes read, all files together (both parts and the manifest). */
  bytesRead: number;
  timings: CityWorkerTimings;
}

/** A part, or the failure that stopped it: the file and the problem. */
export type CityPartResult<Part> = { ok: true; part: Part } | { ok: false; file: string; message: string };

async function settle<Part>(work: () => Promise<Part>): Promise<CityPartResult<Part>> {
  try {
    return { ok: true, part: await work() };
  } catch (error) {
    const file = error instanceof InputError ? (error.file ?? 'manifest.json') : 'manifest.json';
    const message =
      error instanceof InputError ? error.problems.map((p) => p.message).join('; ') : String(error);
    return { ok: false, file, message };
  }
}

/** The dataset worker's API (one dataset per worker: the first URL asked for). */
export function createCityDataApi() {
  let opened: Promise<OpenedCityFiles> | undefined;
  let outlineRead: Promise<unknown> = Promise.resolve();
  const open = (datasetUrl: string) => {
    const fetchFile = fetchDatasetReader(datasetUrl);
    opened ??= openCityFiles(async (file) => {
      try {
        return await fetchFile(file);
      } catch (error) {
        throw new InputError(
          `cannot fetch (${error instanceof Error ? error.message : String(error)})`,
          file,
        );
      }
    });
    return opened;
  };
  return {
    /** Terrain, roads, boundaries and POIs of the dataset at `datasetUrl` (absolute URL of its folder). */
    async outline(datasetUrl: string): Promise<CityPartResult<CityOutline>> {
      const read = settle(async () => {
        const files = await open(datasetUrl);
        const [terrain, roads, admin, pois] = await Promise.all([
          files.terrain(),
          files.roads(),
          files.json<GeoJsonCollection>('admin.geojson'),
          files.json<GeoJsonCollection>('pois.geojson'),
        ]);
        return {
          manifest: files.manifest,
          ...(terrain ? { terrain } : {}),
          ...(roads ? { roads: packColumns(roads) } : {}),
          ...(admin ? { admin } : {}),
          ...(pois ? { pois } : {}),
          timings: { 'outline-read': now() },
        };
      });
      outlineRead = read;
      return read;
    },

    /** Buildings (as prism buffers), water and land-use parcels of the dataset at `datasetUrl`. */
    async details(datasetUrl: string): Promise<CityPartResult<CityDetails>> {
      const result = await settle(async () => {
        const files = await open(datasetUrl);
        const timings: CityWorkerTimings = {};
        const [water, landUse] = await Promise.all([
          files.json<GeoJsonCollection>('water.geojson'),
          files.json<GeoJsonCollection>('landuse.geojson'),
          files.bytes('buildings.bin').then(() => {
            timings['buildings-fetched'] = now();
          }),
        ]);
        const buildings = await files.buildings();
        timings['buildings-decoded'] = now();
        const prisms = buildings && buildingPrisms(buildings);
        timings['prisms-built'] = now();
        await outlineRead; // so that bytesRead counts the outline's files too
        return {
          ...(prisms ? { buildings: prisms } : {}),
          ...(water ? { water } : {}),
          ...(landUse ? { landUse } : {}),
          bytesRead: files.bytesRead(),
          timings,
        };
      });
      return result.ok && result.part.buildings
        ? transfer(result, buildingPrismBuffers(result.part.buildings))
        : result;
    },
  };
}

/** The dataset worker's API type (for `wrap<CityDataApi>`). */
export type CityDataApi = ReturnType<typeof createCityDataApi>;
