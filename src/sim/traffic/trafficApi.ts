/**
 * The traffic worker's API (typed protocol for workers/traffic.worker.ts): user-equilibrium
 * assignment with progress and a shared cancel flag, "which OD pairs use this link", and the
 * vehicle animation of the assigned link volumes and speeds for the 3D view (vehicles.ts). Arrays
 * come back as transferables.
 */
import { transfer } from 'comlink';
import { InputError } from '../../core/errors.ts';
import { type AssignmentSummary, type NetworkUnits, summarizeAssignment } from './assignmentSummary.ts';
import { iterateUserEquilibrium } from './equilibrium.ts';
import type { OdDemand, TrafficNetwork } from './network.ts';
import { type OdShare, type PathSet, topOdPairsOnLink } from './pathSet.ts';
import { compileNetwork, type RoadGraph } from './roadGraph.ts';
import {
  createVehicleFleet,
  type LinkPolylines,
  VEHICLE_STRIDE,
  type VehicleFleet,
  type VehicleMix,
} from './vehicles.ts';

/** Progress callback: fraction done in [0, 1] and the current relative gap. */
export type AssignmentProgressCallback = (fractionDone: number, relativeGap: number) => void | Promise<void>;

/** What to assign: any network and PCU demand in TNTP conventions (see network.ts), and stopping rules. */
export interface AssignmentRequest {
  network: TrafficNetwork;
  demand: OdDemand;
  /** Target relative gap (default 1e-4). */
  relativeGap?: number;
  maxIterations?: number;
  maxSeconds?: number;
  /** Unit conversions for speeds and totals (default km and minutes). */
  units?: NetworkUnits;
}

/** Assignment results: per-link arrays (Float32, transferable) and totals. */
export interface AssignmentResponse extends AssignmentSummary {
  /** Beckmann objective, time units × PCU. */
  objective: number;
  /** TSTT = Σ volume × generalized cost, time units × PCU. */
  totalTravelTime: number;
  relativeGap: number;
  iterations: number;
  seconds: number;
  converged: boolean;
}

/** Where to draw vehicles: node positions in scene metres (0-based node index) and options. */
export interface VehicleRequest {
  nodeXMetres: Float64Array;
  nodeYMetres: Float64Array;
  /** Most vehicles drawn at once. */
  maxVehicles: number;
  seed: number;
  /** Drawn path per network link (default: straight between its nodes). */
  linkPolylines?: LinkPolylines;
  /** 1 for network links without vehicles (centroid connectors). */
  excludedLinks?: Uint8Array;
  /** Drawn per real vehicle (default: about 90 % of `maxVehicles` on the road). */
  sampleFraction?: number;
}

/** The animation's first frame and what it stands for. */
export interface VehicleStart {
  /** VEHICLE_STRIDE floats per vehicle on the road (x, y, heading, type, speed km/h). */
  positions: Float32Array;
  /** Drawn vehicles per real vehicle. */
  sampleFraction: number;
  mix: VehicleMix;
  /** Links with volume left without vehicles (connectors, no speed, too short). */
  linksNotAnimated: number;
}

/** The positions of the vehicles on the road, a copy ready to transfer. */
/** A copy of the positions of the vehicles on the road (VEHICLE_STRIDE floats each), to transfer. */
export function positionsOf(fleet: VehicleFleet): Float32Array {
  return fleet.positions.slice(0, VEHICLE_STRIDE * fleet.count);
}

/** What a worker returns when the animation starts: positions (to transfer), sample and mix. */
export function vehicleStartOf(fleet: VehicleFleet): VehicleStart {
  return {
    positions: positionsOf(fleet),
    sampleFraction: fleet.sampleFraction,
    mix: fleet.mix,
    linksNotAnimated: fleet.linksNotAnimated,
  };
}

/** Creates the API; it remembers the last assignment for link queries and vehicles. */
export function createTrafficApi() {
  let last: { graph: RoadGraph; paths: PathSet; volume: Float32Array; speedKmh: Float32Array } | undefined;
  let fleet: VehicleFleet | undefined;

  return {
    async assign(
      request: AssignmentRequest,
      onProgress: AssignmentProgressCallback,
      cancelBuffer?: SharedArrayBuffer,
    ): Promise<AssignmentResponse> {
      const graph = compileNetwork(request.network);
      if (request.demand.zoneCount !== graph.zoneCount) {
        throw new InputError([
          {
            path: 'demand.zoneCount',
            message: `expected ${graph.zoneCount} zones, got ${request.demand.zoneCount}`,
          },
        ]);
      }
      const solve = iterateUserEquilibrium(graph, request.demand, {
        relativeGap: request.relativeGap ?? 1e-4,
        maxIterations: request.maxIterations ?? 500,
        maxSeconds: request.maxSeconds ?? Number.POSITIVE_INFINITY,
        cancelBuffer,
      });
      let step = solve.next();
      while (!step.done) {
        await onProgress(step.value.fractionDone, step.value.relativeGap);
        step = solve.next();
      }
      const result = step.value;
      const summary = summarizeAssignment(
        graph,
        request.demand,
        result.volumes,
        result.odCosts,
        request.units,
      );
      last = {
        graph,
        paths: result.paths,
        volume: summary.linkVolume.slice(),
        speedKmh: summary.linkSpeedKmh.slice(),
      };
      fleet = undefined;
      const response: AssignmentResponse = {
        ...summary,
        objective: result.objective,
        totalTravelTime: result.totalTravelTime,
        relativeGap: result.relativeGap,
        iterations: result.iterations,
        seconds: result.seconds,
        converged: result.converged,
      };
      return transfer(response, [
        summary.linkVolume.buffer,
        summary.linkVolumeCapacityRatio.buffer,
        summary.linkSpeedKmh.buffer,
        summary.linkDelayMinutes.buffer,
        summary.zoneOriginTravelMinutes.buffer,
        summary.zoneDestinationTravelMinutes.buffer,
      ] as ArrayBuffer[]);
    },

    /** The `k` OD pairs (1-based zones) with most flow on link `linkIndex` (0-based) in the last assignment. */
    async topOdPairsOnLink(linkIndex: number, k: number): Promise<OdShare[]> {
      if (!last) throw new InputError('no assignment has run yet');
      return topOdPairsOnLink(last.paths, linkIndex, k);
    },

    /**
     * Starts the animation of the last assignment: vehicles entering each link in proportion to
     * its assigned volume and moving at its assigned speed (vehicles.ts).
     */
    async startVehicles(request: VehicleRequest): Promise<VehicleStart> {
      if (!last) throw new InputError('no assignment has run yet');
      fleet = createVehicleFleet({
        ...request,
        graph: last.graph,
        linkVolumePcuPerHour: last.volume,
        linkSpeedKmh: last.speedKmh,
      });
      const start = vehicleStartOf(fleet);
      return transfer(start, [start.positions.buffer]);
    },

    /**
     * Advances the animation by `dtSeconds` and returns a copy of the positions of the vehicles
     * on the road (VEHICLE_STRIDE floats each) to transfer to the main thread.
     */
    async stepVehicles(dtSeconds: number): Promise<Float32Array> {
      if (!fleet) throw new InputError('startVehicles has not been called');
      fleet.step(dtSeconds);
      const copy = positionsOf(fleet);
      return transfer(copy, [copy.buffer]);
    },
  };
}

/** The typed protocol of the traffic worker. */
export type TrafficApi = ReturnType<typeof createTrafficApi>;
