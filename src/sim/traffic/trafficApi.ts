/**
 * The traffic worker's API (typed protocol for workers/traffic.worker.ts): user-equilibrium
 * assignment with progress and a shared cancel flag, "which OD pairs use this link", and a
 * vehicle fleet on the assigned paths for the 3D view. Arrays come back as transferables.
 */
import { transfer } from 'comlink';
import { InputError } from '../../core/errors.ts';
import { type AssignmentSummary, type NetworkUnits, summarizeAssignment } from './assignmentSummary.ts';
import { iterateUserEquilibrium } from './equilibrium.ts';
import type { OdDemand, TrafficNetwork } from './network.ts';
import { type OdShare, type PathSet, topOdPairsOnLink } from './pathSet.ts';
import { compileNetwork, type RoadGraph } from './roadGraph.ts';
import { createVehicleFleet, type VehicleFleet } from './vehicles.ts';

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

/** Where to draw vehicles: node positions in scene metres (0-based node index). */
export interface VehicleRequest {
  nodeXMetres: Float64Array;
  nodeYMetres: Float64Array;
  vehicleCount: number;
  seed: number;
}

/** Creates the API; it remembers the last assignment for link queries and vehicles. */
export function createTrafficApi() {
  let last: { graph: RoadGraph; paths: PathSet } | undefined;
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
      last = { graph, paths: result.paths };
      fleet = undefined;
      const summary = summarizeAssignment(
        graph,
        request.demand,
        result.volumes,
        result.odCosts,
        request.units,
      );
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

    /** Places vehicles on the last assignment's paths; returns their first positions (4 floats each). */
    async startVehicles(request: VehicleRequest): Promise<Float32Array> {
      if (!last) throw new InputError('no assignment has run yet');
      fleet = createVehicleFleet({ ...request, graph: last.graph, paths: last.paths });
      const copy = fleet.positions.slice();
      return transfer(copy, [copy.buffer]);
    },

    /**
     * Advances the vehicles by `dtSeconds` and returns a copy of positions (x, y, heading, type
     * per vehicle) to transfer to the main thread.
     */
    async stepVehicles(dtSeconds: number): Promise<Float32Array> {
      if (!fleet) throw new InputError('startVehicles has not been called');
      fleet.step(dtSeconds);
      const copy = fleet.positions.slice();
      return transfer(copy, [copy.buffer]);
    },
  };
}

/** The typed protocol of the traffic worker. */
export type TrafficApi = ReturnType<typeof createTrafficApi>;
