/**
 * Vehicles for the 3D view: each follows an assigned path; every link is one lane, a queue of
 * vehicles ordered front to back, and each vehicle follows the one ahead (on its link, or the
 * last one on its next link) with the Intelligent Driver Model (see idm.ts). A vehicle that
 * finishes its path reappears at the start of a new one drawn in proportion to path flows, so
 * the fleet size stays constant. All state lives in typed arrays; `step` allocates nothing.
 */
import { InputError } from '../../core/errors.ts';
import { seededRandom } from '../../core/random.ts';
import { ballisticAdvance, IDM_HIGHWAY_CAR, type IdmParameters, idmAcceleration } from './idm.ts';
import type { PathSet } from './pathSet.ts';
import type { RoadGraph } from './roadGraph.ts';

/** Vehicle type codes written into the position buffer. */
export const VEHICLE_TYPE = { motorbike: 0, car: 1, bus: 2, truck: 3 } as const;

/**
 * Assumed vehicle lengths (m) and fleet shares per type code: a motorbike-dominated HCMC mix
 * (stated assumption, not survey data).
 */
const TYPE_LENGTH_METRES = [2, 4.5, 12, 10];
const TYPE_SHARE = [0.8, 0.15, 0.02, 0.03];

/** Steepest deceleration a vehicle can apply (m/s²); caps the IDM's emergency term. */
const MAX_BRAKING = 9;

/** Input of `createVehicleFleet`. */
export interface VehicleFleetInput {
  graph: RoadGraph;
  /** Node positions in scene metres (east), index = 0-based node. */
  nodeXMetres: ArrayLike<number>;
  /** Node positions in scene metres (north). */
  nodeYMetres: ArrayLike<number>;
  /** Assigned paths; vehicles are drawn in proportion to `flow`. */
  paths: PathSet;
  vehicleCount: number;
  seed: number;
  /** Car-following parameters (default IDM_HIGHWAY_CAR; its length is replaced per type). */
  idm?: IdmParameters;
  /** Desired speed per link, m/s (default the IDM v0 everywhere). */
  linkDesiredSpeedMetresPerSecond?: Float32Array;
}

/** A running fleet. */
export interface VehicleFleet {
  /** 4 floats per vehicle: x (m east), y (m north), heading (radians from east, counter-clockwise), type code. */
  readonly positions: Float32Array;
  /** Speed of each vehicle, m/s. */
  readonly speeds: Float32Array;
  readonly vehicleCount: number;
  /** Advances every vehicle by `dtSeconds` and refreshes `positions`. */
  step(dtSeconds: number): void;
  /** Simulated seconds since the start. */
  readonly simulatedSeconds: number;
  /** Vehicles that completed their path so far. */
  readonly completedTrips: number;
  /** Smallest bumper-to-bumper gap between queued vehicles on the road now, m (negative: overlap). */
  minimumGapMetres(): number;
}

/** Places vehicles on random points of sampled paths, at rest, and returns the fleet. */
export function createVehicleFleet(input: VehicleFleetInput): VehicleFleet {
  const { graph, paths, vehicleCount } = input;
  const idm = input.idm ?? IDM_HIGHWAY_CAR;
  const pathCount = paths.flow.length;
  if (pathCount === 0) throw new InputError([{ path: 'paths', message: 'expected at least one path' }]);
  if (!(Number.isInteger(vehicleCount) && vehicleCount >= 0)) {
    throw new InputError([{ path: 'vehicleCount', message: 'expected a non-negative integer' }]);
  }
  const random = seededRandom(input.seed);
  const linkCount = graph.linkCount;

  // link geometry
  const linkLength = new Float64Array(linkCount);
  const linkStartX = new Float64Array(linkCount);
  const linkStartY = new Float64Array(linkCount);
  const linkDirX = new Float64Array(linkCount);
  const linkDirY = new Float64Array(linkCount);
  const linkHeading = new Float32Array(linkCount);
  for (let i = 0; i < linkCount; i++) {
    const x0 = input.nodeXMetres[graph.tail[i]!]!;
    const y0 = input.nodeYMetres[graph.tail[i]!]!;
    const dx = input.nodeXMetres[graph.head[i]!]! - x0;
    const dy = input.nodeYMetres[graph.head[i]!]! - y0;
    const length = Math.hypot(dx, dy);
    linkLength[i] = Math.max(1, length);
    linkStartX[i] = x0;
    linkStartY[i] = y0;
    linkDirX[i] = length > 0 ? dx / length : 1;
    linkDirY[i] = length > 0 ? dy / length : 0;
    linkHeading[i] = Math.atan2(dy, dx);
  }
  const desiredSpeed =
    input.linkDesiredSpeedMetresPerSecond ??
    new Float32Array(linkCount).fill(idm.desiredSpeedMetresPerSecond);

  // path sampling by cumulative flow
  const cumulative = new Float64Array(pathCount);
  let total = 0;
  for (let p = 0; p < pathCount; p++) {
    total += Math.max(0, paths.flow[p]!);
    cumulative[p] = total;
  }
  if (!(total > 0)) throw new InputError([{ path: 'paths.flow', message: 'expected some positive flow' }]);
  const samplePath = (): number => {
    const target = random.next() * total;
    let lo = 0;
    let hi = pathCount - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };

  // vehicle state
  const n = vehicleCount;
  const vehiclePath = new Int32Array(n);
  const vehicleStep = new Int32Array(n); // index into the path's links
  const vehicleLink = new Int32Array(n);
  const offset = new Float64Array(n); // metres from the link start (negative: waiting to enter)
  const speeds = new Float32Array(n);
  const acceleration = new Float64Array(n);
  const vehicleLength = new Float32Array(n);
  const vehicleType = new Uint8Array(n);
  const ahead = new Int32Array(n).fill(-1);
  const behind = new Int32Array(n).fill(-1);
  const linkFront = new Int32Array(linkCount).fill(-1);
  const linkBack = new Int32Array(linkCount).fill(-1);
  const positions = new Float32Array(4 * n);

  const unlink = (v: number): void => {
    const link = vehicleLink[v]!;
    const a = ahead[v]!;
    const b = behind[v]!;
    if (a >= 0) behind[a] = b;
    else linkFront[link] = b;
    if (b >= 0) ahead[b] = a;
    else linkBack[link] = a;
    ahead[v] = -1;
    behind[v] = -1;
  };
  const appendBack = (v: number, link: number): void => {
    const back = linkBack[link]!;
    vehicleLink[v] = link;
    ahead[v] = back;
    behind[v] = -1;
    if (back >= 0) behind[back] = v;
    else linkFront[link] = v;
    linkBack[link] = v;
  };
  /** Inserts keeping the queue ordered by offset, front (largest) first; used only at start. */
  const insertOrdered = (v: number, link: number): void => {
    let after = linkBack[link]!;
    while (after >= 0 && offset[after]! < offset[v]!) after = ahead[after]!;
    vehicleLink[v] = link;
    const next = after >= 0 ? behind[after]! : linkFront[link]!;
    ahead[v] = after;
    behind[v] = next;
    if (after >= 0) behind[after] = v;
    else linkFront[link] = v;
    if (next >= 0) ahead[next] = v;
    else linkBack[link] = v;
  };
  /**
   * Joins the back of a link's queue at `wantedOffset`, or just behind the last vehicle when that
   * is closer (a merge from another approach yields: single-lane links have no side-by-side room).
   */
  const enterBehind = (v: number, link: number, wantedOffset: number): void => {
    const back = linkBack[link]!;
    offset[v] = wantedOffset;
    if (back >= 0) {
      const room = offset[back]! - vehicleLength[back]! - idm.minimumGapMetres;
      if (room < wantedOffset) {
        offset[v] = room;
        speeds[v] = Math.min(speeds[v]!, speeds[back]!);
      }
    }
    appendBack(v, link);
  };
  const startTrip = (v: number): void => {
    const p = samplePath();
    vehiclePath[v] = p;
    vehicleStep[v] = 0;
    speeds[v] = 0;
    enterBehind(v, paths.links[paths.linkStart[p]!]!, 0);
  };

  for (let v = 0; v < n; v++) {
    const roll = random.next();
    let type = 0;
    for (let acc = TYPE_SHARE[0]!; type < 3 && roll >= acc; acc += TYPE_SHARE[type]!) type++;
    vehicleType[v] = type;
    vehicleLength[v] = TYPE_LENGTH_METRES[type]!;
    const p = samplePath();
    const start = paths.linkStart[p]!;
    const count = paths.linkStart[p + 1]! - start;
    const stepIndex = random.int(count);
    const link = paths.links[start + stepIndex]!;
    vehiclePath[v] = p;
    vehicleStep[v] = stepIndex;
    offset[v] = random.next() * linkLength[link]!;
    insertOrdered(v, link);
  }
  // random starting points may overlap: move vehicles back until every gap is s0
  for (let link = 0; link < linkCount; link++) {
    for (let v = linkFront[link]!, next = v >= 0 ? behind[v]! : -1; next >= 0; v = next, next = behind[v]!) {
      offset[next] = Math.min(offset[next]!, offset[v]! - vehicleLength[v]! - idm.minimumGapMetres);
    }
  }

  let simulatedSeconds = 0;
  let completedTrips = 0;

  const writePosition = (v: number): void => {
    const link = vehicleLink[v]!;
    const along = Math.min(Math.max(offset[v]!, 0), linkLength[link]!);
    positions[4 * v] = linkStartX[link]! + linkDirX[link]! * along;
    positions[4 * v + 1] = linkStartY[link]! + linkDirY[link]! * along;
    positions[4 * v + 2] = linkHeading[link]!;
    positions[4 * v + 3] = vehicleType[v]!;
  };
  for (let v = 0; v < n; v++) writePosition(v);

  const step = (dt: number): void => {
    for (let v = 0; v < n; v++) {
      const link = vehicleLink[v]!;
      let leader = ahead[v]!;
      let gap = Number.POSITIVE_INFINITY;
      if (leader >= 0) {
        gap = offset[leader]! - offset[v]! - vehicleLength[leader]!;
      } else {
        const p = vehiclePath[v]!;
        const nextIndex = paths.linkStart[p]! + vehicleStep[v]! + 1;
        if (nextIndex < paths.linkStart[p + 1]!) {
          leader = linkBack[paths.links[nextIndex]!]!;
          if (leader >= 0) {
            gap = linkLength[link]! - offset[v]! + offset[leader]! - vehicleLength[leader]!;
          }
        }
      }
      const speed = speeds[v]!;
      const rate = leader >= 0 ? speed - speeds[leader]! : 0;
      const a = idmAcceleration(idm, desiredSpeed[link]!, speed, Math.max(gap, 0.1), rate);
      acceleration[v] = Math.max(a, -MAX_BRAKING);
    }
    for (let v = 0; v < n; v++) {
      const a = acceleration[v]!;
      offset[v]! += ballisticAdvance(speeds[v]!, a, dt);
      const nextSpeed = speeds[v]! + a * dt;
      speeds[v] = Math.max(nextSpeed, 0);
      let link = vehicleLink[v]!;
      while (offset[v]! >= linkLength[link]!) {
        const overshoot = offset[v]! - linkLength[link]!;
        unlink(v);
        const p = vehiclePath[v]!;
        const nextIndex = paths.linkStart[p]! + vehicleStep[v]! + 1;
        if (nextIndex >= paths.linkStart[p + 1]!) {
          completedTrips++;
          startTrip(v);
          break;
        }
        vehicleStep[v]!++;
        link = paths.links[nextIndex]!;
        enterBehind(v, link, overshoot);
      }
      writePosition(v);
    }
    simulatedSeconds += dt;
  };

  return {
    positions,
    speeds,
    vehicleCount: n,
    step,
    get simulatedSeconds() {
      return simulatedSeconds;
    },
    get completedTrips() {
      return completedTrips;
    },
    minimumGapMetres() {
      let minimum = Number.POSITIVE_INFINITY;
      for (let v = 0; v < n; v++) {
        const leader = ahead[v]!;
        if (leader >= 0 && offset[v]! >= 0) {
          minimum = Math.min(minimum, offset[leader]! - offset[v]! - vehicleLength[leader]!);
        }
      }
      return minimum;
    },
  };
}
