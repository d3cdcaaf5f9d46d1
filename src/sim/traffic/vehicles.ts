/**
 * The vehicle view: an animation of an assigned (static user-equilibrium) traffic state, not a
 * micro-simulation. Every link is animated on its own:
 *
 * - vehicles enter link i at evenly spaced times t_j = (j + φ_i)·h_i, j ∈ ℤ, with the headway
 *   h_i = 1 / (sampleFraction × vehiclesPerPcu × volume_i) (volume in PCU/h converted to
 *   vehicles with the demand model's vehicle mix, see `vehicleMixOf`) and a seeded phase
 *   φ_i ∈ [0, 1): the number entering a link in any period is proportional to its assigned volume
 *   (within ±1);
 * - each moves along the link's drawn polyline at exactly the link's assigned congested speed
 *   (km/h of the assignment summary) and disappears at its end; the next link's own schedule
 *   supplies the vehicles leaving it. Vehicles on a link therefore number ≈ flow × travel time
 *   (the density the assignment implies) and never overtake or overlap one another;
 * - the vehicle class of each entry (motorbike, car, bus, truck) is drawn with the mix's vehicle
 *   shares from a hash of (seed, link, j): deterministic for a seed, independent of step sizes.
 *
 * The fleet starts in its periodic state (vehicles that entered in the last travel time are
 * already on the link). No car following, queues, signals or lane changes: the Intelligent Driver
 * Model (idm.ts) is not used here. All state lives in typed arrays; `step` allocates nothing.
 */
import { InputError } from '../../core/errors.ts';
import { DEFAULT_CITY_DEMAND_OPTIONS } from './city/cityDemand.ts';
import type { VehicleClass } from './pcu.ts';
import type { RoadGraph } from './roadGraph.ts';

/** Vehicle classes in type-code order. */
export const VEHICLE_CLASSES = [
  'motorbike',
  'car',
  'bus',
  'truck',
] as const satisfies readonly VehicleClass[];

/** Vehicle type codes written into the position buffer. */
export const VEHICLE_TYPE = { motorbike: 0, car: 1, bus: 2, truck: 3 } as const;

/** Floats per vehicle in `positions`: x (m east), y (m north), heading, type code, speed (km/h). */
export const VEHICLE_STRIDE = 5;

/** The vehicle composition of a PCU stream. */
export interface VehicleMix {
  /** Share of vehicles by class (sums to 1). */
  share: Readonly<Record<VehicleClass, number>>;
  /** Vehicles per PCU of the mixed stream: 1 / Σ share × PCU factor. */
  vehiclesPerPcu: number;
}

/** What `vehicleMixOf` needs: the demand model's mode split, occupancies, trucks and PCU factors. */
export interface VehicleMixAssumptions {
  /** Share of person trips by class (the rest walk or cycle). */
  modeShare: Readonly<Record<Exclude<VehicleClass, 'truck'>, number>>;
  /** Persons per vehicle. */
  occupancy: Readonly<Record<Exclude<VehicleClass, 'truck'>, number>>;
  trucksPerPersonTrip: number;
  pcuFactors: Readonly<Record<VehicleClass, number>>;
}

/**
 * Vehicle shares from person-trip mode shares: vehicles per person trip of a class = mode share /
 * occupancy (trucks: trucks per person trip), shares = each over their sum; PCU per vehicle =
 * Σ share × PCU factor. The same arithmetic the demand model uses to turn person trips into PCU,
 * so the animated vehicles add up to the assigned PCU.
 */
export function vehicleMixOf(o: VehicleMixAssumptions): VehicleMix {
  const perTrip: Record<VehicleClass, number> = {
    motorbike: o.modeShare.motorbike / o.occupancy.motorbike,
    car: o.modeShare.car / o.occupancy.car,
    bus: o.modeShare.bus / o.occupancy.bus,
    truck: o.trucksPerPersonTrip,
  };
  let vehicles = 0;
  for (const c of VEHICLE_CLASSES) vehicles += perTrip[c];
  if (!(vehicles > 0)) throw new InputError([{ path: 'modeShare', message: 'expected some vehicle trips' }]);
  const share = {} as Record<VehicleClass, number>;
  let pcuPerVehicle = 0;
  for (const c of VEHICLE_CLASSES) {
    share[c] = perTrip[c] / vehicles;
    pcuPerVehicle += share[c] * o.pcuFactors[c];
  }
  return { share, vehiclesPerPcu: 1 / pcuPerVehicle };
}

/**
 * The Thủ Đức demand model's mix (cityDemand.ts defaults: person-trip shares motorbike 70 %,
 * car 8 %, bus 3 %, occupancy 1.2 / 1.5 / 30, 0.01 trucks per person trip, pcu.ts factors):
 * about 90.1 % motorbikes, 8.2 % cars, 0.15 % buses, 1.5 % trucks, 2.53 vehicles per PCU.
 */
export const DEFAULT_VEHICLE_MIX: VehicleMix = vehicleMixOf(DEFAULT_CITY_DEMAND_OPTIONS);

/** Drawn polylines per link: link i's vertices are offsets[i]..offsets[i+1]-1 of [x, y, ...] metres. */
export interface LinkPolylines {
  offsets: Int32Array;
  coordinates: Float64Array;
}

/** Input of `createVehicleFleet`. */
export interface VehicleFleetInput {
  graph: Pick<RoadGraph, 'linkCount' | 'tail' | 'head'>;
  /** Node positions in scene metres (east), index = 0-based node. */
  nodeXMetres: ArrayLike<number>;
  /** Node positions in scene metres (north). */
  nodeYMetres: ArrayLike<number>;
  /** Assigned volume per link, PCU/h. */
  linkVolumePcuPerHour: ArrayLike<number>;
  /** Assigned congested speed per link, km/h; links with volume need a speed > 0 to be animated. */
  linkSpeedKmh: ArrayLike<number>;
  /**
   * Drawn path of each link (e.g. the road's polyline shifted to its side of the road); a link
   * with fewer than 2 vertices is drawn straight from its tail node to its head node (default).
   */
  linkPolylines?: LinkPolylines;
  /** 1 for links to leave empty (e.g. centroid connectors, which are not streets). */
  excludedLinks?: ArrayLike<number>;
  /** Vehicle composition (default DEFAULT_VEHICLE_MIX). */
  mix?: VehicleMix;
  /**
   * Drawn vehicles per real vehicle, in (0, 1]. Default: chosen so that about 90 % of
   * `maxVehicles` are on the road at once (at most 1).
   */
  sampleFraction?: number;
  /** Most vehicles drawn at once (buffer size); an entry that finds it full is skipped and counted. */
  maxVehicles: number;
  seed: number;
}

/** A running animation (see the module comment). Per-vehicle arrays are valid for the first `count` entries. */
export interface VehicleFleet {
  readonly maxVehicles: number;
  /** Vehicles on the road now. */
  readonly count: number;
  /** VEHICLE_STRIDE floats per vehicle: x (m east), y (m north), heading (radians from east, counter-clockwise), type code, speed (km/h). */
  readonly positions: Float32Array;
  /** A number unique to each vehicle entry (kept while the vehicle is on its link). */
  readonly vehicleId: Uint32Array;
  readonly vehicleLink: Int32Array;
  /** Distance travelled along the link's drawn path, m. */
  readonly vehicleOffsetMetres: Float64Array;
  readonly vehicleType: Uint8Array;
  /** Speed of each link's vehicles (the assigned speed), m/s; 0 where not animated. */
  readonly linkSpeedMetresPerSecond: Float64Array;
  /** Length of each link's drawn path, m. */
  readonly linkLengthMetres: Float64Array;
  /** Drawn vehicles entering each link per second (0 where not animated). */
  readonly linkEntryRatePerSecond: Float64Array;
  /**
   * Entries due per link since the start, drawn or not (the vehicles present at the start are not
   * counted).
   */
  readonly entriesPerLink: Uint32Array;
  /** Entries by type code since the start. */
  readonly entriesByType: Float64Array;
  /** Entries not drawn because `maxVehicles` were on the road. */
  readonly skippedEntries: number;
  /** Links with volume that are not animated (excluded, speed ≤ 0 or a drawn length under 1 m). */
  readonly linksNotAnimated: number;
  readonly sampleFraction: number;
  readonly mix: VehicleMix;
  /** Simulated seconds since the start. */
  readonly simulatedSeconds: number;
  /** Advances every vehicle by `dtSeconds` (≥ 0), adds the entries due and refreshes `positions`. */
  step(dtSeconds: number): void;
}

/** murmur3's 32-bit finalizer. */
function fmix32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A hash of three 32-bit integers, uniform in [0, 1). */
function hashUniform(seed: number, a: number, b: number): number {
  let h = fmix32(seed ^ 0x9e3779b9);
  h = fmix32(h ^ Math.imul(a | 0, 0xcc9e2d51));
  h = fmix32(h + Math.imul(b | 0, 0x1b873593));
  return h / 4294967296;
}

/** Salt of the phase hash (the type hash uses the entry index j instead). */
const PHASE_SALT = 0x7fffffff;
/** Shortest drawn link that gets vehicles, m. */
const MIN_LENGTH_METRES = 1;

/** Creates the animation in its periodic state at time 0 (see the module comment). */
export function createVehicleFleet(input: VehicleFleetInput): VehicleFleet {
  const { graph, maxVehicles, seed } = input;
  const linkCount = graph.linkCount;
  const mix = input.mix ?? DEFAULT_VEHICLE_MIX;
  if (!(Number.isInteger(maxVehicles) && maxVehicles >= 0)) {
    throw new InputError([{ path: 'maxVehicles', message: 'expected a non-negative integer' }]);
  }
  for (const [name, values] of [
    ['linkVolumePcuPerHour', input.linkVolumePcuPerHour],
    ['linkSpeedKmh', input.linkSpeedKmh],
  ] as const) {
    if (values.length !== linkCount) {
      throw new InputError([{ path: name, message: `expected ${linkCount} values, got ${values.length}` }]);
    }
  }

  // drawn paths: the given polyline, else the straight line between the link's nodes
  const given = input.linkPolylines;
  const vertexStart = new Int32Array(linkCount + 1);
  for (let i = 0; i < linkCount; i++) {
    const n = given ? given.offsets[i + 1]! - given.offsets[i]! : 0;
    vertexStart[i + 1] = vertexStart[i]! + Math.max(n, 2);
  }
  const vertexCount = vertexStart[linkCount]!;
  const vx = new Float64Array(vertexCount);
  const vy = new Float64Array(vertexCount);
  /** Distance from the link start to each vertex, m. */
  const along = new Float64Array(vertexCount);
  const linkLength = new Float64Array(linkCount);
  for (let i = 0; i < linkCount; i++) {
    const start = vertexStart[i]!;
    const end = vertexStart[i + 1]!;
    const from = given ? given.offsets[i]! : 0;
    if (given && end - start === given.offsets[i + 1]! - from) {
      for (let k = 0; k < end - start; k++) {
        vx[start + k] = given.coordinates[2 * (from + k)]!;
        vy[start + k] = given.coordinates[2 * (from + k) + 1]!;
      }
    } else {
      vx[start] = input.nodeXMetres[graph.tail[i]!]!;
      vy[start] = input.nodeYMetres[graph.tail[i]!]!;
      vx[start + 1] = input.nodeXMetres[graph.head[i]!]!;
      vy[start + 1] = input.nodeYMetres[graph.head[i]!]!;
    }
    along[start] = 0;
    for (let k = start + 1; k < end; k++) {
      along[k] = along[k - 1]! + Math.hypot(vx[k]! - vx[k - 1]!, vy[k]! - vy[k - 1]!);
    }
    linkLength[i] = along[end - 1]!;
  }

  // speeds and real (unsampled) entry rates
  const speed = new Float64Array(linkCount);
  const realRate = new Float64Array(linkCount);
  let linksNotAnimated = 0;
  let realOnRoad = 0;
  for (let i = 0; i < linkCount; i++) {
    const volume = input.linkVolumePcuPerHour[i]!;
    if (!(volume > 0)) continue;
    const kmh = input.linkSpeedKmh[i]!;
    const excluded = (input.excludedLinks?.[i] ?? 0) !== 0;
    if (excluded || !(kmh > 0 && Number.isFinite(kmh)) || !(linkLength[i]! >= MIN_LENGTH_METRES)) {
      linksNotAnimated++;
      continue;
    }
    speed[i] = kmh / 3.6;
    realRate[i] = (volume * mix.vehiclesPerPcu) / 3600;
    realOnRoad += (realRate[i]! * linkLength[i]!) / speed[i]!;
  }
  const sampleFraction =
    input.sampleFraction ?? (realOnRoad > 0 ? Math.min(1, (0.9 * maxVehicles) / realOnRoad) : 1);
  if (!(sampleFraction > 0 && sampleFraction <= 1)) {
    throw new InputError([{ path: 'sampleFraction', message: 'expected a number in (0, 1]' }]);
  }
  const rate = new Float64Array(linkCount);
  const headway = new Float64Array(linkCount);
  const phase = new Float64Array(linkCount);
  /** Index j of each link's next entry. */
  const nextEntry = new Float64Array(linkCount);
  for (let i = 0; i < linkCount; i++) {
    if (!(realRate[i]! > 0)) continue;
    rate[i] = realRate[i]! * sampleFraction;
    headway[i] = 1 / rate[i]!;
    phase[i] = hashUniform(seed, i, PHASE_SALT);
  }
  const cumulativeShare = new Float64Array(VEHICLE_CLASSES.length);
  let acc = 0;
  VEHICLE_CLASSES.forEach((c, k) => {
    acc += mix.share[c];
    cumulativeShare[k] = acc;
  });
  const typeOf = (link: number, j: number): number => {
    const u = hashUniform(seed, link, j) * acc;
    let type = 0;
    while (type < VEHICLE_CLASSES.length - 1 && u >= cumulativeShare[type]!) type++;
    return type;
  };

  // vehicle state (dense: the first `count` slots)
  const n = maxVehicles;
  const vehicleId = new Uint32Array(n);
  const vehicleLink = new Int32Array(n);
  const vehicleOffset = new Float64Array(n);
  const vehicleType = new Uint8Array(n);
  const vehicleVertex = new Int32Array(n); // index of the vertex starting the vehicle's current segment
  const positions = new Float32Array(VEHICLE_STRIDE * n);
  const entriesPerLink = new Uint32Array(linkCount);
  const entriesByType = new Float64Array(VEHICLE_CLASSES.length);
  let count = 0;
  let nextId = 0;
  let skippedEntries = 0;
  let time = 0;

  /** Adds a vehicle of `type` on `link` at distance `offset` along it; false when the buffer is full. */
  const add = (link: number, type: number, offset: number): boolean => {
    if (count >= n) return false;
    const s = count++;
    vehicleId[s] = nextId++ >>> 0;
    vehicleLink[s] = link;
    vehicleOffset[s] = offset;
    vehicleType[s] = type;
    vehicleVertex[s] = vertexStart[link]!;
    return true;
  };
  const writePosition = (s: number): void => {
    const link = vehicleLink[s]!;
    const offset = vehicleOffset[s]!;
    const last = vertexStart[link + 1]! - 1;
    let k = vehicleVertex[s]!;
    while (k < last - 1 && along[k + 1]! <= offset) k++;
    vehicleVertex[s] = k;
    const segment = along[k + 1]! - along[k]!;
    const f = segment > 0 ? Math.min(1, Math.max(0, (offset - along[k]!) / segment)) : 0;
    const dx = vx[k + 1]! - vx[k]!;
    const dy = vy[k + 1]! - vy[k]!;
    const o = VEHICLE_STRIDE * s;
    positions[o] = vx[k]! + dx * f;
    positions[o + 1] = vy[k]! + dy * f;
    positions[o + 2] = Math.atan2(dy, dx);
    positions[o + 3] = vehicleType[s]!;
    positions[o + 4] = speed[link]! * 3.6;
  };

  // the periodic state at t = 0: entries j with t_j in (−travel time, 0] are on the link
  for (let i = 0; i < linkCount; i++) {
    if (!(rate[i]! > 0)) continue;
    const h = headway[i]!;
    const travel = linkLength[i]! / speed[i]!;
    const firstFuture = Math.floor(-phase[i]!) + 1; // smallest j with t_j > 0
    nextEntry[i] = firstFuture;
    for (let j = firstFuture - 1; ; j--) {
      const age = -(j + phase[i]!) * h;
      if (age >= travel) break;
      if (!add(i, typeOf(i, j), speed[i]! * age)) skippedEntries++;
    }
  }
  for (let s = 0; s < count; s++) writePosition(s);

  const step = (dt: number): void => {
    if (!(dt >= 0)) throw new InputError([{ path: 'dtSeconds', message: 'expected a number ≥ 0' }]);
    const now = time + dt;
    // move, and drop the vehicles past their link's end (swap with the last slot)
    for (let s = 0; s < count; ) {
      const link = vehicleLink[s]!;
      vehicleOffset[s]! += speed[link]! * dt;
      if (vehicleOffset[s]! >= linkLength[link]!) {
        const last = --count;
        if (s !== last) {
          vehicleId[s] = vehicleId[last]!;
          vehicleLink[s] = vehicleLink[last]!;
          vehicleOffset[s] = vehicleOffset[last]!;
          vehicleType[s] = vehicleType[last]!;
          vehicleVertex[s] = vehicleVertex[last]!;
        }
        continue; // slot s now holds an unmoved vehicle
      }
      s++;
    }
    // entries due in (time, now], placed where they are at `now`
    for (let i = 0; i < linkCount; i++) {
      if (!(rate[i]! > 0)) continue;
      const h = headway[i]!;
      for (let j = nextEntry[i]!; (j + phase[i]!) * h <= now; j++) {
        nextEntry[i] = j + 1;
        entriesPerLink[i]!++;
        const type = typeOf(i, j);
        entriesByType[type]!++;
        const offset = speed[i]! * (now - (j + phase[i]!) * h);
        if (offset >= linkLength[i]!) continue; // entered and left within the step
        if (!add(i, type, offset)) skippedEntries++;
      }
    }
    time = now;
    for (let s = 0; s < count; s++) writePosition(s);
  };

  return {
    maxVehicles: n,
    get count() {
      return count;
    },
    positions,
    vehicleId,
    vehicleLink,
    vehicleOffsetMetres: vehicleOffset,
    vehicleType,
    linkSpeedMetresPerSecond: speed,
    linkLengthMetres: linkLength,
    linkEntryRatePerSecond: rate,
    entriesPerLink,
    entriesByType,
    get skippedEntries() {
      return skippedEntries;
    },
    linksNotAnimated,
    sampleFraction,
    mix,
    get simulatedSeconds() {
      return time;
    },
    step,
  };
}
