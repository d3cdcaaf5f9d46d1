import { transfer } from 'comlink';
import { toSceneMetres } from '../../../core/geo.ts';
import { type ReadDatasetFile, readCityFiles } from '../../../data/dataset/cityFiles.ts';
import { LAND_USES, type Scenario } from '../../../scenario/scenario.ts';
import type { Kpis } from '../../../scenario/kpis.ts';
import { type CityLanduseModel, prepareCityLanduse } from './cityModel.ts';
import {
  type CityLanduseResult,
  growthCellCentre,
  type LanduseStageOptions,
  runLanduse,
} from './landuseStage.ts';
import { flatRingSignedArea, polygonCentroid } from './sceneRings.ts';

/** Exterior rings of many polygons in one flat array (scene metres). */
export interface FlatRings {
  /** Vertex offsets: ring k is vertices offsets[k] .. offsets[k + 1] − 1. */
  offsets: Int32Array;
  /** Flat [east, north, ...] scene metres. */
  coordinates: Float32Array;
}

/** The parcels of the city's zoning layer, for drawing and picking in the UI. */
export interface ParcelOutlines extends FlatRings {
  ids: string[];
  zones: string[];
  prepareSeconds: number;
}

/** What the workbench draws and tabulates from one land-use run. */
export interface LanduseView {
  kpis: Kpis;
  /** Massing of rebuilt parcels: one ring per footprint polygon. */
  massing: FlatRings & {
    /** Index into LAND_USES per ring. */
    use: Uint8Array;
    heightMetres: Float32Array;
    groundMetres: Float32Array;
  };
  /** Build-out of each rebuilt parcel (areas m², height m). */
  proposedParcels: Array<{
    id: string;
    zone: string;
    lotArea: number;
    footprintArea: number;
    floors: number;
    grossFloorArea: number;
    height: number;
    reason?: string;
  }>;
  buildOutFailures: string[];
  growth?: {
    cellSizeMetres: number;
    eastMetres: Float32Array;
    northMetres: Float32Array;
    groundMetres: Float32Array;
    year: Uint16Array;
    years: number[];
    urbanCellsByYear: number[];
  };
  seconds: CityLanduseResult['seconds'];
}

function groundAt(model: CityLanduseModel, east: number, north: number): number {
  const cell = model.terrain.toScene.cellAt(east, north);
  return cell >= 0 ? model.terrain.elevationMetres[cell]! : 0;
}

/**
 * Massing of the rebuilt parcels: each envelope polygon shrunk about its centroid by
 * √(footprint / envelope) so that the drawn footprint has the build-out's area (the
 * coverage limit usually leaves it smaller than the envelope), extruded to the build-out height.
 */
export function massingOf(model: CityLanduseModel, result: CityLanduseResult): LanduseView['massing'] {
  const offsets = [0];
  const coordinates: number[] = [];
  const use: number[] = [];
  const height: number[] = [];
  const ground: number[] = [];
  for (const p of result.proposedParcels) {
    if (p.floors <= 0 || p.envelopeArea <= 0) continue;
    const scale = Math.sqrt(p.footprintArea / p.envelopeArea);
    for (const polygon of p.envelope) {
      const ring = polygon[0]!.slice(0, -1).flatMap(([lon, lat]) => toSceneMetres(lon, lat));
      if (ring.length < 6 || Math.abs(flatRingSignedArea(ring)) < 1) continue;
      const [ce, cn] = polygonCentroid([ring]);
      for (let i = 0; i < ring.length; i += 2) {
        coordinates.push(ce + (ring[i]! - ce) * scale, cn + (ring[i + 1]! - cn) * scale);
      }
      offsets.push(coordinates.length / 2);
      use.push(LAND_USES.indexOf(p.use));
      height.push(p.height);
      ground.push(groundAt(model, ce, cn));
    }
  }
  return {
    offsets: Int32Array.from(offsets),
    coordinates: Float32Array.from(coordinates),
    use: Uint8Array.from(use),
    heightMetres: Float32Array.from(height),
    groundMetres: Float32Array.from(ground),
  };
}

/**
 * The land-use worker API of the city (entry: workers/landuseCity.worker.ts): `prepare`
 * reads the dataset and builds the city model once; `run` runs the land-use stage for a
 * scenario and returns what the workbench draws (typed arrays transferred, not copied).
 * `readerFor(baseUrl)` makes the dataset reader (fetch in the browser).
 */
export function createCityLanduseApi(readerFor: (baseUrl: string) => ReadDatasetFile) {
  let model: CityLanduseModel | undefined;
  return {
    async prepare(baseUrl: string): Promise<ParcelOutlines> {
      const files = await readCityFiles(readerFor(baseUrl));
      model = prepareCityLanduse(files);
      const offsets = [0];
      const coordinates: number[] = [];
      for (const p of model.parcels) {
        coordinates.push(...p.ringsMetres[0]!);
        offsets.push(coordinates.length / 2);
      }
      const outlines: ParcelOutlines = {
        ids: model.parcels.map((p) => p.id),
        zones: model.parcels.map((p) => p.zone),
        offsets: Int32Array.from(offsets),
        coordinates: Float32Array.from(coordinates),
        prepareSeconds: model.preparedSeconds,
      };
      return transfer(outlines, [outlines.offsets.buffer, outlines.coordinates.buffer]);
    },

    async run(
      scenario: Scenario,
      onProgress: (fractionDone: number) => void,
      cancelBuffer?: SharedArrayBuffer,
      options: Omit<LanduseStageOptions, 'model'> = {},
    ): Promise<LanduseView> {
      if (!model) throw new Error('prepare() first');
      const result = await runLanduse(model, scenario, options, 0, onProgress, cancelBuffer);
      const massing = massingOf(model, result);
      const view: LanduseView = {
        kpis: result.kpis,
        massing,
        proposedParcels: result.proposedParcels.map((p) => ({
          id: p.id.toString(),
          zone: p.zone,
          lotArea: p.lotArea,
          footprintArea: p.footprintArea,
          floors: p.floors,
          grossFloorArea: p.grossFloorArea,
          height: p.height,
          ...(p.reason ? { reason: p.reason } : {}),
        })),
        buildOutFailures: result.buildOutFailures,
        seconds: result.seconds,
      };
      const buffers: ArrayBuffer[] = [
        massing.offsets.buffer,
        massing.coordinates.buffer,
        massing.use.buffer,
        massing.heightMetres.buffer,
        massing.groundMetres.buffer,
      ] as ArrayBuffer[];
      if (result.growth) {
        const g = result.growth;
        const m = model;
        const n = g.newUrbanCells.length;
        const east = new Float32Array(n);
        const north = new Float32Array(n);
        const ground = new Float32Array(n);
        for (let k = 0; k < n; k++) {
          const [e, nn] = growthCellCentre(m, g.newUrbanCells[k]!);
          east[k] = e;
          north[k] = nn;
          ground[k] = groundAt(m, e, nn);
        }
        view.growth = {
          cellSizeMetres: m.growthGrid.cellSizeMetres,
          eastMetres: east,
          northMetres: north,
          groundMetres: ground,
          year: g.newUrbanYears,
          years: g.years,
          urbanCellsByYear: g.urbanCellsByYear,
        };
        buffers.push(east.buffer, north.buffer, ground.buffer, g.newUrbanYears.buffer as ArrayBuffer);
      }
      return transfer(view, buffers);
    },
  };
}

/** The typed protocol of the city land-use worker. */
export type CityLanduseApi = ReturnType<typeof createCityLanduseApi>;
