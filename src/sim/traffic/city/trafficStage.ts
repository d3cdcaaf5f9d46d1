/**
 * The traffic stage of the scenario pipeline (`id: 'traffic'`, needs land use and flood):
 * network = the prepared Thủ Đức model minus closed links (scenario road closures and the flood
 * stage's impassable roads) plus new roads; demand from the land-use stage's floor space when
 * present (else the existing buildings), grown by the growth edit's percent per year from
 * `baseYear` to the scenario year; path-based user equilibrium (equilibrium.ts); link results
 * mapped back to roads.json links.
 */
import type { CityFiles } from '../../../data/dataset/cityFiles.ts';
import type { Kpis } from '../../../scenario/kpis.ts';
import type { Stage } from '../../../scenario/pipeline.ts';
import type { GrowthEdit, NewRoadEdit, Scenario } from '../../../scenario/scenario.ts';
import type {
  FloodStageResult,
  LanduseStageResult,
  TrafficStageResult,
} from '../../../scenario/stageResults.ts';
import { type AssignmentSummary, summarizeAssignment } from '../assignmentSummary.ts';
import { iterateUserEquilibrium } from '../equilibrium.ts';
import type { PathSet } from '../pathSet.ts';
import { compileNetwork, type RoadGraph } from '../roadGraph.ts';
import { type CityDemandOptions, cityDemand } from './cityDemand.ts';
import { type CityNetworkOptions, type CityTrafficModel, prepareCityTraffic } from './cityModel.ts';
import { buildCityNetwork, type CityNetwork } from './cityNetwork.ts';

/** Options of the traffic stage. */
export interface TrafficStageOptions {
  network?: Partial<CityNetworkOptions>;
  demand?: Partial<CityDemandOptions>;
  /** Relative gap target (default 1e-3). */
  relativeGap?: number;
  maxIterations?: number;
  /** Year the dataset's demand describes (default 2025). */
  baseYear?: number;
  /** A prepared model (else prepared from the files on the first run). */
  model?: CityTrafficModel;
}

/** What a scenario asks of the traffic model. */
export interface TrafficScenarioInputs {
  closedLinkIds: string[];
  newRoads: NewRoadEdit[];
  /** Demand multiplier: (1 + growth %/100)^(year − baseYear), 1 without a growth edit. */
  growthFactor: number;
}

/** The traffic stage's result: the pipeline contract plus totals for the workbench and CLI. */
export interface CityTrafficResult extends TrafficStageResult {
  /** Congested speed per roads.json link, km/h (0 where not modelled). */
  linkSpeedKmh: Float32Array;
  /** Network totals and zone times (per-link arrays are the roads.json-aligned fields). */
  summary: Omit<
    AssignmentSummary,
    'linkVolume' | 'linkVolumeCapacityRatio' | 'linkSpeedKmh' | 'linkDelayMinutes'
  >;
  relativeGap: number;
  iterations: number;
  seconds: { prepare: number; demand: number; assignment: number };
  zoneCount: number;
  gatewayCount: number;
  totalDemandPcuPerHour: number;
  unreachableDemandPcuPerHour: number;
  /** Peak-hour volume on each new-road link by edit id, PCU/h (largest over its links). */
  newRoadMaxVolumePcuPerHour: Record<string, number>;
  /**
   * The assignment behind the link arrays, per network link, for the workbench (vehicle
   * animation, OD pairs using a link); never part of the KPIs or of what the CLI prints.
   */
  assignment: {
    city: CityNetwork;
    graph: RoadGraph;
    paths: PathSet;
    linkVolumePcuPerHour: Float32Array;
    linkSpeedKmh: Float32Array;
  };
}

/** The scenario parts that change traffic (closures, new roads, growth); also the stage's cache inputs. */
export function trafficScenarioInputs(scenario: Scenario, baseYear: number): TrafficScenarioInputs {
  const closedLinkIds = scenario.edits.flatMap((e) => (e.type === 'roadClosure' ? e.linkIds : []));
  const newRoads = scenario.edits.filter((e): e is NewRoadEdit => e.type === 'newRoad');
  const growth = scenario.edits.find((e): e is GrowthEdit => e.type === 'growth');
  const years = Math.max(0, scenario.year - baseYear);
  const growthFactor = growth ? (1 + growth.demandGrowthPercentPerYear / 100) ** years : 1;
  return { closedLinkIds: [...new Set(closedLinkIds)].sort(), newRoads, growthFactor };
}

/** Everything one city assignment needs: the network of the scenario and its demand. */
export interface CityAssignmentInput {
  city: CityNetwork;
  demand: ReturnType<typeof cityDemand>;
}

/** Builds the scenario network and demand (pure; used by the stage and the workbench). */
export function prepareCityAssignment(
  model: CityTrafficModel,
  inputs: TrafficScenarioInputs,
  floorSpace: LanduseStageResult['floorSpace'] | undefined,
  impassableLinkIds: readonly string[] = [],
  demandOptions: Partial<CityDemandOptions> = {},
): CityAssignmentInput {
  const city = buildCityNetwork(model, {
    closedLinkIds: new Set([...inputs.closedLinkIds, ...impassableLinkIds]),
    newRoads: inputs.newRoads,
  });
  const demand = cityDemand(model, city, floorSpace ?? model.baseFloorSpace, {
    ...demandOptions,
    growthFactor: (demandOptions.growthFactor ?? 1) * inputs.growthFactor,
  });
  return { city, demand };
}

/** Per network link → per roads.json link (0 where a link is closed or not modelled). */
export function toRoadLinks(city: CityNetwork, perLink: ArrayLike<number>): Float32Array {
  const out = new Float32Array(city.linkOfRoadLink.length);
  city.linkOfRoadLink.forEach((link, i) => {
    if (link >= 0) out[i] = perLink[link]!;
  });
  return out;
}

/** Creates the traffic stage (see the module comment). */
export function createTrafficStage(
  files: CityFiles,
  options: TrafficStageOptions = {},
): Stage<CityTrafficResult> {
  let model = options.model;
  const baseYear = options.baseYear ?? 2025;
  return {
    id: 'traffic',
    needs: ['landuse', 'flood'],
    inputs: (scenario) => trafficScenarioInputs(scenario, baseYear),
    async run(context) {
      let t = performance.now();
      const lap = () => {
        const now = performance.now();
        const s = (now - t) / 1000;
        t = now;
        return s;
      };
      model ??= prepareCityTraffic(files, options.network);
      const prepare = lap();
      const landuse = context.upstream.landuse as LanduseStageResult | undefined;
      const flood = context.upstream.flood as FloodStageResult | undefined;
      const { city, demand } = prepareCityAssignment(
        model,
        trafficScenarioInputs(context.scenario, baseYear),
        landuse?.floorSpace,
        flood?.impassableLinkIds,
        options.demand,
      );
      const demandSeconds = lap();
      context.onProgress(0.1);
      const graph = compileNetwork(city.network);
      const solve = iterateUserEquilibrium(graph, demand.demand, {
        relativeGap: options.relativeGap ?? 1e-3,
        maxIterations: options.maxIterations ?? 200,
        cancelBuffer: context.cancelBuffer,
      });
      let step = solve.next();
      while (!step.done) {
        context.onProgress(0.1 + 0.9 * step.value.fractionDone);
        step = solve.next();
      }
      const result = step.value;
      const assignment = lap();
      const summary = summarizeAssignment(graph, demand.demand, result.volumes, result.odCosts);
      const { linkVolume, linkVolumeCapacityRatio, linkSpeedKmh, linkDelayMinutes: _, ...totals } = summary;
      const newRoadMaxVolumePcuPerHour: Record<string, number> = {};
      for (const { editId, link } of city.newRoadLinks) {
        newRoadMaxVolumePcuPerHour[editId] = Math.max(
          newRoadMaxVolumePcuPerHour[editId] ?? 0,
          linkVolume[link]!,
        );
      }
      const totalDemand = demand.demand.flows.reduce((s, v) => s + v, 0);
      const out: Omit<CityTrafficResult, 'kpis'> = {
        linkVolumePcuPerHour: toRoadLinks(city, linkVolume),
        linkVolumeCapacityRatio: toRoadLinks(city, linkVolumeCapacityRatio),
        linkSpeedKmh: toRoadLinks(city, linkSpeedKmh),
        summary: totals,
        relativeGap: result.relativeGap,
        iterations: result.iterations,
        seconds: { prepare, demand: demandSeconds, assignment },
        zoneCount: model.zones.count,
        gatewayCount: model.gateways.length,
        totalDemandPcuPerHour: totalDemand,
        unreachableDemandPcuPerHour: demand.unreachablePcuPerHour,
        newRoadMaxVolumePcuPerHour,
        assignment: { city, graph, paths: result.paths, linkVolumePcuPerHour: linkVolume, linkSpeedKmh },
      };
      return { ...out, kpis: trafficKpis(out, city.closedLengthKm) };
    },
    kpis: (result) => result.kpis,
  };
}

/** The stage's KPIs (keys defined in scenario/kpis.ts). */
export function trafficKpis(
  result: {
    summary: Pick<AssignmentSummary, 'vehicleHours' | 'vehicleKm' | 'averageSpeedKmh' | 'delayHours'>;
    unreachableDemandPcuPerHour: number;
  },
  closedLengthKm: number,
): Kpis {
  return {
    vehicleHoursTravelled: result.summary.vehicleHours,
    vehicleKmTravelled: result.summary.vehicleKm,
    averageSpeedKmh: result.summary.averageSpeedKmh,
    roadLengthClosedKm: closedLengthKm,
    trafficDelayHours: result.summary.delayHours,
    unservedDemandPcuPerHour: result.unreachableDemandPcuPerHour,
  };
}
