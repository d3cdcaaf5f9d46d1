/**
 * Planner-facing numbers from an equilibrium: per-link volume, volume/capacity, speed and delay,
 * network totals (VKT, VHT, TSTT, average speed) and zone travel times.
 */
import type { OdDemand } from './network.ts';
import type { RoadGraph } from './roadGraph.ts';
import { linkTravelTime } from './linkCost.ts';

/** How the network's units map to km and minutes (Thủ Đức data: 1 and 1; Sioux Falls: time in 0.01 h). */
export interface NetworkUnits {
  /** Kilometres per network distance unit (default 1). */
  kmPerLengthUnit?: number;
  /** Minutes per network time unit (default 1). */
  minutesPerTimeUnit?: number;
}

/** Link and network results of an assignment. */
export interface AssignmentSummary {
  /** PCU per period on each link. */
  linkVolume: Float32Array;
  /** Volume / capacity (dimensionless). */
  linkVolumeCapacityRatio: Float32Array;
  /** Congested speed, km/h (0 where the free-flow time is 0). */
  linkSpeedKmh: Float32Array;
  /** Delay per vehicle over free flow, minutes. */
  linkDelayMinutes: Float32Array;
  /** Vehicle(PCU)-kilometres travelled. */
  vehicleKm: number;
  /** Vehicle(PCU)-hours travelled (BPR time, without toll or distance cost). */
  vehicleHours: number;
  /** Total delay over free flow, PCU-hours. */
  delayHours: number;
  /** vehicleKm / vehicleHours, km/h. */
  averageSpeedKmh: number;
  /** Demand-weighted mean generalized cost of trips leaving each zone, minutes (NaN with no trips). */
  zoneOriginTravelMinutes: Float64Array;
  /** Demand-weighted mean generalized cost of trips arriving at each zone, minutes (NaN with no trips). */
  zoneDestinationTravelMinutes: Float64Array;
}

/** Computes the summary from link volumes and the equilibrium OD costs (time units). */
export function summarizeAssignment(
  graph: RoadGraph,
  demand: OdDemand,
  volumes: Float64Array,
  odCosts: Float64Array,
  units: NetworkUnits = {},
): AssignmentSummary {
  const km = units.kmPerLengthUnit ?? 1;
  const minutes = units.minutesPerTimeUnit ?? 1;
  const n = graph.linkCount;
  const summary: AssignmentSummary = {
    linkVolume: Float32Array.from(volumes),
    linkVolumeCapacityRatio: new Float32Array(n),
    linkSpeedKmh: new Float32Array(n),
    linkDelayMinutes: new Float32Array(n),
    vehicleKm: 0,
    vehicleHours: 0,
    delayHours: 0,
    averageSpeedKmh: 0,
    zoneOriginTravelMinutes: new Float64Array(demand.zoneCount),
    zoneDestinationTravelMinutes: new Float64Array(demand.zoneCount),
  };
  for (let i = 0; i < n; i++) {
    const volume = volumes[i]!;
    const timeMinutes = linkTravelTime(graph, i, volume) * minutes;
    const lengthKm = graph.length[i]! * km;
    summary.linkVolumeCapacityRatio[i] = volume / graph.capacity[i]!;
    summary.linkSpeedKmh[i] = timeMinutes > 0 ? lengthKm / (timeMinutes / 60) : 0;
    summary.linkDelayMinutes[i] = timeMinutes - graph.freeFlowTime[i]! * minutes;
    summary.vehicleKm += volume * lengthKm;
    summary.vehicleHours += (volume * timeMinutes) / 60;
    summary.delayHours += (volume * summary.linkDelayMinutes[i]!) / 60;
  }
  summary.averageSpeedKmh = summary.vehicleHours > 0 ? summary.vehicleKm / summary.vehicleHours : 0;
  const zones = demand.zoneCount;
  const fromSum = new Float64Array(zones);
  const toSum = new Float64Array(zones);
  const fromTrips = new Float64Array(zones);
  const toTrips = new Float64Array(zones);
  for (let o = 0; o < zones; o++) {
    for (let d = 0; d < zones; d++) {
      const trips = demand.flows[o * zones + d]!;
      if (trips === 0 || o === d) continue;
      const cost = odCosts[o * zones + d]! * minutes;
      fromSum[o]! += trips * cost;
      fromTrips[o]! += trips;
      toSum[d]! += trips * cost;
      toTrips[d]! += trips;
    }
  }
  for (let z = 0; z < zones; z++) {
    summary.zoneOriginTravelMinutes[z] = fromTrips[z]! > 0 ? fromSum[z]! / fromTrips[z]! : Number.NaN;
    summary.zoneDestinationTravelMinutes[z] = toTrips[z]! > 0 ? toSum[z]! / toTrips[z]! : Number.NaN;
  }
  return summary;
}
