import { transfer } from 'comlink';
import { hashValue } from '../core/hash.ts';
import { type CityFiles, readCityFiles } from '../data/dataset/cityFiles.ts';
import { fetchDatasetReader } from '../data/dataset/fetchReader.ts';
import { type ScenarioLayers, scenarioLayersOf } from './differenceLayers.ts';
import type { Kpis } from './kpis.ts';
import type { NowcastObservations } from '../sensors/nowcast.ts';
import { type NowcastResult, runNowcast } from './nowcastRun.ts';
import { runScenario, type Stage, type StageId } from './pipeline.ts';
import { DEFAULT_RUN_OPTIONS, type RunOptions, runOptionsKey } from './runOptions.ts';
import type { Scenario } from './scenario.ts';
import { type CityModels, cityStages } from './stages/cityStages.ts';
import { cityFloodModel } from '../sim/flood/city/cityFloodModel.ts';
import { type CityFloodStageResult, cityFloodInput } from './stages/floodStage.ts';
import type { FloodRunnerFactory } from '../sim/flood/floodRun.ts';
import type { FloodGpuChoice } from '../sim/flood/gpu/floodGpuChoice.ts';
import type { FloodVolume } from '../sim/flood/floodVolume.ts';
import { prepareCityLanduse } from '../sim/landuse/city/cityLanduseModel.ts';
import type { CityLanduseResult } from './stages/landuseStage.ts';
import {
  type LanduseView,
  landuseViewOf,
  type ParcelOutlines,
  parcelOutlinesOf,
} from './stages/landuseView.ts';
import { prepareCityTraffic } from '../sim/traffic/city/cityTrafficModel.ts';
import type { CityTrafficResult } from './stages/trafficStage.ts';
import { type OdShare, topOdPairsOnLink } from '../sim/traffic/pathSet.ts';
import { positionsOf, type VehicleStart, vehicleStartOf } from '../sim/traffic/trafficApi.ts';
import { cityVehicleGeometry } from '../sim/traffic/vehicleGeometry.ts';
import { createVehicleFleet, type VehicleFleet } from '../sim/traffic/vehicles.ts';

/** Progress of one stage: which, and the fraction done 0..1. */
export type StageProgress = (stage: StageId, fractionDone: number) => void;

/** The flood stage's result as the flood panel draws and tabulates it. */
export interface FloodRunView {
  /** The flood grid for the water surface (row 0 north; same frame as the run's depth layer). */
  surface: {
    columns: number;
    rows: number;
    cellSizeMetres: number;
    /** Ground per cell after dikes and ponds, m (NaN outside the city). */
    bedMetres: Float32Array;
    /** 1 = never drawn (outside, rivers, lakes, ponds). */
    hidden: Uint8Array;
  };
  /** The run's water account, m³. */
  volume: FloodVolume;
  /** Engine time steps taken. */
  steps: number;
  /** The flood kernel that ran them, and on how many workers. */
  kernel: string;
  workers: number;
  /** Hash of the maximum depth grid (core/hash.ts): equal runs give equal digests. */
  maxDepthDigest: string;
}

/** The traffic stage's result as the traffic panel draws and tabulates it (roads.json links). */
export interface TrafficRunView {
  /** Volume / capacity per roads.json link. */
  linkVolumeCapacityRatio: Float32Array;
  /** Congested speed per roads.json link, km/h (0 where not modelled). */
  linkSpeedKmh: Float32Array;
  relativeGap: number;
  iterations: number;
  /** Assignment wall time in the worker, s. */
  assignmentSeconds: number;
  /** The stage's cache key: names this assignment for vehicles and OD-pair queries. */
  key: string;
}

/** What the panels show of a run's stage results (no KPIs: those come once, in `kpis`). */
export interface ScenarioRunViews {
  landuse?: LanduseView;
  flood?: FloodRunView;
  traffic?: TrafficRunView;
}

/** What the app gets back from a scenario run. */
export interface ScenarioRunSummary {
  scenarioId: string;
  options: RunOptions;
  /** Stage-qualified KPIs (`twin-kpis/2`) of every stage that ran. */
  kpis: Kpis;
  stages: StageId[];
  /** Stages whose results came from the cache (unchanged inputs and options). */
  cached: StageId[];
  /** Cache key per stage (stage id, input hash). */
  keys: Partial<Record<StageId, string>>;
  /** The run's map layers for the comparison view (copies of the cached results, transferred). */
  layers: ScenarioLayers;
  /** What the land-use, flood and traffic panels show (copies, transferred). */
  views: ScenarioRunViews;
}

/** Options of the vehicle animation of an assignment. */
export interface VehicleAnimationRequest {
  /** Most vehicles drawn at once. */
  maxVehicles: number;
  seed: number;
  /** Vehicles drive this far right of a road's centreline, m (as the link flow layer draws links). */
  rightOffsetMetres: number;
  /** Drawn per real vehicle (default: about 90 % of `maxVehicles` on the road). */
  sampleFraction?: number;
}

/**
 * The scenario worker's API (workers/scenario.worker.ts), the app's one run path: loads the
 * dataset once from `datasetUrl` (absolute URL of the folder with manifest.json) and runs
 * scenarios through the pipeline (land use → flood → traffic) with a result cache that lives as
 * long as the worker. A run is keyed by the scenario and its {@link RunOptions}: each option set
 * has its own stages (sharing the prepared city models) whose cache inputs include the options,
 * so an unchanged scenario with unchanged options never re-runs, and another cell size is another
 * result. Besides KPIs and layers it answers the panels' questions about a run's results: the
 * parcels to edit, the OD pairs using a link, and vehicles moving on an assignment.
 * `floodRunner` (optional) resolves to how the flood stages run (the worker: the WebAssembly
 * kernel on its row workers once compiled; without it, the JavaScript kernel here: same results);
 * `setFloodWorkers` takes the page's choice of row workers per flood run, `setFloodGpu` its choice
 * of the WebGPU kernel (`?floodGpu`, src/sim/flood/gpu/floodGpuChoice.ts).
 */
export function createScenarioApi(
  floodRunner?: Promise<FloodRunnerFactory>,
  setFloodWorkers: (count: number) => void = () => {},
  setFloodGpu: (choice: FloodGpuChoice) => void = () => {},
) {
  let city: Promise<{ files: CityFiles; models: CityModels }> | undefined;
  const stagesByOptions = new Map<string, Stage[]>();
  const cache = new Map<string, unknown>();
  const floodSurfaces = new Map<string, FloodRunView['surface']>();
  let fleet: VehicleFleet | undefined;

  const load = (datasetUrl: string) => {
    city ??= readCityFiles(fetchDatasetReader(datasetUrl)).then((files) => ({ files, models: {} }));
    return city;
  };
  const trafficResult = (key: string): CityTrafficResult => {
    const result = cache.get(key) as CityTrafficResult | undefined;
    if (!result) throw new Error(`no traffic result ${key} in this worker`);
    return result;
  };

  return {
    /** Row workers for the next flood runs (results are the same for any count). */
    async setFloodWorkers(count: number): Promise<void> {
      setFloodWorkers(count);
    },

    /** Whether the next flood runs may use WebGPU (auto: a hardware adapter only; on; off). */
    async setFloodGpu(choice: FloodGpuChoice): Promise<void> {
      setFloodGpu(choice);
    },

    /** The parcels of the zoning layer, for picking and drawing in the zoning editor. */
    async parcelOutlines(datasetUrl: string): Promise<ParcelOutlines> {
      const { files, models } = await load(datasetUrl);
      models.landuse ??= prepareCityLanduse(files);
      const outlines = parcelOutlinesOf(models.landuse);
      return transfer(outlines, [outlines.offsets.buffer, outlines.coordinates.buffer] as ArrayBuffer[]);
    },

    async run(
      datasetUrl: string,
      scenario: Scenario,
      options: RunOptions,
      onProgress: StageProgress,
      cancelBuffer?: SharedArrayBuffer,
    ): Promise<ScenarioRunSummary> {
      const { files, models } = await load(datasetUrl);
      const runOptions = { ...DEFAULT_RUN_OPTIONS, ...options };
      const optionsKey = runOptionsKey(runOptions);
      let stages = stagesByOptions.get(optionsKey);
      if (!stages) {
        models.landuse ??= prepareCityLanduse(files);
        models.traffic ??= prepareCityTraffic(files);
        stages = cityStages(files, runOptions, models, await floodRunner);
        stagesByOptions.set(optionsKey, stages);
      }
      const run = await runScenario(scenario, stages, {
        cache,
        onStageProgress: (stage, fraction) => void onProgress(stage, fraction),
        ...(cancelBuffer ? { cancelBuffer } : {}),
      });
      const { layers, transferables } = scenarioLayersOf(run.results);
      const views: ScenarioRunViews = {};

      const landuse = run.results.landuse as CityLanduseResult | undefined;
      if (landuse && models.landuse) {
        const out = landuseViewOf(models.landuse, landuse);
        views.landuse = out.view;
        transferables.push(...out.transferables);
      }

      const flood = run.results.flood as CityFloodStageResult | undefined;
      const floodKey = run.keys.flood;
      if (flood && floodKey) {
        let surface = floodSurfaces.get(floodKey);
        if (!surface) {
          const model = cityFloodModel(files, cityFloodInput(scenario), {
            cellSizeMetres: flood.grid.cellSizeMetres,
            ...(landuse?.imperviousness ? { imperviousness: landuse.imperviousness } : {}),
          });
          const bed = model.grid.bedMetres;
          surface = {
            columns: model.grid.columns,
            rows: model.grid.rows,
            cellSizeMetres: model.grid.cellSizeMetres,
            bedMetres: Float32Array.from(bed),
            hidden: Uint8Array.from(model.permanentWater, (w, k) => (w || Number.isNaN(bed[k]!) ? 1 : 0)),
          };
          floodSurfaces.set(floodKey, surface);
        }
        const copy = { ...surface, bedMetres: surface.bedMetres.slice(), hidden: surface.hidden.slice() };
        views.flood = {
          surface: copy,
          volume: { ...flood.volume },
          steps: flood.steps,
          kernel: flood.kernel,
          workers: flood.workers,
          maxDepthDigest: hashValue(flood.maxDepthMetres),
        };
        transferables.push(copy.bedMetres.buffer as ArrayBuffer, copy.hidden.buffer as ArrayBuffer);
      }

      const traffic = run.results.traffic as CityTrafficResult | undefined;
      const trafficKey = run.keys.traffic;
      if (traffic && trafficKey) {
        views.traffic = {
          linkVolumeCapacityRatio: traffic.linkVolumeCapacityRatio.slice(),
          linkSpeedKmh: traffic.linkSpeedKmh.slice(),
          relativeGap: traffic.relativeGap,
          iterations: traffic.iterations,
          assignmentSeconds: traffic.seconds.assignment,
          key: trafficKey,
        };
        transferables.push(
          views.traffic.linkVolumeCapacityRatio.buffer as ArrayBuffer,
          views.traffic.linkSpeedKmh.buffer as ArrayBuffer,
        );
      }

      return transfer(
        {
          scenarioId: scenario.id,
          options: runOptions,
          kpis: run.kpis,
          stages: Object.keys(run.results) as StageId[],
          cached: run.cached,
          keys: run.keys,
          layers,
          views,
        },
        transferables,
      );
    },

    /**
     * The flood nowcast at data time `atMs` on `observations` (the 24 h up to it), at 80 m over
     * 6 h: runNowcast (scenario/nowcastRun.ts), the same function `twin nowcast` calls, on the
     * worker's prepared traffic model; progress per stage and the cancel flag as for `run`.
     */
    async nowcast(
      datasetUrl: string,
      observations: NowcastObservations,
      atMs: number,
      onProgress: StageProgress,
      cancelBuffer?: SharedArrayBuffer,
    ): Promise<NowcastResult> {
      const { files, models } = await load(datasetUrl);
      models.traffic ??= prepareCityTraffic(files);
      const runner = await floodRunner;
      return runNowcast(files, observations, atMs, {
        trafficModel: models.traffic,
        ...(runner ? { floodRunner: runner } : {}),
        onStageProgress: (stage, fraction) => void onProgress(stage, fraction),
        ...(cancelBuffer ? { cancelBuffer } : {}),
      });
    },

    /** The `count` OD pairs (zone numbers) with most flow on roads.json link `roadLink` in assignment `trafficKey`. */
    async topOdPairsOnRoadLink(trafficKey: string, roadLink: number, count: number): Promise<OdShare[]> {
      const { assignment } = trafficResult(trafficKey);
      const link = assignment.city.linkOfRoadLink[roadLink] ?? -1;
      return link < 0 ? [] : topOdPairsOnLink(assignment.paths, link, count);
    },

    /**
     * Starts the vehicle animation of assignment `trafficKey`: vehicles entering each street link
     * in proportion to its assigned volume and moving at its assigned speed (traffic/vehicles.ts),
     * along the roads' polylines. Replaces any earlier animation.
     */
    async startVehicles(trafficKey: string, request: VehicleAnimationRequest): Promise<VehicleStart> {
      const { assignment } = trafficResult(trafficKey);
      const { files } = await (city ?? Promise.reject(new Error('no run yet')));
      const roads = files.roads;
      const geometry = roads
        ? cityVehicleGeometry(assignment.city, roads, request.rightOffsetMetres)
        : undefined;
      fleet = createVehicleFleet({
        graph: assignment.graph,
        nodeXMetres: assignment.city.nodeEastMetres,
        nodeYMetres: assignment.city.nodeNorthMetres,
        linkVolumePcuPerHour: assignment.linkVolumePcuPerHour,
        linkSpeedKmh: assignment.linkSpeedKmh,
        maxVehicles: request.maxVehicles,
        seed: request.seed,
        ...(geometry ?? {}),
        ...(request.sampleFraction !== undefined ? { sampleFraction: request.sampleFraction } : {}),
      });
      const start = vehicleStartOf(fleet);
      return transfer(start, [start.positions.buffer]);
    },

    /** Advances the vehicles by `dtSeconds`; a copy of the positions on the road (VEHICLE_STRIDE floats each). */
    async stepVehicles(dtSeconds: number): Promise<Float32Array> {
      if (!fleet) return new Float32Array(0);
      fleet.step(dtSeconds);
      const copy = positionsOf(fleet);
      return transfer(copy, [copy.buffer]);
    },

    /** Stops the vehicle animation and frees its fleet. */
    async stopVehicles(): Promise<void> {
      fleet = undefined;
    },
  };
}

/** The typed protocol of workers/scenario.worker.ts. */
export type ScenarioApi = ReturnType<typeof createScenarioApi>;
