/**
 * State of the traffic panel shared by the panel (DOM) and its map layers (canvas): the last
 * assignment mapped to roads.json links, the baseline run it is compared with, the colouring and
 * whether vehicles move. One traffic worker per page (workers/traffic.worker.ts). The network and
 * demand are built on the main thread from the loaded dataset (sim/traffic/city), then assigned
 * in the worker with progress (relative gap) and a cancel flag.
 */
import { proxy, type Remote, wrap } from 'comlink';
import { createStore } from 'zustand/vanilla';
import type { CancelToken } from '../../core/cancel.ts';
import type { CityFiles } from '../../data/dataset/cityFiles.ts';
import type { Scenario } from '../../scenario/scenario.ts';
import { type CityTrafficModel, prepareCityTraffic } from '../../sim/traffic/city/cityModel.ts';
import type { CityNetwork } from '../../sim/traffic/city/cityNetwork.ts';
import {
  prepareCityAssignment,
  toRoadLinks,
  trafficKpis,
  trafficScenarioInputs,
} from '../../sim/traffic/city/trafficStage.ts';
import type { TrafficApi } from '../../sim/traffic/trafficApi.ts';
import type { Kpis } from '../../scenario/kpis.ts';
import { loadDataset } from '../city/cityDataset.ts';

/** Year the dataset's demand describes (the traffic stage's default base year). */
const BASE_YEAR = 2025;

/** One assignment, aligned with roads.json links. */
export interface TrafficRun {
  scenarioId: string;
  /** Sorted closed link ids (scenario edits), to label the run. */
  closedLinkIds: string[];
  volume: Float32Array;
  volumeCapacityRatio: Float32Array;
  speedKmh: Float32Array;
  kpis: Kpis;
  relativeGap: number;
  iterations: number;
  /** Worker wall time of the assignment, s. */
  seconds: number;
  zoneCount: number;
  demandPcuPerHour: number;
  /** The network the run used (for link queries). */
  city: CityNetwork;
}

/** The panel's state. */
export interface TrafficUiState {
  current?: TrafficRun;
  baseline?: TrafficRun;
  colourBy: 'ratio' | 'difference';
  vehiclesOn: boolean;
  /** Relative gap of the running assignment (NaN before the first iteration). */
  runningGap: number;
}

export const trafficUi = createStore<TrafficUiState>(() => ({
  colourBy: 'ratio',
  vehiclesOn: false,
  runningGap: Number.NaN,
}));

let api: Remote<TrafficApi> | undefined;
let model: CityTrafficModel | undefined;

/** The page's traffic worker (started on first use). */
export function trafficApi(): Remote<TrafficApi> {
  api ??= wrap<TrafficApi>(
    new Worker(new URL('../../../workers/traffic.worker.ts', import.meta.url), { type: 'module' }),
  );
  return api;
}

/** The prepared Thủ Đức model of the loaded dataset (once per page). */
export async function cityTrafficModel(): Promise<CityTrafficModel> {
  if (!model) {
    const dataset = await loadDataset();
    model = prepareCityTraffic(dataset.data as unknown as CityFiles);
  }
  return model;
}

/**
 * Assigns the scenario's morning peak (its road closures, new roads and demand growth; demand from
 * the existing buildings) in the worker. The first run of the page becomes the baseline.
 */
export async function runTraffic(
  scenario: Scenario,
  relativeGap: number,
  cancel: CancelToken,
  onProgress: (fractionDone: number, gap: number) => void,
): Promise<TrafficRun> {
  const prepared = await cityTrafficModel();
  const inputs = trafficScenarioInputs(scenario, BASE_YEAR);
  const { city, demand } = prepareCityAssignment(prepared, inputs, undefined);
  const response = await trafficApi().assign(
    { network: city.network, demand: demand.demand, relativeGap, maxIterations: 200 },
    proxy((fraction: number, gap: number) => onProgress(fraction, gap)),
    cancel.buffer,
  );
  const totals = {
    summary: {
      vehicleKm: response.vehicleKm,
      vehicleHours: response.vehicleHours,
      delayHours: response.delayHours,
      averageSpeedKmh: response.averageSpeedKmh,
    },
    unreachableDemandPcuPerHour: demand.unreachablePcuPerHour,
  };
  const run: TrafficRun = {
    scenarioId: scenario.id,
    closedLinkIds: inputs.closedLinkIds,
    volume: toRoadLinks(city, response.linkVolume),
    volumeCapacityRatio: toRoadLinks(city, response.linkVolumeCapacityRatio),
    speedKmh: toRoadLinks(city, response.linkSpeedKmh),
    kpis: trafficKpis(totals, city.closedLengthKm),
    relativeGap: response.relativeGap,
    iterations: response.iterations,
    seconds: response.seconds,
    zoneCount: city.zoneCount,
    demandPcuPerHour: demand.demand.flows.reduce((s, v) => s + v, 0),
    city,
  };
  const state = trafficUi.getState();
  trafficUi.setState({
    current: run,
    baseline: state.baseline ?? run,
    vehiclesOn: false,
    colourBy: state.baseline ? state.colourBy : 'ratio',
  });
  return run;
}

/** The OD pairs (zone numbers) with most flow on roads.json link `roadLink` in the current run. */
export async function topOdPairsOnRoadLink(
  roadLink: number,
  count: number,
): Promise<Array<{ origin: number; destination: number; flow: number }>> {
  const run = trafficUi.getState().current;
  const link = run?.city.linkOfRoadLink[roadLink] ?? -1;
  if (link < 0) return [];
  return trafficApi().topOdPairsOnLink(link, count);
}

let roadIndexById: Map<string, number> | undefined;

/** roads.json link index of a link id, -1 when unknown or before the model is prepared. */
export function roadLinkIndex(id: string): number {
  if (!model) return -1;
  if (!roadIndexById) {
    roadIndexById = new Map();
    const ids = model.roads.links.ids;
    for (let i = 0; i < ids.length; i++) roadIndexById.set(ids[i]!, i);
  }
  return roadIndexById.get(id) ?? -1;
}
